// What the register's changes mean for a child's early-childhood records: a corrected sex or birth date rescores the
// measurements and rebuilds the dose plan; a merge moves every record to the kept person.
import type { BirthPrecision, GrowthSex, PlainDate } from '@treem/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { refreshChildSummaries } from './childSummary.ts';
import { rescoreMeasurements } from './rescore.ts';

interface PersonFacts {
  province_code: string;
  id: string;
  sex: GrowthSex;
  birth_date: PlainDate;
  birth_date_precision: BirthPrecision;
}

/** Call in the transaction that changed the person, with the row after the change. */
export async function afterPersonFactsChanged(trx: Executor, before: PersonFacts, after: PersonFacts) {
  if (
    before.sex === after.sex &&
    before.birth_date === after.birth_date &&
    before.birth_date_precision === after.birth_date_precision
  )
    return;
  await rescoreMeasurements(trx, { provinceCode: after.province_code, personIds: [after.id] });
  // The person trigger marked the child's summary (if any: children under 8) stale; rebuild it now.
  const summary = await trx
    .selectFrom('ecd_child_summary')
    .select('person_id')
    .where('province_code', '=', after.province_code)
    .where('person_id', '=', after.id)
    .executeTakeFirst();
  if (summary) await refreshChildSummaries(trx, [{ provinceCode: after.province_code, personId: after.id }]);
}

/**
 * Moves the early-childhood records of a merged person to the kept one. An enrolment of a school year the kept
 * person already has is dropped (the kept record's wins; the merge snapshot keeps the other). Then the kept
 * person's measurements are rescored against their own sex and birth date, and their summary rebuilt.
 */
export async function moveEcdRecords(
  trx: Executor,
  from: Pick<PersonFacts, 'province_code' | 'id'>,
  kept: PersonFacts,
) {
  const province = kept.province_code;
  await sql`
    delete from school_enrolment e using school_enrolment k
    where e.province_code = ${province} and e.person_id = ${from.id}
      and k.province_code = e.province_code and k.person_id = ${kept.id} and k.school_year = e.school_year`.execute(
    trx,
  );
  for (const table of [
    'growth_measurement',
    'immunization_dose',
    'development_screening',
    'ecd_service_contact',
    'school_enrolment',
  ] as const) {
    await trx
      .updateTable(table)
      .set({ person_id: kept.id })
      .where('province_code', '=', province)
      .where('person_id', '=', from.id)
      .execute();
  }
  await trx
    .updateTable('ecd_service_contact')
    .set({ caregiver_person_id: kept.id })
    .where('province_code', '=', province)
    .where('caregiver_person_id', '=', from.id)
    .execute();
  await trx
    .deleteFrom('ecd_child_summary')
    .where('province_code', '=', province)
    .where('person_id', '=', from.id)
    .execute();
  await rescoreMeasurements(trx, { provinceCode: province, personIds: [kept.id], staleOnly: true });
  await refreshChildSummaries(trx, [{ provinceCode: province, personId: kept.id }]);
}
