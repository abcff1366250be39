// The action lists: which children a village collaborator, health station or commune worker should see next. Each
// list is one set-based query over the unit's children and their summary rows (childSummary.ts); the rules are in
// docs/early-childhood.md ("Action lists").
import {
  addMonthsToPlainDate,
  addYears,
  AppError,
  assertNever,
  EXPORT_ROW_LIMIT,
  todayInVietnam,
  type ActionListItem,
  type ActionListKind,
  type GrowthClassification,
  type PlainDate,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import { prepared } from '../../db/prepared.ts';
import type { Executor } from '../../db/transaction.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { provinceCodeOfPath } from '../register/registerScope.ts';
import { refreshStaleSummaries, SUMMARY_AGE_YEARS, type PendingDose } from './childSummary.ts';
import { schoolYearOf } from './records.service.ts';

/** The unit a list is asked for: a village or a commune of the current tree, in the caller's scope. */
export interface ListUnit {
  id: string;
  level: 'commune' | 'village';
  path: string;
  fullName: string;
  communeName: string;
  provinceName: string;
  provinceCode: string;
  /** The villages whose children the list holds: the village itself, or every village of the commune. */
  villageIds: string[];
}

export async function resolveListUnit(db: Executor, scope: Scope, unitId: string): Promise<ListUnit> {
  const unit = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as parent', 'parent.id', 'u.parent_id')
    .select(['u.id', 'u.level', 'u.path', 'u.full_name', 'u.valid_to', 'parent.full_name as parent_name'])
    .where('u.id', '=', unitId)
    .where('u.generation', 'in', ['current', 'village'])
    .where('u.level', 'in', ['commune', 'village'])
    .where(withinScope('u.path', scope))
    .modifyEnd(prepared)
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');
  if (unit.valid_to !== null) throw new AppError('ORG_UNIT_CLOSED');
  const provincePath = unit.path.split('.').slice(0, 2).join('.');
  const province = await db
    .selectFrom('org_unit')
    .select('full_name')
    .where('path', '=', provincePath)
    .where('generation', '=', 'current')
    .modifyEnd(prepared)
    .executeTakeFirst();
  const villageIds =
    unit.level === 'village'
      ? [unit.id]
      : (
          await db
            .selectFrom('org_unit')
            .select('id')
            .where('parent_id', '=', unit.id)
            .where('generation', '=', 'village')
            .modifyEnd(prepared)
            .execute()
        ).map((v) => v.id);
  return {
    id: unit.id,
    level: unit.level as ListUnit['level'],
    villageIds,
    path: unit.path,
    fullName: unit.full_name,
    communeName: unit.level === 'commune' ? unit.full_name : (unit.parent_name ?? ''),
    provinceName: province?.full_name ?? '',
    provinceCode: provinceCodeOfPath(unit.path),
  };
}

export interface ActionListOptions {
  /** `not_measured_under2`: months without a measurement. */
  months: number;
  today?: PlainDate;
}

/** The matched children of a list: key, the date that put them on it, and what the row shows. */
interface Matched {
  province_code: string;
  person_id: string;
  full_name: string;
  sex: 'male' | 'female';
  birth_date: PlainDate;
  village_name: string;
  household_head_name: string | null;
  last_measured_on: PlainDate | null;
  open_follow_up_on: PlainDate | null;
  pending_doses: PendingDose[] | null;
  last_classification: GrowthClassification | null;
}

/**
 * What a list asks of a child's summary row on `today`. Every column it reads is in the covering index
 * `ecd_child_summary_list`, so the unit's rows are filtered without reading the table.
 */
function listCondition(kind: ActionListKind, today: PlainDate, months: number): RawBuilder<boolean> {
  const nextMonthStart = addMonthsToPlainDate(`${today.slice(0, 8)}01`, 1);
  const underAge = (years: number) => sql<boolean>`s.birth_date > ${addYears(today, -years)}::date`;
  switch (kind) {
    case 'overdue_doses':
      return sql<boolean>`${underAge(SUMMARY_AGE_YEARS)} and s.overdue_periods @> ${today}::date`;
    case 'due_this_month':
      return sql<boolean>`${underAge(SUMMARY_AGE_YEARS)}
        and s.due_periods && datemultirange(daterange(${today}::date, ${nextMonthStart}::date))`;
    case 'malnourished_under5':
      return sql<boolean>`${underAge(5)} and s.last_malnourished`;
    case 'not_measured_under2':
      return sql<boolean>`${underAge(2)} and (s.last_measured_on is null
        or s.last_measured_on < ${addMonthsToPlainDate(today, -months)}::date)`;
    case 'not_in_preschool_5y': {
      // "5-year-olds" of a school year are the children born in the year it starts minus 5 (the cohort of the
      // universal preschool programme for 5-year-olds); enrolled = an enrolment of that year, at any level,
      // that is current or completed.
      const schoolYear = schoolYearOf(today);
      const cohort = Number(schoolYear.slice(0, 4)) - 5;
      return sql<boolean>`s.birth_date >= ${`${cohort}-01-01`}::date and s.birth_date <= ${`${cohort}-12-31`}::date
        and not exists (select 1 from school_enrolment e
          where e.province_code = s.province_code and e.person_id = s.person_id and e.school_year = ${schoolYear}
            and e.status in ('enrolled', 'completed'))`;
    }
    case 'screening_follow_up':
      // Follow-ups due by the end of this month (overdue ones included), still open.
      return sql<boolean>`${underAge(SUMMARY_AGE_YEARS)}
        and s.open_follow_up_on < ${nextMonthStart}::date`;
    default:
      return assertNever(kind);
  }
}

function matchedQuery(
  unit: ListUnit,
  kind: ActionListKind,
  options: Required<ActionListOptions>,
  page: { limit: number; offset: number },
): RawBuilder<Matched & { total: string }> {
  // The unit's young children are found in the covering index of their summary rows (an index-only scan by
  // village); the summary's dose plan and the register are read only for the page's rows. Prepared once per
  // connection: the plan is the same for every village or commune, and planning it (3.6 ms measured) cost about half
  // of executing it (4–8 ms).
  return sql<Matched & { total: string }>`
    with matched as (
      select s.province_code, s.person_id, s.name_search, v.name as village_name
      from ecd_child_summary s
      join org_unit v on v.id = s.village_id
      where s.province_code = ${unit.provinceCode} and s.village_id = any(${unit.villageIds}::uuid[])
        and s.status = 'active' and ${listCondition(kind, options.today, options.months)}
    ), page as (
      select m.*, count(*) over () as total from matched m
      order by m.village_name, m.name_search, m.person_id
      limit ${page.limit} offset ${page.offset}
    )
    select page.*, p.full_name, p.sex, p.birth_date, head.full_name as household_head_name,
           s.pending_doses, s.last_classification, s.last_measured_on, s.open_follow_up_on
    from page
    join ecd_child_summary s on s.province_code = page.province_code and s.person_id = page.person_id
    join person p on p.province_code = page.province_code and p.id = page.person_id
    left join household h on h.province_code = p.province_code and h.id = p.household_id
    left join person head on head.province_code = h.province_code and head.id = h.head_person_id
    order by page.village_name, page.name_search, page.person_id
    ${prepared}`;
}

/** What put the child on the list: the doses overdue today, or falling due this month. */
function doseIdsFor(
  kind: ActionListKind,
  pending: readonly PendingDose[] | null,
  today: PlainDate,
): string[] {
  if (!pending) return [];
  if (kind === 'overdue_doses')
    return pending
      .filter((d) => d.overdueFrom <= today && (d.expiresOn === null || today < d.expiresOn))
      .map((d) => d.doseId);
  if (kind === 'due_this_month')
    return pending
      .filter(
        (d) => d.dueDate.slice(0, 7) === today.slice(0, 7) && (d.expiresOn === null || today < d.expiresOn),
      )
      .map((d) => d.doseId);
  return [];
}

/** The day that put the child on the list: overdue since, first due, last measured, follow-up due. */
function sinceFor(kind: ActionListKind, row: Matched, today: PlainDate): PlainDate | null {
  const earliest = (dates: PlainDate[]) =>
    dates.reduce<PlainDate | null>((a, b) => (a === null || b < a ? b : a), null);
  const doses = doseIdsFor(kind, row.pending_doses, today);
  const pending = (row.pending_doses ?? []).filter((d) => doses.includes(d.doseId));
  switch (kind) {
    case 'overdue_doses':
      return earliest(pending.map((d) => d.overdueFrom));
    case 'due_this_month':
      return earliest(pending.map((d) => d.dueDate));
    case 'malnourished_under5':
    case 'not_measured_under2':
      return row.last_measured_on;
    case 'screening_follow_up':
      return row.open_follow_up_on;
    case 'not_in_preschool_5y':
      return null;
    default:
      return assertNever(kind);
  }
}

function toItem(kind: ActionListKind, row: Matched, today: PlainDate): ActionListItem {
  return {
    personId: row.person_id,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    villageName: row.village_name,
    householdHeadName: row.household_head_name,
    doseIds: doseIdsFor(kind, row.pending_doses, today),
    since: sinceFor(kind, row, today),
    classification: kind === 'malnourished_under5' ? row.last_classification : null,
  };
}

/** Every list reads the summary: its stale rows are rebuilt first. */
async function prepare(db: Executor, unit: ListUnit) {
  await refreshStaleSummaries(db, unit);
}

/** One page of a list for a village or commune in scope. */
export async function actionList(
  db: Executor,
  scope: Scope,
  kind: ActionListKind,
  query: { unitId: string; months: number; page: number; pageSize: number },
  options: { today?: PlainDate } = {},
) {
  const today = options.today ?? todayInVietnam();
  const unit = await resolveListUnit(db, scope, query.unitId);
  await prepare(db, unit);
  const { rows } = await matchedQuery(
    unit,
    kind,
    { months: query.months, today },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  ).execute(db);
  // Past the last page the window has no row to carry the total: count from the first page then.
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && query.page > 1) {
    const first = await matchedQuery(
      unit,
      kind,
      { months: query.months, today },
      { limit: 1, offset: 0 },
    ).execute(db);
    total = Number(first.rows[0]?.total ?? 0);
  }
  return {
    items: rows.map((row) => toItem(kind, row, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    asOf: today,
  };
}

/** A whole list, for its export (at most EXPORT_ROW_LIMIT rows, as the register's export; EXPORT_TOO_LARGE beyond). */
export async function wholeActionList(
  db: Executor,
  unit: ListUnit,
  kind: ActionListKind,
  options: Required<ActionListOptions>,
): Promise<ActionListItem[]> {
  await prepare(db, unit);
  const { rows } = await matchedQuery(unit, kind, options, {
    limit: EXPORT_ROW_LIMIT + 1,
    offset: 0,
  }).execute(db);
  if (rows.length > EXPORT_ROW_LIMIT) throw new AppError('EXPORT_TOO_LARGE', { limit: EXPORT_ROW_LIMIT });
  return rows.map((row) => toItem(kind, row, options.today));
}
