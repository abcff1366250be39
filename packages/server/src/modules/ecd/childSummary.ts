import {
  addYears,
  immunizationScheduleFor,
  immunizationStatus,
  type ImmunizationDoseRecord,
  type PlainDate,
  type VaccineCode,
} from '@treem/shared';
import { sql } from 'kysely';
import { inTransaction, type Executor } from '../../db/transaction.ts';

/**
 * Bump when the schedule data or the summary's rules change: every summary built with another version is rebuilt
 * before a list is read.
 */
export const SUMMARY_VERSION = 'TT10_2024/1';

const LAST_DAY: PlainDate = '9999-12-31';

export interface PendingDose {
  doseId: string;
  dueDate: PlainDate;
  overdueFrom: PlainDate;
  expiresOn: PlainDate | null;
}

interface ChildFacts {
  provinceCode: string;
  personId: string;
  sex: string;
  birthDate: PlainDate;
  birthDatePrecision: string;
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
function overdueMultirange(pending: readonly PendingDose[]): string {
  const ranges = pending
    .filter((p) => p.expiresOn === null || p.overdueFrom < p.expiresOn)
    .map((p) => `[${p.overdueFrom},${p.expiresOn ?? ''})`);
  return `{${ranges.join(',')}}`;
}

function dueMultirange(pending: readonly PendingDose[]): string {
  return `{${pending.map((p) => `[${p.dueDate},${p.dueDate}]`).join(',')}}`;
}

/** Children from birth to this age (exclusive) have a summary and appear on the action lists: early childhood, 0–8. */
export const SUMMARY_AGE_YEARS = 8;

/**
 * Rebuilds the summary rows of these children: the pending doses from their doses (the schedule run in JS), then
 * the last-measurement facts (`refreshLastMeasurements`). Call inside the transaction that changed their doses or
 * measurements, or their sex or birth date.
 */
export async function refreshChildSummaries(db: Executor, children: readonly ChildFacts[]): Promise<void> {
  if (children.length === 0) return;
  const byProvince = new Map<string, ChildFacts[]>();
  for (const child of children)
    byProvince.set(child.provinceCode, [...(byProvince.get(child.provinceCode) ?? []), child]);
  for (const [provinceCode, group] of byProvince) {
    for (let start = 0; start < group.length; start += 1000) {
      const chunk = group.slice(start, start + 1000);
      const ids = chunk.map((c) => c.personId);
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
      const rows = chunk.map((child) => {
        const pending = pendingDoses(child.birthDate, dosesOf.get(child.personId) ?? []);
        return {
          province_code: provinceCode,
          person_id: child.personId,
          summary_version: SUMMARY_VERSION,
          sex: child.sex,
          birth_date: child.birthDate,
          birth_date_precision: child.birthDatePrecision,
          overdue_periods: overdueMultirange(pending),
          due_dates: dueMultirange(pending),
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
            overdue_periods: eb.ref('excluded.overdue_periods'),
            due_dates: eb.ref('excluded.due_dates'),
            pending_doses: eb.ref('excluded.pending_doses'),
            refreshed_at: eb.ref('excluded.refreshed_at'),
          })),
        )
        .execute();
      await refreshLastMeasurements(db, provinceCode, ids);
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
 * Brings the summaries of a unit's young children up to date before a list reads them: children with no summary
 * (registered or imported since), or whose sex or birth date was corrected, or whose summary was built by another
 * schedule version. Normally finds none; it costs one pass over the unit's young children.
 */
export async function refreshStaleSummaries(
  db: Executor,
  unitPath: string,
  today: PlainDate,
): Promise<number> {
  const stale = await db
    .selectFrom('person as p')
    .leftJoin('ecd_child_summary as s', (join) =>
      join.onRef('s.province_code', '=', 'p.province_code').onRef('s.person_id', '=', 'p.id'),
    )
    .select(['p.province_code', 'p.id', 'p.sex', 'p.birth_date', 'p.birth_date_precision'])
    .where(sql<boolean>`p.org_path <@ ${unitPath}::ltree`)
    .where('p.status', '=', 'active')
    .where('p.birth_date', '>', addYears(today, -SUMMARY_AGE_YEARS))
    .where((eb) =>
      eb.or([
        eb('s.person_id', 'is', null),
        eb('s.summary_version', '<>', SUMMARY_VERSION),
        eb('s.sex', '<>', eb.ref('p.sex')),
        eb('s.birth_date', '<>', eb.ref('p.birth_date')),
        eb('s.birth_date_precision', '<>', eb.ref('p.birth_date_precision')),
      ]),
    )
    // One order for every caller, so two lists refreshing the same children lock their rows in the same order.
    .orderBy('p.id')
    .execute();
  if (stale.length === 0) return 0;
  await inTransaction(db, (trx) =>
    refreshChildSummaries(
      trx,
      stale.map((p) => ({
        provinceCode: p.province_code,
        personId: p.id,
        sex: p.sex,
        birthDate: p.birth_date,
        birthDatePrecision: p.birth_date_precision,
      })),
    ),
  );
  return stale.length;
}
