import type { Role } from '@treem/shared';
import { expect } from 'vitest';
import type { MatrixCase, MatrixContext } from './caseMatrix.ts';
import type { SeedUnit } from './factories.ts';

/**
 * The permissions-matrix rows of aggregate entry and period locks (http/permissions.matrix.test.ts). An entry is
 * refused to a sector that does not enter the indicator (403 AGGREGATE_NOT_YOUR_SECTOR), so each role's in-scope
 * probe fills a cell of its own sector at the level of its scope: the province officer of the matrix works for
 * health. Out of scope is the same request aimed at the foreign province or its commune (404).
 */

const readers: readonly Role[] = [
  'province_admin',
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
  'viewer',
];
const enterers: readonly Role[] = [
  'province_admin',
  'province_officer',
  'commune_worker',
  'health_worker',
  'school_staff',
];
const lockers: readonly Role[] = ['province_admin', 'commune_leader'];

/** Saves use this year; locks each use a year of their own, so no probe's lock refuses another's save. */
const SAVE_PERIOD = '2019';

interface Cell {
  atProvince: boolean;
  code: string;
  body: Record<string, number>;
}

/** A cell the role may fill; roles that enter nothing probe the school's cell (and get 403). */
function cellFor(role: Role): Cell {
  switch (role) {
    case 'province_admin':
      return { atProvince: true, code: 'NPA-13', body: { value: 5 } };
    case 'province_officer':
      return { atProvince: true, code: 'NPA-06', body: { numerator: 1, denominator: 40 } };
    case 'commune_worker':
      return { atProvince: false, code: 'NPA-10', body: { numerator: 3, denominator: 100 } };
    case 'health_worker':
      return { atProvince: false, code: 'NPA-03a', body: { numerator: 2, denominator: 300 } };
    case 'school_staff':
    case 'system_admin':
    case 'commune_leader':
    case 'village_collaborator':
    case 'viewer':
      return { atProvince: false, code: 'NPA-07', body: { numerator: 18, denominator: 20 } };
  }
}

export function aggregateMatrix(get: () => MatrixContext): Record<string, MatrixCase> {
  /** A unit inside the role's scope (system_admin's is the country: any unit will do for its 403). */
  const unitOf = (role: Role): SeedUnit => {
    switch (role) {
      case 'province_admin':
      case 'province_officer':
      case 'viewer':
      case 'system_admin':
        return get().province;
      case 'commune_worker':
      case 'commune_leader':
      case 'health_worker':
      case 'school_staff':
        return get().commune;
      case 'village_collaborator':
        return get().village;
    }
  };
  const outside = (role: Role) => (role === 'system_admin' ? null : get().foreignProvince);
  const cellUnits = (role: Role) => {
    const cell = cellFor(role);
    return {
      cell,
      here: cell.atProvince ? get().province : get().commune,
      there: cell.atProvince ? get().foreignProvince : get().foreignCommune,
    };
  };
  let year = 2040;
  const nextYear = () => String((year += 1));
  /** A commune lock set by the province admin, for an unlock probe. */
  const lockedYear = async () => {
    const period = nextYear();
    const locked = await get()
      .sessions.get('province_admin')!
      .post(`/api/aggregate/units/${get().commune.id}/locks`, { period });
    expect(locked.status, JSON.stringify(locked.body)).toBe(201);
    return period;
  };
  const batchOf = (cell: Cell) => ({
    period: SAVE_PERIOD,
    entries: [{ indicatorCode: cell.code, ...cell.body }],
  });
  const entryOf = (cell: Cell) => ({ period: SAVE_PERIOD, indicatorCode: cell.code, ...cell.body });
  const history = `entry-history?period=${SAVE_PERIOD}&indicatorCode=NPA-07`;

  return {
    'GET /api/aggregate/units/:unitId/entries': {
      allowed: readers,
      inScope: async (role) => ({
        method: 'GET',
        url: `/api/aggregate/units/${unitOf(role).id}/entries?period=2025`,
      }),
      outOfScope: async (role) => {
        const unit = outside(role);
        return unit && { method: 'GET', url: `/api/aggregate/units/${unit.id}/entries?period=2025` };
      },
    },
    'PUT /api/aggregate/units/:unitId/entries': {
      allowed: enterers,
      inScope: async (role) => {
        const { cell, here } = cellUnits(role);
        return { method: 'PUT', url: `/api/aggregate/units/${here.id}/entries`, body: batchOf(cell) };
      },
      outOfScope: async (role) => {
        if (role === 'system_admin') return null;
        const { cell, there } = cellUnits(role);
        return { method: 'PUT', url: `/api/aggregate/units/${there.id}/entries`, body: batchOf(cell) };
      },
    },
    'PUT /api/aggregate/units/:unitId/entry': {
      allowed: enterers,
      inScope: async (role) => {
        const { cell, here } = cellUnits(role);
        return { method: 'PUT', url: `/api/aggregate/units/${here.id}/entry`, body: entryOf(cell) };
      },
      outOfScope: async (role) => {
        if (role === 'system_admin') return null;
        const { cell, there } = cellUnits(role);
        return { method: 'PUT', url: `/api/aggregate/units/${there.id}/entry`, body: entryOf(cell) };
      },
    },
    'GET /api/aggregate/units/:unitId/entry-history': {
      allowed: readers,
      inScope: async (role) => ({ method: 'GET', url: `/api/aggregate/units/${unitOf(role).id}/${history}` }),
      outOfScope: async (role) => {
        const unit = outside(role);
        return unit && { method: 'GET', url: `/api/aggregate/units/${unit.id}/${history}` };
      },
    },
    'GET /api/aggregate/units/:unitId/locks': {
      allowed: readers,
      inScope: async (role) => ({ method: 'GET', url: `/api/aggregate/units/${unitOf(role).id}/locks` }),
      outOfScope: async (role) => {
        const unit = outside(role);
        return unit && { method: 'GET', url: `/api/aggregate/units/${unit.id}/locks` };
      },
    },
    'POST /api/aggregate/units/:unitId/locks': {
      allowed: lockers,
      inScope: async (role) => ({
        method: 'POST',
        url: `/api/aggregate/units/${unitOf(role).id}/locks`,
        body: { period: nextYear(), reason: 'Báo cáo đã được phê duyệt' },
      }),
      outOfScope: async (role) =>
        role === 'system_admin'
          ? null
          : {
              method: 'POST',
              url: `/api/aggregate/units/${get().foreignCommune.id}/locks`,
              body: { period: nextYear() },
            },
    },
    'POST /api/aggregate/units/:unitId/unlock': {
      allowed: lockers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/aggregate/units/${get().commune.id}/unlock`,
        body: { period: await lockedYear(), reason: 'Bổ sung số liệu' },
      }),
      outOfScope: async (role) =>
        role === 'system_admin'
          ? null
          : {
              method: 'POST',
              url: `/api/aggregate/units/${get().foreignCommune.id}/unlock`,
              body: { period: nextYear(), reason: 'Bổ sung số liệu' },
            },
    },
  };
}
