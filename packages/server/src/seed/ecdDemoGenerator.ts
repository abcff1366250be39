// Early-childhood records for generated children: growth measurements on the commune's weighing days, EPI doses on
// (or after) their due dates, so the demo's growth charts, immunisation cards and action lists have something true
// to show. Deterministic for a seed, a child and a day; pure (the caller writes the rows).
import {
  addDaysToPlainDate,
  addMonthsToPlainDate,
  comparePlainDates,
  growthAgeInDays,
  growthReferenceValue,
  immunizationScheduleFor,
  immunizationStatus,
  type GrowthSex,
  type ImmunizationDoseRecord,
  type MeasuredPosition,
  type PlainDate,
  type VaccineCode,
} from '@treem/shared';
import { hashSeed, sfc32 } from './registerGenerator.ts';

export interface EcdDemoChild {
  readonly personId: string;
  readonly sex: GrowthSex;
  readonly birthDate: PlainDate;
}

export interface EcdDemoMeasurement {
  readonly personId: string;
  readonly measuredOn: PlainDate;
  readonly weightKg: number;
  readonly lengthHeightCm: number;
  readonly position: MeasuredPosition;
  readonly muacCm: number | null;
  readonly oedema: boolean;
}

export interface EcdDemoDose {
  readonly personId: string;
  readonly vaccineCode: VaccineCode;
  readonly doseNumber: number;
  readonly givenOn: PlainDate;
}

/** Children this old or younger get records: under-5 growth monitoring, and doses up to the 18-month boosters. */
const UNDER_MONTHS = 72;

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One child's records up to `today`:
 * - measurements every 3 months from birth for under-2s and every 6 months after, about one in ten weighing days
 *   missed; each child keeps their own z-score track (mean −0.3 weight, −0.8 length, as rural Vietnam runs), so
 *   about one child in seven is below −2 somewhere, and the last weighing of the youngest may be months ago;
 * - doses given 0–20 days after the due date, some 1–3 months late, and about one child in eight stopping the
 *   programme at some dose (so the overdue list has children on it).
 */
export function generateEcdDemo(seed: number, child: EcdDemoChild, today: PlainDate) {
  const random = sfc32(hashSeed(seed, 'ecd', child.personId));
  const measurements: EcdDemoMeasurement[] = [];
  const doses: EcdDemoDose[] = [];
  const ageToday = growthAgeInDays(child.birthDate, 'day', today);
  if (ageToday === null || ageToday > UNDER_MONTHS * 30.4375) return { measurements, doses };

  // Weight and length tracks move together (a short child is mostly a light one), each kept within ±3.
  const clamp = (z: number) => Math.max(-3.2, Math.min(2.8, z));
  const weightTrack = clamp(-0.3 + normal(random) * 0.9);
  const lengthTrack = clamp(-0.8 + 0.6 * (weightTrack + 0.3) + normal(random) * 0.6);
  for (let months = 0; ; months += months < 24 ? 3 : 6) {
    const measuredOn = addDaysToPlainDate(
      addMonthsToPlainDate(child.birthDate, months),
      Math.floor(random() * 10),
    );
    if (comparePlainDates(measuredOn, today) > 0) break;
    if (months > 0 && random() < 0.1) continue;
    const ageDays = growthAgeInDays(child.birthDate, 'day', measuredOn)!;
    if (ageDays > 1826) break;
    const weight = growthReferenceValue('wfa', child.sex, ageDays, weightTrack + normal(random) * 0.3);
    const length = growthReferenceValue('lhfa', child.sex, ageDays, lengthTrack + normal(random) * 0.2);
    const muac = ageDays >= 91 ? growthReferenceValue('acfa', child.sex, ageDays, weightTrack) : null;
    if (weight === null || length === null) continue;
    const position: MeasuredPosition = ageDays < 731 ? 'lying' : 'standing';
    measurements.push({
      personId: child.personId,
      measuredOn,
      weightKg: round1(weight),
      lengthHeightCm: round1(length),
      position,
      muacCm: muac === null ? null : round1(muac),
      oedema: false,
    });
  }

  const stopsAt = random() < 0.125 ? Math.floor(random() * 12) : Infinity;
  const schedule = immunizationScheduleFor(child.birthDate);
  const given: ImmunizationDoseRecord[] = [];
  let index = 0;
  for (const dose of schedule.doses) {
    if (index++ >= stopsAt) break;
    // Each dose is decided against what is on the card so far: given a little after it falls due, or late.
    const status = immunizationStatus(schedule, { birthDate: child.birthDate, dosesGiven: given }, today);
    const due = status.doses.find((d) => d.dose.id === dose.id);
    if (!due?.dueDate) continue;
    const delay = random() < 0.15 ? 30 + Math.floor(random() * 60) : Math.floor(random() * 20);
    const givenOn = addDaysToPlainDate(due.dueDate, delay);
    if (comparePlainDates(givenOn, today) > 0) continue;
    given.push({ vaccineCode: dose.vaccineCode, doseNumber: dose.doseNumber, givenOn });
    doses.push({
      personId: child.personId,
      vaccineCode: dose.vaccineCode,
      doseNumber: dose.doseNumber,
      givenOn,
    });
  }
  return { measurements, doses };
}

/** Td at 7 years reaches nine children in ten, within six weeks of the birthday. */
const TD_COVERAGE = 0.9;

/**
 * A child's doses at any age: those `generateEcdDemo` gives up to 71 months (its records stop at 6 years), then Td
 * at 7 years for nine children in ten. Deterministic for a seed, a child and a day.
 */
export function demoDosesAtAnyAge(seed: number, child: EcdDemoChild, today: PlainDate): EcdDemoDose[] {
  const lastRecordDay = addMonthsToPlainDate(child.birthDate, UNDER_MONTHS - 1);
  const upTo = comparePlainDates(today, lastRecordDay) > 0 ? lastRecordDay : today;
  const doses = [...generateEcdDemo(seed, child, upTo).doses];
  const random = sfc32(hashSeed(seed, 'td', child.personId));
  const tdDue = addMonthsToPlainDate(child.birthDate, 84);
  const givenOn = addDaysToPlainDate(tdDue, Math.floor(random() * 45));
  if (random() < TD_COVERAGE && comparePlainDates(givenOn, today) <= 0)
    doses.push({ personId: child.personId, vaccineCode: 'td', doseNumber: 1, givenOn });
  return doses;
}
