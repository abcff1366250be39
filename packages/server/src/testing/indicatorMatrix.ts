import type { MatrixCase, MatrixContext } from './caseMatrix.ts';

/** The permissions-matrix rows of indicators: catalogue, values, lineage (http/permissions.matrix.test.ts). */
export function indicatorMatrix(_get: () => MatrixContext): Record<string, MatrixCase> {
  return {};
}
