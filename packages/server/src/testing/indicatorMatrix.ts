import type { Role } from '@treem/shared';
import type { MatrixCase, MatrixContext } from './caseMatrix.ts';

/**
 * The permissions-matrix rows of the indicator routes (http/permissions.matrix.test.ts). Every reader asks for a
 * village of the in-scope commune (inside every reader's scope); out of scope is a village of the foreign province,
 * which must answer 404.
 */
const indicatorReaders: readonly Role[] = [
  'province_admin',
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
  'viewer',
];

export function indicatorMatrix(get: () => MatrixContext): Record<string, MatrixCase> {
  const probe = (path: string, query: string) => ({
    inScope: async () => ({ method: 'GET' as const, url: `${path}?unitId=${get().village.id}&${query}` }),
    outOfScope: async () => ({
      method: 'GET' as const,
      url: `${path}?unitId=${get().foreignVillage.id}&${query}`,
    }),
  });
  return {
    'GET /api/indicators': {
      allowed: indicatorReaders,
      inScope: async () => ({ method: 'GET', url: '/api/indicators' }),
    },
    'GET /api/indicators/overview': {
      allowed: indicatorReaders,
      ...probe('/api/indicators/overview', 'period=2025&codes=NPA-04a,NPA-14'),
    },
    'GET /api/indicators/:code/values': {
      allowed: indicatorReaders,
      ...probe('/api/indicators/NPA-04a/values', 'period=2025H2&by=sex'),
    },
    'GET /api/indicators/:code/trend': {
      allowed: indicatorReaders,
      ...probe('/api/indicators/NPA-14/trend', 'period=2025&count=2'),
    },
    'GET /api/indicators/:code/lineage': {
      allowed: indicatorReaders,
      ...probe('/api/indicators/NPA-04a/lineage', 'period=2025H2&part=denominator'),
    },
    'GET /api/indicators/:code/lineage/export': {
      allowed: indicatorReaders,
      ...probe('/api/indicators/NPA-04a/lineage/export', 'period=2025H2&format=csv'),
    },
  };
}
