import {
  foldVietnamese,
  isCaseOpen,
  type CaseDueKind,
  type CaseList,
  type CaseListQuery,
  type CaseListItem,
  type CaseStep,
} from '@treem/shared';
import { sql, type ExpressionBuilder, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { z } from 'zod';
import { appendAudit, writeAudit } from '../../audit/audit.ts';
import { prepared } from '../../db/prepared.ts';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope } from '../access/scope.ts';
import { getPersonRow } from '../register/person.repo.ts';
import { caseVisibleTo } from './caseAccess.ts';
import { dueStateAt } from './caseDeadlines.ts';

type Filter = (eb: ExpressionBuilder<DB & { c: DB['protection_case'] }, 'c'>) => Expression<SqlBool>;

interface Paging {
  page: number;
  pageSize: number;
}

/** The "due soon" window of `dueStateAt`, in SQL. */
const dueSoonInterval = sql`case when c.due_kind in ('urgent_intervention', 'initial_assessment')
  then interval '3 hours' else interval '2 days' end`;

async function listCases(
  ctx: Operator,
  db: Executor,
  where: Filter[],
  paging: Paging,
  view: string,
  /** Prepared once per connection: every list but a name search, whose best plan depends on the name. */
  options: { prepare: boolean } = { prepare: true },
): Promise<CaseList> {
  // The page's keys first, from the cases alone, then the page's rows joined with the child and the commune. Joining
  // before the count looked up a person for every case on the list (2,533 look-ups, 39 of 47 ms, for a province's
  // overdue list), and a join, even one PostgreSQL removes, keeps it from reading the open-case index alone
  // (`protection_case_open`; 20 against 2 ms for a worker's cases).
  const keys = db
    .selectFrom('protection_case as c')
    .select(['c.province_code', 'c.id'])
    .select(sql<string>`count(*) over ()`.as('total'))
    .where((eb) => eb.and(where.map((f) => f(eb))))
    // Most urgent first: the nearest deadline, then the newest report.
    .orderBy(sql`c.due_at asc nulls last`)
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  const page = db
    .selectFrom(keys.as('k'))
    .innerJoin('protection_case as c', (join) =>
      join.onRef('c.province_code', '=', 'k.province_code').onRef('c.id', '=', 'k.id'),
    )
    .leftJoin('person as p', (join) =>
      join.onRef('p.province_code', '=', 'c.province_code').onRef('p.id', '=', 'c.person_id'),
    )
    .innerJoin('org_unit as o', 'o.id', 'c.commune_id')
    .select([
      'c.id',
      'c.case_number',
      'c.person_id',
      'c.commune_id',
      'o.name as commune_name',
      'c.step',
      'c.urgent',
      'c.risk_level',
      'c.concern_types',
      'c.received_at',
      'c.due_at',
      'c.due_kind',
      'c.transfer_to_commune_id',
      'k.total',
    ])
    .select(sql<string>`coalesce(p.full_name, c.child_name, '')`.as('child_name'))
    .orderBy(sql`c.due_at asc nulls last`)
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id');
  // The plan is the same whoever asks (a scan of the open cases, filtered; the closed ones are read whole), so a
  // prepared statement spares the parsing and planning of every request.
  const rows = await (options.prepare ? page.modifyEnd(prepared) : page).execute();
  const now = new Date();
  const items: CaseListItem[] = rows.map((r) => {
    const dueKind = r.due_kind as CaseDueKind | null;
    return {
      id: r.id,
      caseNumber: r.case_number,
      childName: r.child_name,
      personId: r.person_id,
      communeId: r.commune_id,
      communeName: r.commune_name,
      step: r.step as CaseStep,
      urgent: r.urgent,
      riskLevel: r.risk_level,
      concernTypes: r.concern_types as CaseListItem['concernTypes'],
      receivedAt: new Date(r.received_at).toISOString(),
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      dueKind,
      dueState: r.due_at && dueKind ? dueStateAt(now, new Date(r.due_at), dueKind) : null,
      transferPending: r.transfer_to_commune_id !== null,
    };
  });
  if (items.length > 0) {
    await writeAuditIn(
      ctx,
      db,
      view,
      items.map((i) => i.id),
    );
  }
  return { items, total: Number(rows[0]?.total ?? 0), page: paging.page, pageSize: paging.pageSize };
}

/**
 * Which cases a user was shown is part of "every read is audited"; one event per page, naming the cases. Outside a
 * transaction the event is appended together with those of concurrent reads (`appendAudit`); the read answers once
 * its event is committed either way.
 */
async function writeAuditIn(ctx: Operator, db: Executor, view: string, caseIds: string[]): Promise<void> {
  const entry = { action: 'case.listed', entityType: 'protection_case', after: { view, caseIds } } as const;
  if (db.isTransaction) await writeAudit(db as Transaction<DB>, ctx.actor, entry);
  else await appendAudit(db, ctx.actor, entry);
}

// The steps are written into the SQL, not passed as parameters: a prepared statement's generic plan can then use
// the index of the open cases, whose predicate is `step <> 'closed'`.
const isOpen: Filter = () => sql<SqlBool>`c.step <> 'closed'`;

/** The caller's cases: those they work on, approve, supervise or were shared. */
export async function listMyCases(ctx: Operator, query: z.output<typeof CaseListQuery>): Promise<CaseList> {
  const filters: Filter[] = [() => caseVisibleTo(ctx.scope)];
  if (query.status === 'open') filters.push(isOpen);
  if (query.status === 'closed') filters.push(() => sql<SqlBool>`c.step = 'closed'`);
  if (query.step) {
    const step = query.step;
    filters.push((eb) => eb('c.step', '=', step));
  }
  if (query.riskLevel) {
    const level = query.riskLevel;
    filters.push((eb) => eb('c.risk_level', '=', level));
  }
  if (query.due === 'overdue') filters.push(() => sql<SqlBool>`c.due_at < now()`);
  if (query.due === 'due_soon')
    filters.push(() => sql<SqlBool>`c.due_at >= now() and c.due_at <= now() + ${dueSoonInterval}`);
  if (query.q) {
    const folded = `%${foldVietnamese(query.q)}%`;
    const raw = `%${query.q.toLowerCase()}%`;
    filters.push(
      () =>
        sql<SqlBool>`(c.case_number ilike ${raw} or lower(c.child_name) like ${raw}
          or exists (select 1 from person p where p.province_code = c.province_code and p.id = c.person_id
            and p.name_search like ${folded}))`,
    );
  }
  return listCases(ctx, ctx.db, filters, query, 'mine', { prepare: !query.q });
}

/** New reports of the caller's communes that no worker has taken. */
export async function caseInbox(ctx: Operator, paging: Paging): Promise<CaseList> {
  return listCases(
    ctx,
    ctx.db,
    [
      () => sql<SqlBool>`c.step = 'received'`,
      () => withinScope('c.org_path', ctx.scope),
      () =>
        sql<SqlBool>`not exists (select 1 from case_member m where m.province_code = c.province_code
          and m.case_id = c.id and m.removed_at is null)`,
      (eb) => eb('c.transfer_to_commune_id', 'is', null),
    ],
    paging,
    'inbox',
  );
}

/** The commune leader's queue: plans to approve and closures to decide. */
export async function caseApprovals(ctx: Operator, paging: Paging): Promise<CaseList> {
  return listCases(
    ctx,
    ctx.db,
    [() => sql<SqlBool>`c.step in ('awaiting_approval', 'closure_proposed')`, () => caseVisibleTo(ctx.scope)],
    paging,
    'approvals',
  );
}

/** Cases other communes ask the caller's commune to take over. */
export async function casesTransferredIn(ctx: Operator, paging: Paging): Promise<CaseList> {
  return listCases(
    ctx,
    ctx.db,
    [
      () =>
        sql<SqlBool>`exists (select 1 from org_unit t where t.id = c.transfer_to_commune_id
          and ${withinScope('t.path', ctx.scope)})`,
    ],
    paging,
    'transfers_in',
  );
}

/**
 * For the child's profile. Whether the child has an open case is known to every role that needs to know (the
 * health worker, the school, the collaborator) for a child they can see; the cases themselves only to those who
 * may open them.
 */
export async function casesForPerson(
  ctx: Operator,
  personId: string,
): Promise<{
  hasOpenCase: boolean;
  cases: { id: string; caseNumber: string; step: CaseStep; receivedAt: string; closedAt: string | null }[];
}> {
  const person = await getPersonRow(ctx.db, ctx.scope, personId);
  const rows = await ctx.db
    .selectFrom('protection_case as c')
    .select(['c.id', 'c.case_number', 'c.step', 'c.received_at', 'c.closed_at'])
    .select(sql<boolean>`${caseVisibleTo(ctx.scope)}`.as('visible'))
    .where('c.province_code', '=', person.province_code)
    .where('c.person_id', '=', person.id)
    .orderBy('c.received_at', 'desc')
    .execute();
  const visible = rows.filter((r) => r.visible);
  if (visible.length > 0)
    await writeAuditIn(
      ctx,
      ctx.db,
      'person',
      visible.map((r) => r.id),
    );
  return {
    hasOpenCase: rows.some((r) => isCaseOpen(r.step as CaseStep)),
    cases: visible.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      step: r.step as CaseStep,
      receivedAt: new Date(r.received_at).toISOString(),
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    })),
  };
}
