import { newId, type BirthPrecision, type GrowthSex, type PlainDate, type VaccineCode } from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { measurementScoreColumns } from '../modules/ecd/measurementScores.ts';
import type { SeedPerson } from './registerFactories.ts';

export interface SeedChild extends SeedPerson {
  sex: GrowthSex;
  birthDate: PlainDate;
  birthDatePrecision?: BirthPrecision;
}

/** A measurement inserted directly, scored as the service scores it. */
export async function seedMeasurement(
  db: Kysely<DB>,
  child: SeedChild,
  measuredOn: PlainDate,
  values: { weightKg?: number; lengthHeightCm?: number; position?: 'lying' | 'standing'; oedema?: boolean },
): Promise<string> {
  const id = newId();
  const measured = {
    measuredOn,
    weightKg: values.weightKg ?? null,
    lengthHeightCm: values.lengthHeightCm ?? null,
    position: values.position ?? null,
    headCircumferenceCm: null,
    muacCm: null,
    oedema: values.oedema ?? false,
  };
  await db
    .insertInto('growth_measurement')
    .values({
      province_code: child.provinceCode,
      id,
      person_id: child.id,
      measured_on: measuredOn,
      weight_kg: measured.weightKg,
      length_height_cm: measured.lengthHeightCm,
      position: measured.position,
      oedema: measured.oedema,
      ...measurementScoreColumns(
        { sex: child.sex, birthDate: child.birthDate, birthDatePrecision: child.birthDatePrecision ?? 'day' },
        measured,
      ),
    })
    .execute();
  return id;
}

export async function seedDoses(
  db: Kysely<DB>,
  child: SeedPerson,
  doses: readonly (readonly [VaccineCode, PlainDate])[],
): Promise<void> {
  if (doses.length === 0) return;
  await db
    .insertInto('immunization_dose')
    .values(
      doses.map(([vaccine, givenOn]) => ({
        province_code: child.provinceCode,
        id: newId(),
        person_id: child.id,
        vaccine_code: vaccine,
        given_on: givenOn,
      })),
    )
    .execute();
}

export async function seedScreening(
  db: Kysely<DB>,
  child: SeedPerson,
  screening: {
    screenedOn: PlainDate;
    result: 'on_track' | 'needs_follow_up' | 'referred';
    followUpOn?: PlainDate | null;
    followUpDoneOn?: PlainDate | null;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('development_screening')
    .values({
      province_code: child.provinceCode,
      id,
      person_id: child.id,
      screened_on: screening.screenedOn,
      tool: 'checklist',
      domains: ['gross_motor'],
      result: screening.result,
      follow_up_on: screening.followUpOn ?? null,
      follow_up_done_on: screening.followUpDoneOn ?? null,
    })
    .execute();
  return id;
}

export async function seedEnrolment(
  db: Kysely<DB>,
  child: SeedPerson,
  schoolYear: string,
  status: 'enrolled' | 'completed' | 'dropped_out' | 'transferred' = 'enrolled',
): Promise<string> {
  const id = newId();
  await db
    .insertInto('school_enrolment')
    .values({
      province_code: child.provinceCode,
      id,
      person_id: child.id,
      school_year: schoolYear,
      level: 'kindergarten',
      school_name: 'Trường Mầm non Hoa Sen',
      status,
    })
    .execute();
  return id;
}
