import {
  AppError,
  foldVietnamese,
  type DuplicateCandidate,
  type DuplicateDismiss,
  type DuplicatePair,
  type DuplicateReason,
} from '@treem/shared';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { getPersonListItems, getPersonRow } from './person.repo.ts';
import { resolveScopeUnitPath } from './registerScope.ts';

/**
 * Likely duplicates — the same child entered twice. Three rules, never a merge by itself:
 * 1. the same personal ID (anywhere in the province);
 * 2. the same folded name and the same date of birth in the same commune;
 * 3. a similar name (trigram similarity ≥ NAME_SIMILARITY) with the same date of birth and the same mother;
 * 4. when the mother is not recorded, a similar name with the same date of birth in the same household.
 * Pairs a worker has dismissed are not suggested again; merged records never are.
 */
export const NAME_SIMILARITY = 0.5;

/** The commune part of a village path (`vn.p01.c00004.v…` → `vn.p01.c00004`). */
export const communeOfPath = (path: string) => path.split('.').slice(0, 3).join('.');

export interface DraftPerson {
  provinceCode: string;
  communePath: string;
  fullName: string;
  birthDate: string;
  personalId?: string | null;
  motherId?: string | null;
  householdId?: string | null;
  excludeId?: string | null;
}

/** Candidates for a record being typed in (on create, and the form's live check). */
export async function findDuplicateCandidates(
  db: Executor,
  scope: Scope,
  draft: DraftPerson,
): Promise<DuplicateCandidate[]> {
  const folded = foldVietnamese(draft.fullName);
  const rows = await db
    .selectFrom('person as p')
    .select([
      'p.id',
      sql<boolean>`${draft.personalId ?? null}::text is not null and p.personal_id = ${draft.personalId ?? null}`.as(
        'same_id',
      ),
      sql<boolean>`p.name_search = ${folded} and p.birth_date = ${draft.birthDate}
        and p.org_path <@ ${draft.communePath}::ltree`.as('same_name'),
      sql<boolean>`${draft.motherId ?? null}::uuid is not null and p.mother_id = ${draft.motherId ?? null}
        and p.birth_date = ${draft.birthDate}
        and similarity(p.name_search, ${folded}) >= ${NAME_SIMILARITY}`.as('same_mother'),
      sql<boolean>`${draft.householdId ?? null}::uuid is not null and p.household_id = ${draft.householdId ?? null}
        and p.birth_date = ${draft.birthDate} and (p.mother_id is null or ${draft.motherId ?? null}::uuid is null)
        and similarity(p.name_search, ${folded}) >= ${NAME_SIMILARITY}`.as('same_household'),
      sql<number>`similarity(p.name_search, ${folded})`.as('similarity'),
    ])
    .where('p.province_code', '=', draft.provinceCode)
    .where('p.status', '<>', 'merged')
    .$if(Boolean(draft.excludeId), (q) => q.where('p.id', '<>', draft.excludeId!))
    .where((eb) =>
      eb.or([
        ...(draft.personalId ? [eb('p.personal_id', '=', draft.personalId)] : []),
        eb.and([
          eb('p.birth_date', '=', draft.birthDate),
          eb.or([
            eb.and([
              eb('p.name_search', '=', folded),
              sql<boolean>`p.org_path <@ ${draft.communePath}::ltree`,
            ]),
            ...(draft.motherId ? [eb('p.mother_id', '=', draft.motherId)] : []),
            ...(draft.householdId ? [eb('p.household_id', '=', draft.householdId)] : []),
          ]),
        ]),
      ]),
    )
    .limit(50)
    .execute();
  const matches = rows.filter((r) => r.same_id || r.same_name || r.same_mother || r.same_household);
  // Only what the caller may see is shown; a same-ID clash outside scope is still refused by the service.
  const items = await getPersonListItems(
    db,
    scope,
    matches.map((m) => m.id),
  );
  const byId = new Map(matches.map((m) => [m.id, m]));
  return items.map((person) => {
    const m = byId.get(person.id)!;
    return { person, reasons: reasonsOf(m), similarity: round(Number(m.similarity)) };
  });
}

function reasonsOf(flags: {
  same_id: boolean;
  same_name: boolean;
  same_mother: boolean;
  same_household: boolean;
}): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (flags.same_id) reasons.push('same_personal_id');
  if (flags.same_name) reasons.push('same_name_and_birth_date');
  if (flags.same_mother) reasons.push('similar_name_same_mother');
  if (flags.same_household) reasons.push('similar_name_same_household');
  return reasons;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Possible duplicate pairs among the records in scope (or under `orgUnitId`), one set-based query: three self-joins
 * on indexed equalities (personal ID; birth date + folded name; mother + birth date), merged per pair.
 */
export async function listDuplicatePairs(
  db: Executor,
  scope: Scope,
  query: { orgUnitId?: string | undefined; page: number; pageSize: number },
) {
  const unitPath = query.orgUnitId ? await resolveScopeUnitPath(db, scope, query.orgUnitId) : null;
  const inView = (alias: string) =>
    sql<boolean>`${withinScope(`${alias}.org_path`, scope)} and ${sql.ref(`${alias}.status`)} <> 'merged'
      ${unitPath ? sql`and ${sql.ref(`${alias}.org_path`)} <@ ${unitPath}::ltree` : sql``}`;
  const pairs = sql<{
    a_id: string;
    b_id: string;
    same_id: boolean;
    same_name: boolean;
    same_mother: boolean;
    same_household: boolean;
    similarity: number;
    total: number;
  }>`
    with candidate as (
      select a.id as a_id, b.id as b_id, a.province_code, 'id' as rule
      from person a join person b
        on b.province_code = a.province_code and b.personal_id = a.personal_id and a.id < b.id
      where a.personal_id is not null and ${inView('a')} and ${inView('b')}
      union all
      select a.id, b.id, a.province_code, 'name'
      from person a join person b
        on b.province_code = a.province_code and b.birth_date = a.birth_date
       and b.name_search = a.name_search and a.id < b.id
      where subpath(a.org_path, 0, 3) = subpath(b.org_path, 0, 3) and ${inView('a')} and ${inView('b')}
      union all
      select a.id, b.id, a.province_code, 'mother'
      from person a join person b
        on b.province_code = a.province_code and b.mother_id = a.mother_id
       and b.birth_date = a.birth_date and a.id < b.id
      where a.mother_id is not null and similarity(a.name_search, b.name_search) >= ${NAME_SIMILARITY}
        and ${inView('a')} and ${inView('b')}
      union all
      select a.id, b.id, a.province_code, 'household'
      from person a join person b
        on b.province_code = a.province_code and b.household_id = a.household_id
       and b.birth_date = a.birth_date and a.id < b.id
      where a.household_id is not null and (a.mother_id is null or b.mother_id is null)
        and similarity(a.name_search, b.name_search) >= ${NAME_SIMILARITY}
        and ${inView('a')} and ${inView('b')}
    ), pair as (
      select c.a_id, c.b_id, c.province_code,
             bool_or(c.rule = 'id') as same_id,
             bool_or(c.rule = 'name') as same_name,
             bool_or(c.rule = 'mother') as same_mother,
             bool_or(c.rule = 'household') as same_household
      from candidate c
      where not exists (select 1 from duplicate_dismissal d
                        where d.province_code = c.province_code and d.person_a_id = c.a_id and d.person_b_id = c.b_id)
      group by c.a_id, c.b_id, c.province_code
    )
    select pair.a_id, pair.b_id, pair.same_id, pair.same_name, pair.same_mother, pair.same_household,
           similarity(a.name_search, b.name_search) as similarity,
           count(*) over ()::int as total
    from pair
    join person a on a.province_code = pair.province_code and a.id = pair.a_id
    join person b on b.province_code = pair.province_code and b.id = pair.b_id
    order by pair.same_id desc, similarity(a.name_search, b.name_search) desc, a.name_search, pair.a_id, pair.b_id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;
  const { rows } = await pairs.execute(db);
  const people = await getPersonListItems(
    db,
    scope,
    rows.flatMap((r) => [r.a_id, r.b_id]),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const items: DuplicatePair[] = rows.flatMap((r) => {
    const a = byId.get(r.a_id);
    const b = byId.get(r.b_id);
    return a && b ? [{ a, b, reasons: reasonsOf(r), similarity: round(Number(r.similarity)) }] : [];
  });
  return { items, total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Every pair the detector proposes in scope (for the recall/precision test and reports). */
export async function allDuplicatePairs(db: Executor, scope: Scope): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  for (let page = 1; ; page += 1) {
    const result = await listDuplicatePairs(db, scope, { page, pageSize: 200 });
    pairs.push(...result.items.map((p): [string, string] => [p.a.id, p.b.id]));
    if (result.items.length < 200) return pairs;
  }
}

export async function dismissDuplicate(ctx: Operator, input: DuplicateDismiss): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    if (input.personAId === input.personBId)
      throw new AppError('MERGE_NOT_ALLOWED', { reason: 'same_record' });
    const a = await getPersonRow(trx, ctx.scope, input.personAId);
    const b = await getPersonRow(trx, ctx.scope, input.personBId);
    if (a.province_code !== b.province_code)
      throw new AppError('MERGE_NOT_ALLOWED', { reason: 'other_province' });
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    await trx
      .insertInto('duplicate_dismissal')
      .values({
        province_code: a.province_code,
        person_a_id: first.id,
        person_b_id: second.id,
        reason: input.reason,
        dismissed_by: ctx.userId,
      })
      .onConflict((oc) => oc.columns(['province_code', 'person_a_id', 'person_b_id']).doNothing())
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'register.duplicate_dismissed',
      entityType: 'person',
      entityId: first.id,
      orgPath: first.org_path,
      after: { personAId: first.id, personBId: second.id },
      reason: input.reason,
    });
  });
}
