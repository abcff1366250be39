import { AppError, todayInVietnam, type CaseActor, type CaseRelation, type Sector } from '@treem/shared';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { ProtectionCaseTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { pathWithinScope, withinScope, type Scope } from '../access/scope.ts';

/**
 * Who may see a protection case. Never the scope alone: a case is the most sensitive record treem holds.
 * - its assigned workers (`case_member`);
 * - the commune leader of its commune, who approves plans and closures (Decree 56, Art. 28);
 * - province officers of the child-protection sector, who supervise;
 * - users a worker shared it with, while the share lasts;
 * - commune workers of its commune while it waits in the inbox with no worker, and of the commune it is being
 *   transferred to, so that they can decide to take it.
 * Everyone else gets 404, including the other workers of the same commune.
 */
export const SUPERVISING_SECTORS: readonly Sector[] = ['social_protection'];

function supervises(scope: Scope): boolean {
  return (
    scope.role === 'province_officer' && scope.sector !== null && SUPERVISING_SECTORS.includes(scope.sector)
  );
}

/** The SQL condition "the caller may see case `c`", for lists and single reads alike. */
export function caseVisibleTo(scope: Scope, alias = 'c'): RawBuilder<boolean> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  const today = todayInVietnam();
  // Member or shared, as one set of keys: a list tests each of the province's open cases against it, and one hash
  // probe a row instead of two took a worker's cases from 2.1 to 1.6–2.0 ms (bench/README.md, "case-lists").
  const terms: RawBuilder<unknown>[] = [
    sql`(${c('province_code')}, ${c('id')}) in (
        select m.province_code, m.case_id from case_member m
         where m.user_id = ${scope.userId} and m.removed_at is null
        union all
        select s.province_code, s.case_id from case_share s
         where s.user_id = ${scope.userId} and s.revoked_at is null
           and (s.expires_on is null or s.expires_on >= ${today}))`,
  ];
  if (scope.role === 'commune_leader' || supervises(scope))
    terms.push(withinScope(`${alias}.org_path`, scope));
  if (scope.role === 'commune_worker') {
    // `offset 0` keeps this a probe by key, made only for the few rows that are received and in scope. Without it
    // PostgreSQL may hash every active member row of every case instead (59,000 rows read for each list request
    // on the benchmark province, 8 ms: bench/README.md, "case-lists").
    terms.push(sql`(${c('step')} = 'received' and ${withinScope(`${alias}.org_path`, scope)}
      and not exists (select 1 from case_member m where m.province_code = ${c('province_code')}
        and m.case_id = ${c('id')} and m.removed_at is null offset 0))`);
    terms.push(sql`exists (select 1 from org_unit t where t.id = ${c('transfer_to_commune_id')}
        and ${withinScope('t.path', scope)})`);
  }
  return sql<boolean>`(${sql.join(terms, sql` or `)})`;
}

export type CaseRow = Selectable<ProtectionCaseTable>;

export interface VisibleCase {
  row: CaseRow;
  relation: CaseRelation;
  /** The workflow actor the caller is on this case, if any. */
  actor: CaseActor | null;
}

/** The caller's relation to a case they can see, strongest first. */
async function relationTo(db: Executor, scope: Scope, row: CaseRow): Promise<CaseRelation | null> {
  const member = await db
    .selectFrom('case_member')
    .select('user_id')
    .where('province_code', '=', row.province_code)
    .where('case_id', '=', row.id)
    .where('user_id', '=', scope.userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (member) return 'worker';
  const inScope = pathWithinScope(row.org_path, scope);
  if (scope.role === 'commune_leader' && inScope) return 'approver';
  if (supervises(scope) && inScope) return 'supervisor';
  const share = await db
    .selectFrom('case_share')
    .select('id')
    .where('province_code', '=', row.province_code)
    .where('case_id', '=', row.id)
    .where('user_id', '=', scope.userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', todayInVietnam())]))
    .executeTakeFirst();
  if (share) return 'shared';
  if (scope.role === 'commune_worker') return 'inbox';
  return null;
}

/**
 * One case the caller may see, with their relation to it; NOT_FOUND otherwise (404, not 403: a user outside the
 * case must not learn that it exists). `forUpdate` locks the row for a write.
 */
export async function getVisibleCase(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<VisibleCase> {
  let query = db
    .selectFrom('protection_case as c')
    .selectAll('c')
    .where('c.id', '=', id)
    .where(caseVisibleTo(scope));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const relation = await relationTo(db, scope, row);
  if (!relation) throw new AppError('NOT_FOUND');
  const actor: CaseActor | null =
    relation === 'worker' ? 'worker' : relation === 'approver' ? 'approver' : null;
  return { row, relation, actor };
}

/**
 * Who reported is for the people who receive and act on the report: the commune's workers while it waits in the
 * inbox, then its own workers and the leader. Never the shared readers or the supervisors.
 */
export function seesReporter(relation: CaseRelation): boolean {
  return relation === 'worker' || relation === 'approver' || relation === 'inbox';
}
