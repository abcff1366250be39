import type { Role, Sector } from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';

/**
 * What a signed-in user may see: one or more org-unit subtrees (ltree paths) and, for sector staff, a sector.
 * Every repository function takes a Scope first and filters by it in SQL.
 */
export interface Scope {
  userId: string;
  role: Role;
  sector: Sector | null;
  /** ltree paths of the user's scope roots, e.g. `vn.p01.c00004`. */
  paths: string[];
}

const ltreeLabelPath = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** An ltree[] literal. Paths are made by the application from codes, so they never need quoting. */
export function ltreeArrayLiteral(paths: readonly string[]): string {
  for (const path of paths) {
    if (!ltreeLabelPath.test(path)) throw new Error(`Not an ltree path: ${path}`);
  }
  return `{${paths.join(',')}}`;
}

/** `column` lies in one of the scope's subtrees. */
export function withinScope(column: string, scope: Pick<Scope, 'paths'>): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} <@ ${ltreeArrayLiteral(scope.paths)}::ltree[]`;
}

/** `path` (a JS string) lies in one of the scope's subtrees — the same rule, checked without the database. */
export function pathWithinScope(path: string, scope: Pick<Scope, 'paths'>): boolean {
  return scope.paths.some((root) => path === root || path.startsWith(`${root}.`));
}
