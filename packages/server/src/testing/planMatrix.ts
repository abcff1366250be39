import type { MatrixCase, MatrixContext } from './caseMatrix.ts';

/** The permissions-matrix rows of plans, targets, activities, trainings and budget (http/permissions.matrix.test.ts). */
export function planMatrix(_get: () => MatrixContext): Record<string, MatrixCase> {
  return {};
}
