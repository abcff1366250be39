// Demo early-childhood records for the demo register's children: weighing-day measurements and EPI doses
// (ecdDemoGenerator.ts), development screenings with some follow-ups open, service contacts in the six domains
// (parenting sessions attended by mothers), and preschool enrolment for this school year with a few 5-year-olds
// missing — so every action list of the demo has children on it. Then the summary of every child under 8.
import {
  addDaysToPlainDate,
  addMonthsToPlainDate,
  comparePlainDates,
  ecdServices,
  milestonesForBand,
  newId,
  screeningBandFor,
  type EcdServiceCode,
  type PlainDate,
} from '@treem/shared';
import type { Insertable } from 'kysely';
import type {
  DevelopmentScreeningTable,
  EcdServiceContactTable,
  GrowthMeasurementTable,
  ImmunizationDoseTable,
  SchoolEnrolmentTable,
} from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import { refreshChildSummaries, SUMMARY_AGE_YEARS } from '../modules/ecd/childSummary.ts';
import { measurementScoreColumns } from '../modules/ecd/measurementScores.ts';
import { schoolYearOf } from '../modules/ecd/records.service.ts';
import { demoDosesAtAnyAge, generateEcdDemo } from './ecdDemoGenerator.ts';
import { ageOn, hashSeed, sfc32, type PersonRow } from './registerGenerator.ts';

export const DEMO_ECD_SEED = 20261205;

export interface EcdDemoReport {
  measurements: number;
  doses: number;
  screenings: number;
  services: number;
  enrolments: number;
  summaries: number;
}

export const emptyEcdReport: EcdDemoReport = {
  measurements: 0,
  doses: 0,
  screenings: 0,
  services: 0,
  enrolments: 0,
  summaries: 0,
};

const BATCH = 500;

async function insertBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const childServices: readonly EcdServiceCode[] = [
  'health_check',
  'vitamin_a_supplementation',
  'deworming',
  'health_insurance_card',
  'early_stimulation',
  'home_visit',
];
const domainOf = new Map(ecdServices.map((s) => [s.code, s.domain] as const));

/** Months of age in whole months on a day. */
function monthsOld(birthDate: PlainDate, on: PlainDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** Writes the records of the given (newly generated) persons; deterministic for a seed and a day. */
export async function seedEcdDemo(
  db: Executor,
  persons: readonly PersonRow[],
  today: PlainDate,
  seed = DEMO_ECD_SEED,
): Promise<EcdDemoReport> {
  const measurements: Insertable<GrowthMeasurementTable>[] = [];
  const doses: Insertable<ImmunizationDoseTable>[] = [];
  const screenings: Insertable<DevelopmentScreeningTable>[] = [];
  const services: Insertable<EcdServiceContactTable>[] = [];
  const enrolments: Insertable<SchoolEnrolmentTable>[] = [];
  const schoolYear = schoolYearOf(today);
  const cohortYear = Number(schoolYear.slice(0, 4));
  const children = persons.filter(
    (p) => p.status === 'active' && ageOn(p.birth_date, today) < SUMMARY_AGE_YEARS,
  );
  for (const child of children) {
    const random = sfc32(hashSeed(seed, 'ecd-records', child.id));
    const generated = generateEcdDemo(
      seed,
      { personId: child.id, sex: child.sex, birthDate: child.birth_date },
      today,
    );
    for (const m of generated.measurements) {
      const values = {
        measuredOn: m.measuredOn,
        weightKg: m.weightKg,
        lengthHeightCm: m.lengthHeightCm,
        position: m.position,
        headCircumferenceCm: null,
        muacCm: m.muacCm,
        oedema: m.oedema,
      };
      measurements.push({
        province_code: child.province_code,
        id: newId(),
        person_id: child.id,
        measured_on: m.measuredOn,
        weight_kg: m.weightKg,
        length_height_cm: m.lengthHeightCm,
        position: m.position,
        muac_cm: m.muacCm,
        oedema: m.oedema,
        place: 'Trạm y tế xã',
        measured_by: 'Cộng tác viên dinh dưỡng',
        ...measurementScoreColumns(
          {
            sex: child.sex,
            birthDate: child.birth_date,
            birthDatePrecision: child.birth_date_precision ?? 'day',
          },
          values,
        ),
      });
    }
    for (const d of demoDosesAtAnyAge(
      seed,
      { personId: child.id, sex: child.sex, birthDate: child.birth_date },
      today,
    )) {
      doses.push({
        province_code: child.province_code,
        id: newId(),
        person_id: child.id,
        vaccine_code: d.vaccineCode,
        dose_number: d.doseNumber,
        given_on: d.givenOn,
        place: 'Trạm y tế xã',
        source: 'demo',
      });
    }

    // One screening at the latest checklist age the child has passed, for two children in five.
    const ageMonths = monthsOld(child.birth_date, today);
    const band = screeningBandFor(ageMonths);
    if (band !== null && random() < 0.4) {
      const screenedOn = addMonthsToPlainDate(child.birth_date, band);
      const draw = random();
      const result = draw < 0.1 ? 'needs_follow_up' : draw < 0.13 ? 'referred' : 'on_track';
      const notMet =
        result === 'on_track'
          ? []
          : milestonesForBand(band)
              .slice(0, 2)
              .map((m) => m.code);
      const followUpOn = result === 'on_track' ? null : addMonthsToPlainDate(screenedOn, 1);
      const done = followUpOn !== null && comparePlainDates(followUpOn, today) < 0 && random() < 0.5;
      screenings.push({
        province_code: child.province_code,
        id: newId(),
        person_id: child.id,
        screened_on: comparePlainDates(screenedOn, today) > 0 ? today : screenedOn,
        tool: 'checklist',
        domains: ['gross_motor', 'fine_motor', 'language', 'social_emotional', 'cognitive'],
        result,
        milestones_not_met: notMet,
        follow_up_on: followUpOn,
        follow_up_done_on: done ? addDaysToPlainDate(followUpOn, 3) : null,
        screened_by: 'Trạm y tế xã',
      });
    }

    // Services: a few child services, and a parenting session attended by the mother for a third of under-3s.
    for (const code of childServices) {
      if (random() < 0.25) {
        const receivedOn = addDaysToPlainDate(today, -Math.floor(random() * 360));
        if (comparePlainDates(receivedOn, child.birth_date) < 0) continue;
        services.push({
          province_code: child.province_code,
          id: newId(),
          person_id: child.id,
          service_code: code,
          domain: domainOf.get(code)!,
          received_on: receivedOn,
          provider: 'Trạm y tế xã',
        });
      }
    }
    if (ageMonths < 36 && child.mother_id && random() < 0.33) {
      const receivedOn = addDaysToPlainDate(today, -Math.floor(random() * 180));
      if (comparePlainDates(receivedOn, child.birth_date) >= 0)
        services.push({
          province_code: child.province_code,
          id: newId(),
          person_id: child.id,
          service_code: 'parenting_session',
          domain: domainOf.get('parenting_session')!,
          received_on: receivedOn,
          caregiver_person_id: child.mother_id,
          provider: 'Hội Liên hiệp Phụ nữ xã',
          outcome: 'Tham dự buổi sinh hoạt nuôi dạy con',
        });
    }

    // Preschool this school year: children of 3, 4 and 5 (by birth year), nine in ten enrolled.
    const yearAge = cohortYear - Number(child.birth_date.slice(0, 4));
    if (yearAge >= 3 && yearAge <= 5 && random() < 0.9) {
      enrolments.push({
        province_code: child.province_code,
        id: newId(),
        person_id: child.id,
        school_year: schoolYear,
        level: 'kindergarten',
        school_name: 'Trường Mầm non xã',
        status: 'enrolled',
      });
    }
  }
  await insertBatches(measurements, (batch) => db.insertInto('growth_measurement').values(batch).execute());
  await insertBatches(doses, (batch) => db.insertInto('immunization_dose').values(batch).execute());
  await insertBatches(screenings, (batch) => db.insertInto('development_screening').values(batch).execute());
  await insertBatches(services, (batch) => db.insertInto('ecd_service_contact').values(batch).execute());
  await insertBatches(enrolments, (batch) => db.insertInto('school_enrolment').values(batch).execute());
  await refreshChildSummaries(
    db,
    children.map((c) => ({ provinceCode: c.province_code, personId: c.id })),
  );
  return {
    measurements: measurements.length,
    doses: doses.length,
    screenings: screenings.length,
    services: services.length,
    enrolments: enrolments.length,
    summaries: children.length,
  };
}
