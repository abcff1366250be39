import {
  addYears,
  AppError,
  CHILD_AGE_LIMIT,
  checkPersonalId,
  foldVietnamese,
  todayInVietnam,
  type AtRiskFlag,
  type CircumstanceAssignment,
  type DeathCause,
  type PersonDetail,
  type PersonListItem,
  type PersonListQuery,
  type PlainDate,
} from '@treem/shared';
import { sql, type Selectable } from 'kysely';
import type { PersonTable } from '../../db/schema.ts';
import { prepared } from '../../db/prepared.ts';
import type { Executor } from '../../db/transaction.ts';
import { ltreeArrayLiteral, withinScope, withinScopeChecked, type Scope } from '../access/scope.ts';
import { escapeLike } from '../users/user.repo.ts';
import { ageOn } from './personRules.ts';
import { resolveScopeUnitPath } from './registerScope.ts';

export type PersonRow = Selectable<PersonTable>;

/** The filters of the person list, also used by the export (everything but paging). */
export type PersonFilter = Omit<PersonListQuery, 'page' | 'pageSize'>;

/** Open on `day`: started on or before it and not ended before it. */
const openOn = (alias: string, day: PlainDate) =>
  sql<boolean>`(${sql.ref(`${alias}.valid_from`)} <= ${day} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${day}))`;

/** The person `p` has an open assignment in `table` with this code (`any`: with any code) on `day`. */
function hasOpen(
  table: 'circumstance_assignment' | 'at_risk_flag',
  column: 'group_code' | 'flag_code',
  code: string,
  day: PlainDate,
) {
  return sql<boolean>`exists (select 1 from ${sql.table(table)} a
    where a.province_code = p.province_code and a.person_id = p.id and ${openOn('a', day)}
    ${code === 'any' ? sql`` : sql`and ${sql.ref(`a.${column}`)} = ${code}`})`;
}

/**
 * The label under which `person_name_words` (migration 0010) files the words of the persons under `path`: the
 * commune's for a commune or a village (a village's search reads its commune's words; the scope check keeps the
 * village), the province's, or the country's.
 */
export function nameWordsLabel(path: string): string {
  const labels = path.split('.');
  return labels[Math.min(labels.length, 3) - 1]!;
}

/** A tsquery lexeme, quoted (folded words hold only letters and digits; quotes are escaped all the same). */
const lexeme = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The folded query appears in the folded name from the beginning of a word (`nameMatches`, the rule in shared).
 * `indexed` adds what the word index answers: under each of `paths`' labels, every word of the query but the last as
 * a whole word, the last as the beginning of one. For several words the `like` keeps the exact rule (the words in
 * that order, next to each other). Without `indexed` the condition is cheap to test row by row (for a read in index
 * order).
 */
export function nameSearchCondition(folded: string, paths: readonly string[], indexed: boolean) {
  const startsAWord = sql<boolean>`(' ' || p.name_search) like ${`% ${escapeLike(folded)}%`}`;
  if (!indexed) return startsAWord;
  if (paths.length === 0) return sql<boolean>`false`;
  const words = folded.split(' ');
  const query = [...new Set(paths.map(nameWordsLabel))]
    .map((label) => {
      const terms = words.map((word, i) => lexeme(`${label}/${word}`) + (i === words.length - 1 ? ':*' : ''));
      return `(${terms.join(' & ')})`;
    })
    .join(' | ');
  const inIndex = sql<boolean>`person_name_words(p.org_path::text, p.name_search) @@ ${query}::tsquery`;
  // One word: "a word of the name begins with it" is the whole rule, and the index answers it exactly. Without the
  // `like`, which the planner takes for an independent condition, it estimates a common word's matches right and
  // stops at the probe's size (measured over a province: "nguyen" 340 → 100 ms, "ph" 245 → 130 ms).
  return words.length === 1 ? inIndex : sql<boolean>`(${inIndex} and ${startsAWord})`;
}

/**
 * The persons matching the list screen's filters, in scope, as a `person as p` select without joins (what the
 * count runs on). `orderedRead`: the caller reads in sort order and stops at a page, so each condition must be cheap
 * to test on a row (the name search without the word index, whose expression costs microseconds a row).
 */
export async function personFilterQuery(
  db: Executor,
  scope: Scope,
  filter: PersonFilter,
  today = todayInVietnam(),
  { orderedRead = false } = {},
) {
  const unitPath = filter.orgUnitId ? await resolveScopeUnitPath(db, scope, filter.orgUnitId) : null;
  const folded = filter.search ? foldVietnamese(filter.search) : '';
  // A household's members, or a name search through the word index (whose entries are already those of the scope's
  // commune or province), come from their own index: the scope is then checked on those rows. With the index form,
  // the planner may add the whole scope read from the GiST index (it underestimates a subtree's rows).
  const narrowed = Boolean(filter.householdId) || (folded !== '' && !orderedRead);
  let query = db
    .selectFrom('person as p')
    .where(narrowed ? withinScopeChecked('p.org_path', scope) : withinScope('p.org_path', scope))
    .where('p.status', '<>', 'merged');

  if (unitPath) {
    query = query.where(
      narrowed
        ? sql<boolean>`p.org_path <@ ${ltreeArrayLiteral([unitPath])}::ltree[]`
        : sql<boolean>`p.org_path <@ ${unitPath}::ltree`,
    );
  }
  // With the household's province the (province_code, household_id) index answers; without it the planner walks
  // the scope's rows (measured: ~10 ms in a commune of 16,000 children, against 0.5 ms).
  if (filter.householdId) {
    query = query.where(
      sql<boolean>`(p.province_code, p.household_id) in (select h.province_code, h.id from household h where h.id = ${filter.householdId})`,
    );
  }
  if (filter.search !== undefined) {
    // A search of nothing but punctuation or marks folds to nothing, and matches no name (`nameMatches`).
    query = query.where(
      folded
        ? nameSearchCondition(folded, unitPath ? [unitPath] : scope.paths, !orderedRead)
        : sql<boolean>`false`,
    );
  }
  if (filter.personalId) {
    query =
      filter.personalId.length === 12
        ? query.where('p.personal_id', '=', filter.personalId)
        : query.where('p.personal_id', 'like', `${filter.personalId}%`);
  }
  if (filter.missingPersonalId) query = query.where('p.personal_id', 'is', null);
  if (filter.sex) query = query.where('p.sex', '=', filter.sex);
  // Age a on `today` ⇔ born in (today − (a+1) years, today − a years].
  if (filter.ageFrom !== undefined)
    query = query.where('p.birth_date', '<=', addYears(today, -filter.ageFrom));
  if (filter.ageTo !== undefined)
    query = query.where('p.birth_date', '>', addYears(today, -(filter.ageTo + 1)));
  if (filter.bornFrom) query = query.where('p.birth_date', '>=', filter.bornFrom);
  if (filter.bornTo) query = query.where('p.birth_date', '<=', filter.bornTo);
  const childSince = addYears(today, -CHILD_AGE_LIMIT);
  if (filter.kind === 'child') query = query.where('p.birth_date', '>', childSince);
  if (filter.kind === 'adult') query = query.where('p.birth_date', '<=', childSince);
  if (!filter.includeInactive) query = query.where('p.status', '=', 'active');
  if (filter.circumstance) {
    query = query.where(hasOpen('circumstance_assignment', 'group_code', filter.circumstance, today));
  }
  if (filter.flag) query = query.where(hasOpen('at_risk_flag', 'flag_code', filter.flag, today));
  return query;
}

/**
 * The person list as one select: joined to village, commune and household head, with the open circumstances and
 * flags as JSON, filtered by scope and by every filter of the list screen. The export runs the same builder.
 */
export async function personListQuery(
  db: Executor,
  scope: Scope,
  filter: PersonFilter,
  today = todayInVietnam(),
) {
  const filtered = await personFilterQuery(db, scope, filter, today);
  return withListColumns(filtered, today);
}

function withListColumns(filtered: Awaited<ReturnType<typeof personFilterQuery>>, today: PlainDate) {
  return filtered
    .innerJoin('org_unit as v', 'v.id', 'p.village_id')
    .innerJoin('org_unit as c', 'c.id', 'v.parent_id')
    .leftJoin('household as h', (join) =>
      join.onRef('h.province_code', '=', 'p.province_code').onRef('h.id', '=', 'p.household_id'),
    )
    .leftJoin('person as hp', (join) =>
      join.onRef('hp.province_code', '=', 'h.province_code').onRef('hp.id', '=', 'h.head_person_id'),
    )
    .select([
      ...listColumns,
      'v.name as village_name',
      'p.name_search',
      'p.created_at',
      sql<string>`c.full_name`.as('commune_name'),
      sql<string | null>`hp.full_name`.as('head_name'),
      openCircumstancesJson(today).as('circumstances'),
      openFlagCodes(today).as('flag_codes'),
    ]);
}

function openCircumstancesJson(today: PlainDate) {
  return sql<{ groupCode: string; subGroupCode: string | null }[] | null>`(
    select json_agg(json_build_object('groupCode', ca.group_code, 'subGroupCode', ca.sub_group_code)
                    order by ca.group_code)
    from circumstance_assignment ca
    where ca.province_code = p.province_code and ca.person_id = p.id and ${openOn('ca', today)})`;
}

function openFlagCodes(today: PlainDate) {
  return sql<string[] | null>`(
    select array_agg(f.flag_code order by f.flag_code)
    from at_risk_flag f
    where f.province_code = p.province_code and f.person_id = p.id and ${openOn('f', today)})`;
}

const sortColumns = {
  name: ['p.name_search', 'p.birth_date'],
  birthDate: ['p.birth_date', 'p.name_search'],
  village: ['v.name', 'p.name_search'],
  createdAt: ['p.created_at', 'p.name_search'],
} as const;

/** The person's own columns a list item needs (the rest comes from `completeListItems`). */
const listColumns = [
  'p.id',
  'p.full_name',
  'p.sex',
  'p.birth_date',
  'p.birth_date_precision',
  'p.personal_id',
  'p.ethnicity_code',
  'p.household_id',
  'p.relationship_to_head',
  'p.village_id',
  'p.status',
  'p.province_code',
] as const;

type ListBaseRow = {
  id: string;
  full_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  birth_date_precision: 'day' | 'month' | 'year';
  personal_id: string | null;
  ethnicity_code: string;
  household_id: string | null;
  relationship_to_head: string | null;
  village_id: string;
  status: PersonListItem['status'];
  province_code: string;
};

/**
 * `(province_code, id) in (…)` for a list of row keys, written as `province_code = … and id = any(…)` per province
 * (nearly always one): the key indexes answer it, and PostgreSQL plans it in a tenth of the time of a join with
 * `unnest` of the keys (measured: 0.12 ms against 1.9 ms for the household-head look-up of a page).
 */
function keyedBy(alias: string, column: string, keys: readonly { province_code: string; id: string }[]) {
  const byProvince = new Map<string, string[]>();
  for (const key of keys) {
    const ids = byProvince.get(key.province_code);
    if (ids) ids.push(key.id);
    else byProvince.set(key.province_code, [key.id]);
  }
  const parts = [...byProvince].map(
    ([code, ids]) =>
      sql<boolean>`(${sql.ref(`${alias}.province_code`)} = ${code} and ${sql.ref(`${alias}.${column}`)} = any(${ids}::uuid[]))`,
  );
  if (parts.length === 0) return sql<boolean>`false`;
  return parts.length === 1 ? parts[0]! : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Completes a page of rows with the commune's name, the household head's name and the open circumstances and
 * flags: four small key look-ups instead of joins and correlated subqueries in the page query, whose planning
 * alone cost more than its execution.
 */
async function completeListItems(
  db: Executor,
  rows: ListBaseRow[],
  today: PlainDate,
): Promise<PersonListItem[]> {
  if (rows.length === 0) return [];
  const villageIds = [...new Set(rows.map((r) => r.village_id))];
  const householdKeys = rows.flatMap((r) =>
    r.household_id ? [{ province_code: r.province_code, id: r.household_id }] : [],
  );
  const [communes, heads, circumstances, flags] = await Promise.all([
    db
      .selectFrom('org_unit as v')
      .innerJoin('org_unit as c', 'c.id', 'v.parent_id')
      .select(['v.id', 'v.name', 'c.full_name'])
      .where('v.id', '=', sql<string>`any(${villageIds}::uuid[])`)
      .modifyEnd(prepared)
      .execute(),
    householdKeys.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('household as h')
          .innerJoin('person as hp', (join) =>
            join.onRef('hp.province_code', '=', 'h.province_code').onRef('hp.id', '=', 'h.head_person_id'),
          )
          .select(['h.id', 'hp.full_name'])
          .where(keyedBy('h', 'id', householdKeys))
          .modifyEnd(prepared)
          .execute(),
    db
      .selectFrom('circumstance_assignment as ca')
      .select(['ca.person_id', 'ca.group_code', 'ca.sub_group_code'])
      .where(keyedBy('ca', 'person_id', rows))
      .where(openOn('ca', today))
      .orderBy('ca.group_code')
      .modifyEnd(prepared)
      .execute(),
    db
      .selectFrom('at_risk_flag as f')
      .select(['f.person_id', 'f.flag_code'])
      .where(keyedBy('f', 'person_id', rows))
      .where(openOn('f', today))
      .orderBy('f.flag_code')
      .modifyEnd(prepared)
      .execute(),
  ]);
  const villageOf = new Map(communes.map((c) => [c.id, c]));
  const headOf = new Map(heads.map((h) => [h.id, h.full_name]));
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    birthDatePrecision: row.birth_date_precision,
    age: ageOn(row.birth_date, today),
    personalId: row.personal_id,
    ethnicityCode: row.ethnicity_code,
    householdId: row.household_id,
    householdHeadName: row.household_id ? (headOf.get(row.household_id) ?? null) : null,
    relationshipToHead: row.relationship_to_head as PersonListItem['relationshipToHead'],
    villageId: row.village_id,
    villageName: villageOf.get(row.village_id)?.name ?? '',
    communeName: villageOf.get(row.village_id)?.full_name ?? '',
    status: row.status,
    circumstances: circumstances
      .filter((c) => c.person_id === row.id)
      .map((c) => ({ groupCode: c.group_code, subGroupCode: c.sub_group_code })),
    flagCodes: flags.filter((f) => f.person_id === row.id).map((f) => f.flag_code),
  }));
}

/**
 * Counting stops here ("more than 5,000" is all a screen needs). It is also the size of the probe that decides how
 * a page is fetched (see `listPersons`).
 */
export const COUNT_CAP = 5_000;

/**
 * A name search inside communes or villages probes up to this many matches, so that even its commonest words ("nguyen":
 * 6,300 children of a commune of 16,000) are sorted from the probe instead of read again in index order. Measured on
 * that commune: 5.9 ms against 4.5 ms for the 5,001-match probe plus 9.6 ms for the read in name order. A wider scope
 * keeps COUNT_CAP: there every extra match is a read of a page of the table. The total still stops at COUNT_CAP.
 */
export const NARROW_SEARCH_PROBE = 20_000;

/** Every root of the scope is a commune or a village (`vn.p01.c00004`, `vn.p01.c00004.v…`). */
function withinCommunes(scope: Pick<Scope, 'paths'>): boolean {
  return scope.paths.length > 0 && scope.paths.every((path) => path.split('.').length >= 3);
}

/** The sort keys of the list, as expressions on `person as p` (the village's name by a key look-up). */
const sortKeys = {
  name: [sql`p.name_search`, sql`p.birth_date`],
  birthDate: [sql`p.birth_date`, sql`p.name_search`],
  village: [sql`(select v.name from org_unit v where v.id = p.village_id)`, sql`p.name_search`],
  createdAt: [sql`p.created_at`, sql`p.name_search`],
} as const;

/**
 * A page of the person list, so a search costs little whether it matches ten records or a million:
 * 1. one statement takes at most COUNT_CAP + 1 matching records with their sort keys, in no order (a name search
 *    from the word index, which holds the scope's words; a whole commune from the path index), counts them and
 *    sorts them for the page's keys;
 * 2. when it found them all, the page's rows are read by key; when there are more, the page is read in sort order
 *    from the name/birth-date indexes, which reach the first matches at once. A name search inside communes probes
 *    up to NARROW_SEARCH_PROBE matches (see there). The total is exact up to COUNT_CAP, then "more than COUNT_CAP".
 */
export async function listPersons(db: Executor, scope: Scope, query: PersonListQuery) {
  const today = todayInVietnam();
  const filtered = await personFilterQuery(db, scope, query, today);
  const [first, second] = sortColumns[query.sort];
  const [firstKey, secondKey] = sortKeys[query.sort];
  const direction = query.order === 'desc' ? sql`desc` : sql`asc`;
  const offset = (query.page - 1) * query.pageSize;
  const probeSize = query.search && withinCommunes(scope) ? NARROW_SEARCH_PROBE : COUNT_CAP;
  const matches = filtered
    .select(['p.province_code', 'p.id', sql`${firstKey}`.as('s1'), sql`${secondKey}`.as('s2')])
    .limit(probeSize + 1);
  const probe = await sql<{ n: number; province_code: string | null; id: string | null }>`
    with m as materialized (${matches})
    select c.n, k.province_code, k.id
    from (select count(*)::int as n from m) c
    left join lateral (
      select m.province_code, m.id from m
      order by m.s1 ${direction}, m.s2 ${direction}, m.id ${direction}
      limit ${query.pageSize} offset ${offset}
    ) k on true`.execute(db);
  const found = probe.rows[0]?.n ?? 0;
  // Beyond the probe the matches are dense enough that reading in index order finds a page's worth at once (a
  // common syllable, or a whole commune without a search).
  const beyondProbe = found > probeSize;
  const pageKeys = probe.rows.flatMap((r) => (r.id ? [{ province_code: r.province_code!, id: r.id }] : []));
  if (!beyondProbe && pageKeys.length === 0) {
    return {
      items: [],
      total: Math.min(found, COUNT_CAP),
      totalCapped: found > COUNT_CAP,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
  const rows = beyondProbe
    ? await (
        await personFilterQuery(db, scope, query, today, { orderedRead: true })
      )
        .innerJoin('org_unit as v', 'v.id', 'p.village_id')
        .select(listColumns)
        .orderBy(first, query.order)
        .orderBy(second, query.order)
        .orderBy('p.id', query.order)
        .limit(query.pageSize)
        .offset(offset)
        .execute()
    : inOrderOf(pageKeys, await personsByKey(db, pageKeys));
  return {
    items: await completeListItems(db, rows, today),
    total: Math.min(found, COUNT_CAP),
    totalCapped: found > COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The list columns of the persons with these keys: a key look-up prepared once per connection. It has no join and
 * no order (the probe gave the page's order): with them, PostgreSQL's generic plan walked all of `org_unit` in key
 * order for a merge join (measured: the household-members list fell from 590 to 490 requests/s).
 */
function personsByKey(db: Executor, keys: readonly { province_code: string; id: string }[]) {
  return db
    .selectFrom('person as p')
    .select(listColumns)
    .where(keyedBy('p', 'id', keys))
    .modifyEnd(prepared)
    .execute();
}

/** `rows` in the order of `keys` (by id). */
function inOrderOf<T extends { id: string }>(keys: readonly { id: string }[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return keys.flatMap((key) => {
    const row = byId.get(key.id);
    return row ? [row] : [];
  });
}

/** List items of the given persons (duplicates, household members), in the order given; out of scope left out. */
export async function getPersonListItems(
  db: Executor,
  scope: Scope,
  ids: string[],
): Promise<PersonListItem[]> {
  if (ids.length === 0) return [];
  const today = todayInVietnam();
  const rows = await db
    .selectFrom('person as p')
    .select(listColumns)
    .where('p.id', 'in', ids)
    .where(withinScope('p.org_path', scope))
    .where('p.status', '<>', 'merged')
    .execute();
  const items = await completeListItems(db, rows, today);
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The person row if it is in scope (any status but merged); NOT_FOUND otherwise. */
export async function getPersonRow(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('person as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(withinScope('p.org_path', scope));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function personLink(db: Executor, provinceCode: string, id: string | null) {
  if (!id) return null;
  const row = await db
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('province_code', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, fullName: row.full_name } : null;
}

export async function getPersonDetail(db: Executor, scope: Scope, id: string): Promise<PersonDetail> {
  const row = await getPersonRow(db, scope, id);
  const today = todayInVietnam();
  const [item] = await getPersonListItems(db, scope, [id]);
  const listItem =
    item ??
    // A merged record is reachable by id (its link points to the kept one) but not listed.
    ({
      id: row.id,
      fullName: row.full_name,
      sex: row.sex,
      birthDate: row.birth_date,
      birthDatePrecision: row.birth_date_precision,
      age: ageOn(row.birth_date, today),
      personalId: row.personal_id,
      ethnicityCode: row.ethnicity_code,
      householdId: row.household_id,
      householdHeadName: null,
      relationshipToHead: row.relationship_to_head,
      villageId: row.village_id,
      villageName: '',
      communeName: '',
      status: row.status,
      circumstances: [],
      flagCodes: [],
    } as PersonListItem);
  const [circumstances, flags, mother, father, caregiver] = await Promise.all([
    db
      .selectFrom('circumstance_assignment')
      .selectAll()
      .where('province_code', '=', row.province_code)
      .where('person_id', '=', id)
      .orderBy('valid_from', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('at_risk_flag as f')
      .innerJoin('at_risk_flag_type as t', (join) =>
        join.onRef('t.province_code', '=', 'f.province_code').onRef('t.code', '=', 'f.flag_code'),
      )
      .selectAll('f')
      .select('t.name_vi')
      .where('f.province_code', '=', row.province_code)
      .where('f.person_id', '=', id)
      .orderBy('f.valid_from', 'desc')
      .orderBy('f.created_at', 'desc')
      .execute(),
    personLink(db, row.province_code, row.mother_id),
    personLink(db, row.province_code, row.father_id),
    personLink(db, row.province_code, row.caregiver_id),
  ]);
  return {
    ...listItem,
    nationality: row.nationality,
    birthRegistered: row.birth_registered,
    birthRegistrationDate: row.birth_registration_date,
    birthRegistrationPlace: row.birth_registration_place,
    disabilityType: row.disability_type as PersonDetail['disabilityType'],
    disabilityLevel: row.disability_level,
    schoolName: row.school_name,
    schoolLevel: row.school_level as PersonDetail['schoolLevel'],
    hasHealthInsurance: row.has_health_insurance,
    healthInsuranceNumber: row.health_insurance_number,
    livingArrangement: row.living_arrangement as PersonDetail['livingArrangement'],
    mother,
    father,
    caregiver,
    phone: row.phone,
    notes: row.notes,
    deathDate: row.death_date,
    deathCause: row.death_cause as DeathCause | null,
    mergedIntoId: row.merged_into_id,
    personalIdProblems: row.personal_id
      ? checkPersonalId(row.personal_id, { sex: row.sex, dateOfBirth: row.birth_date })
      : [],
    isChild: row.birth_date > addYears(today, -CHILD_AGE_LIMIT),
    circumstanceHistory: circumstances.map((c): CircumstanceAssignment => ({
      id: c.id,
      groupCode: c.group_code,
      subGroupCode: c.sub_group_code,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      evidence: c.evidence,
      notes: c.notes,
      endReason: c.end_reason,
      createdAt: new Date(c.created_at).toISOString(),
    })),
    flagHistory: flags.map((f): AtRiskFlag => ({
      id: f.id,
      flagCode: f.flag_code,
      flagName: f.name_vi,
      validFrom: f.valid_from,
      validTo: f.valid_to,
      notes: f.notes,
      endReason: f.end_reason,
      createdAt: new Date(f.created_at).toISOString(),
    })),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
