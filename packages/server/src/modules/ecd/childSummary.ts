import {
  addMonthsToPlainDate,
  immunizationScheduleFor,
  immunizationStatus,
  type ImmunizationDoseRecord,
  type PlainDate,
  type VaccineCode,
} from '@treem/shared';
import { sql } from 'kysely';
import { prepared } from '../../db/prepared.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';

/**
 * Bump when the schedule data or the summary's rules change: every summary built with another version is rebuilt
 * before a list is read.
 */
export const SUMMARY_VERSION = 'TT10_2024/2';

const LAST_DAY: PlainDate = '9999-12-31';

export interface PendingDose {
  doseId: string;
  dueDate: PlainDate;
  overdueFrom: PlainDate;
  expiresOn: PlainDate | null;
}

/** A child whose summary is rebuilt, by key: the register's current facts are read with the doses. */
export interface SummaryKey {
  provinceCode: string;
  personId: string;
}

/**
 * A child's dose plan as of nothing: for each scheduled dose not yet given (validly), the day it falls due, the day
 * it becomes overdue and the day the programme stops giving it. These follow from the birth date and the doses
 * given only, so `immunizationStatus` can be asked at the birth date: the dates it plans are the same on any day.
 */
export function pendingDoses(birthDate: PlainDate, doses: readonly ImmunizationDoseRecord[]): PendingDose[] {
  const schedule = immunizationScheduleFor(birthDate);
  // Asked as of the last possible day, so every dose recorded counts; the dates it plans do not depend on the day.
  const status = immunizationStatus(schedule, { birthDate, dosesGiven: doses }, LAST_DAY);
  return status.doses
    .filter((d) => d.givenOn === null)
    .map((d) => ({
      doseId: d.dose.id,
      dueDate: d.dueDate,
      overdueFrom: d.overdueFrom,
      expiresOn: d.expiresOn,
    }));
}

/** The overdue periods as a `datemultirange` literal: [overdue from, expires on) per pending dose. */
export function overdueMultirange(pending: readonly PendingDose[]): string {
  const ranges = pending
    .filter((p) => p.expiresOn === null || p.overdueFrom < p.expiresOn)
    .map((p) => `[${p.overdueFrom},${p.expiresOn ?? ''})`);
  return `{${ranges.join(',')}}`;
}

/**
 * The due periods as a `datemultirange` literal: per pending dose, from its due date to the end of that month, or
 * to its upper age if sooner. A dose is "due this month" on day D when it falls due in D's month and can still be
 * given: exactly when its period overlaps [D, first day of the next month).
 */
export function dueMultirange(pending: readonly PendingDose[]): string {
  const ranges = pending.flatMap((p) => {
    const monthEnd = addMonthsToPlainDate(`${p.dueDate.slice(0, 8)}01`, 1);
    const end = p.expiresOn !== null && p.expiresOn < monthEnd ? p.expiresOn : monthEnd;
    return p.dueDate < end ? [`[${p.dueDate},${end})`] : [];
  });
  return `{${ranges.join(',')}}`;
}

/** Children from birth to this age (exclusive) have a summary and appear on the action lists: early childhood, 0–8. */
export const SUMMARY_AGE_YEARS = 8;

/**
 * Rebuilds the summary rows of these children from the register and their doses: where they live, their status and
 * name (what lists filter and sort on), the pending doses (the schedule run in JS on their current birth date), then
 * the last-measurement facts (`refreshLastMeasurements`); the rows are no longer stale. Call inside the transaction
 * that changed their doses or measurements.
 */
export async function refreshChildSummaries(db: Executor, children: readonly SummaryKey[]): Promise<void> {
  if (children.length === 0) return;
  const byProvince = new Map<string, string[]>();
  for (const child of children)
    byProvince.set(child.provinceCode, [...(byProvince.get(child.provinceCode) ?? []), child.personId]);
  for (const [provinceCode, allIds] of byProvince) {
    for (let start = 0; start < allIds.length; start += 1000) {
      const ids = [...new Set(allIds.slice(start, start + 1000))];
      const persons = await db
        .selectFrom('person')
        .select([
          'id',
          'sex',
          'birth_date',
          'birth_date_precision',
          'org_path',
          'village_id',
          'name_search',
          'status',
        ])
        .where('province_code', '=', provinceCode)
        .where(sql<boolean>`id = any(${ids}::uuid[])`)
        .orderBy('id')
        .execute();
      if (persons.length === 0) continue;
      const doses = await db
        .selectFrom('immunization_dose')
        .select(['person_id', 'vaccine_code', 'dose_number', 'given_on'])
        .where('province_code', '=', provinceCode)
        .where(sql<boolean>`person_id = any(${ids}::uuid[])`)
        .execute();
      const dosesOf = new Map<string, ImmunizationDoseRecord[]>();
      for (const d of doses) {
        const list = dosesOf.get(d.person_id) ?? [];
        list.push({
          vaccineCode: d.vaccine_code as VaccineCode,
          doseNumber: d.dose_number,
          givenOn: d.given_on,
        });
        dosesOf.set(d.person_id, list);
      }
      const rows = persons.map((person) => {
        const pending = pendingDoses(person.birth_date, dosesOf.get(person.id) ?? []);
        return {
          province_code: provinceCode,
          person_id: person.id,
          summary_version: SUMMARY_VERSION,
          sex: person.sex,
          birth_date: person.birth_date,
          birth_date_precision: person.birth_date_precision,
          org_path: person.org_path,
          village_id: person.village_id,
          name_search: person.name_search,
          status: person.status,
          stale: false,
          overdue_periods: overdueMultirange(pending),
          due_periods: dueMultirange(pending),
          pending_doses: JSON.stringify(pending),
          last_measured_on: null,
          last_malnourished: false,
          last_classification: null,
          refreshed_at: new Date(),
        };
      });
      await db
        .insertInto('ecd_child_summary')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['province_code', 'person_id']).doUpdateSet((eb) => ({
            summary_version: eb.ref('excluded.summary_version'),
            sex: eb.ref('excluded.sex'),
            birth_date: eb.ref('excluded.birth_date'),
            birth_date_precision: eb.ref('excluded.birth_date_precision'),
            org_path: eb.ref('excluded.org_path'),
            village_id: eb.ref('excluded.village_id'),
            name_search: eb.ref('excluded.name_search'),
            status: eb.ref('excluded.status'),
            stale: eb.ref('excluded.stale'),
            overdue_periods: eb.ref('excluded.overdue_periods'),
            due_periods: eb.ref('excluded.due_periods'),
            pending_doses: eb.ref('excluded.pending_doses'),
            refreshed_at: eb.ref('excluded.refreshed_at'),
          })),
        )
        .execute();
      await refreshLastMeasurements(
        db,
        provinceCode,
        persons.map((p) => p.id),
      );
      await refreshFollowUps(
        db,
        provinceCode,
        persons.map((p) => p.id),
      );
    }
  }
}

/**
 * Sets the last-measurement facts of these children's summary rows (where they have one) from their latest
 * measurement that can classify nutrition (one with a weight or a length/height); none left → no measurement.
 */
export async function refreshLastMeasurements(
  db: Executor,
  provinceCode: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await sql`
    update ecd_child_summary s set
      last_measured_on = l.measured_on,
      last_malnourished = coalesce(l.malnourished, false),
      last_classification = case when l.measured_on is null then null else jsonb_build_object(
        'underweight', l.underweight, 'stunting', l.stunting, 'wasting', l.wasting,
        'overweight', l.overweight, 'thinness', l.thinness) end
    from unnest(${[...personIds]}::uuid[]) as x(id)
    left join lateral (
      select m.measured_on, m.malnourished, m.underweight, m.stunting, m.wasting, m.overweight, m.thinness
      from growth_measurement m
      where m.province_code = ${provinceCode} and m.person_id = x.id
        and (m.weight_kg is not null or m.length_height_cm is not null)
      order by m.measured_on desc, m.created_at desc
      limit 1
    ) l on true
    where s.province_code = ${provinceCode} and s.person_id = x.id`.execute(db);
}

/**
 * Sets the earliest open follow-up date of these children's summary rows (where they have one) from their
 * screenings. Call in the transaction that recorded, closed or removed a screening.
 */
export async function refreshFollowUps(
  db: Executor,
  provinceCode: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await sql`
    update ecd_child_summary s set open_follow_up_on = (
      select min(f.follow_up_on) from development_screening f
      where f.province_code = s.province_code and f.person_id = s.person_id
        and f.follow_up_on is not null and f.follow_up_done_on is null)
    where s.province_code = ${provinceCode} and s.person_id = any(${[...personIds]}::uuid[])`.execute(db);
}

/**
 * Rebuilds, before a list reads them, the stale summaries of a unit's villages: children registered or imported
 * since (the person trigger gave them an empty row) and children whose sex or birth date the register corrected, or
 * every row after a change of the schedule rules (`markOutdatedSummaries`). Normally there are none, and the partial
 * index of the stale rows answers at once.
 */
export async function refreshStaleSummaries(
  db: Executor,
  unit: { provinceCode: string; villageIds: readonly string[] },
): Promise<number> {
  if (unit.villageIds.length === 0) return 0;
  const stale = await db
    .selectFrom('ecd_child_summary')
    .select(['province_code', 'person_id'])
    .where('province_code', '=', unit.provinceCode)
    .where(sql<boolean>`village_id = any(${[...unit.villageIds]}::uuid[])`)
    .where('stale', '=', true)
    // One order for every caller, so two lists refreshing the same children lock their rows in the same order.
    .orderBy('person_id')
    .modifyEnd(prepared)
    .execute();
  if (stale.length === 0) return 0;
  await inTransaction(db, (trx) =>
    refreshChildSummaries(
      trx,
      stale.map((row) => ({ provinceCode: row.province_code, personId: row.person_id })),
    ),
  );
  return stale.length;
}

const VERSION_RECORD = 'ecd_child_summary';

/**
 * Marks stale every summary built by another version of the schedule rules (`SUMMARY_VERSION`), once per version:
 * at start-up, so lists need not look for them. Returns how many rows it marked.
 */
export async function markOutdatedSummaries(db: Executor): Promise<number> {
  const recorded = await db
    .selectFrom('reference_data_load')
    .select('checksum')
    .where('name', '=', VERSION_RECORD)
    .executeTakeFirst();
  if (recorded?.checksum === SUMMARY_VERSION) return 0;
  return inTransaction(db, async (trx) => {
    const marked = await trx
      .updateTable('ecd_child_summary')
      .set({ stale: true })
      .where('summary_version', '<>', SUMMARY_VERSION)
      .where('stale', '=', false)
      .executeTakeFirst();
    const count = Number(marked.numUpdatedRows);
    await trx
      .insertInto('reference_data_load')
      .values({ name: VERSION_RECORD, checksum: SUMMARY_VERSION, row_count: count })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ checksum: SUMMARY_VERSION, row_count: count, loaded_at: new Date() }),
      )
      .execute();
    return count;
  });
}
