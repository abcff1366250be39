import type { MatrixCase, MatrixContext } from './caseMatrix.ts';

/** The permissions-matrix rows of aggregate entry and period locks (http/permissions.matrix.test.ts). */
export function aggregateMatrix(_get: () => MatrixContext): Record<string, MatrixCase> {
  return {};
}
