// Early-childhood records at benchmark scale: for every child under 8 of a province the register scale writer
// (`registerScale.ts`) filled, growth measurements with their stored z-scores, EPI doses, development screenings,
// ECD service contacts, school enrolment and the `ecd_child_summary` row the action lists read — written through
// COPY FROM STDIN on native PostgreSQL, one transaction per commune. A commune whose young children already have
// doses is skipped, so an interrupted run resumes and a finished province is reused as it is. Deterministic for a
// seed, the children in the database and the day (`today`). `treem seed --scale <children> --ecd` and the ECD
// benchmarks call it.
//
// Rates (per child under 8; "under 2" etc. is the age on the day of the record):
// - Growth monitoring, children under 5, the last 3 years (`RECORDS_YEARS`: when the province began entering its
//   weighing books): the commune's weighing rounds, quarterly (March, June, September, December) for children
//   under 2 and half-yearly (the June and December micronutrient days) from 2 to 5. A child comes to a round with
//   probability 0.80 under 2 and 0.70 from 2, and one child in twelve "rarely comes" (a third of that). Each child
//   keeps their own z-score track (weight mean −0.3 SD, SD 0.9; length −0.8 SD following weight, as in the demo
//   generator); 5% follow a faltering track, losing 0.8–1.6 SD of weight (and 40% of that in length) between 6 and
//   18 months and regaining half by 3 years — so about one child under 5 in nine is moderately or severely
//   malnourished at the last measurement. Lying under 2, standing from 2 (2% measured in the other position); MUAC
//   on 40% of measurements from 3 months, head circumference on 20% under 2; bilateral oedema on 1 in 20,000.
// - School health, children 5 to 8: one measurement (weight, standing height) at the start of each school year
//   from the one in which they are 5, 92% coverage, the last 3 years (WHO 2007 reference from 60 months).
//   Volume: ≈ 4.4 measurements per child under 8 — 5.4 M for the 2,500,000-child Hà Nội province (4.6 M growth
//   monitoring, 0.8 M school health). Scores are `measurementScoreColumns`, as the server stores them.
// - Doses: `generateEcdDemo` (given 0–20 days after the due date, 15% 1–3 months late, one child in eight stopping
//   the programme); a child over 6 gets the doses the demo gives by 71 months, and Td at 7 years with 90% coverage.
// - Development screening: the milestone checklist (80%), ASQ-3 (15%) or Denver II (5%) at 9, 18, 24, 36, 48 and 60
//   months, each with probability 0.3; 88% on track, 9% needing follow-up (a follow-up 30 days later, done within
//   three weeks for 75% once its day has passed two weeks), 3% referred.
// - Service contacts in the 12 months before `today`, in the six domains: health check (60%), vitamin A at the
//   June/December rounds (6–59 months), deworming (24–59 months, 70% of those at the round), nutrition counselling
//   of the caregiver after a malnourished measurement (60%), preschool attendance (one per enrolled child and school
//   year), early stimulation (12% of children under 3, 1–3 sessions), parenting sessions for the caregiver (30% under
//   3, 15% from 3; 1–4 sessions), home visits (5%, 30% in poor households), caregiver counselling (3%), birth
//   registration support (half the unregistered), psychological support and legal aid (children with a special
//   circumstance: 10% and 2%), social allowance (quarterly, 90% of children with a special circumstance), care
//   allowance (half of them), tuition support (80% of enrolled children of poor households).
// - Enrolment: the current school year as the register's school level says (nursery ~30% under 3, kindergarten
//   ~93% from 3 to 5, primary from 6; 0.5% dropped out, 0.5% transferred), and the previous year for a child who
//   was 3 or older then (kindergarten or primary, completed) or in nursery (30%).
// - Summary: one row per active child under 8, exactly what `refreshChildSummaries` stores (register facts, pending
//   doses from `pendingDoses`, the last measurement's date and classification, the earliest open follow-up).
import { performance } from 'node:perf_hooks';
import {
  addDaysToPlainDate,
  addMonthsToPlainDate,
  addYears,
  comparePlainDates,
  findEcdService,
  growthAgeInDays,
  growthReferenceValue,
  milestonesForBand,
  todayInVietnam,
  type BirthPrecision,
  type EcdServiceCode,
  type GrowthSex,
  type MeasuredPosition,
  type PlainDate,
  type ScreeningBandMonths,
} from '@treem/shared';
import type { LmsTable } from '@treem/shared/domain/growth/lmsTable';
import { growthTables } from '@treem/shared/domain/growth/references';
import { lmsValueAt } from '@treem/shared/domain/growth/zScore';
import pg from 'pg';
import {
  dueMultirange,
  overdueMultirange,
  pendingDoses,
  SUMMARY_AGE_YEARS,
  SUMMARY_VERSION,
} from '../modules/ecd/childSummary.ts';
import { measurementScoreColumns, type MeasurementValues } from '../modules/ecd/measurementScores.ts';
import { measurementScoreColumnNames } from '../modules/ecd/rescore.ts';
import { schoolYearOf } from '../modules/ecd/records.service.ts';
import { generateEcdDemo, type EcdDemoDose } from './ecdDemoGenerator.ts';
import { hashSeed, sfc32, type Random } from './registerGenerator.ts';
import { copyRows } from './registerScale.ts';

export const SCALE_ECD_SEED = 20260703;

// ---------------------------------------------------------------------------------------------------------------
// The generator (pure: no database, no clock)
// ---------------------------------------------------------------------------------------------------------------

/** What the generator needs to know of a child (read from `person` and its household). */
export interface EcdScaleChild {
  personId: string;
  sex: GrowthSex;
  birthDate: PlainDate;
  birthDatePrecision: BirthPrecision;
  villageId: string;
  villageName: string;
  /** The register's `org_path` (the village) and folded name, which the summary row carries for the lists. */
  orgPath: string;
  nameSearch: string;
  /** The mother, else the registered caregiver, else the father: who parenting services are given to. */
  caregiverId: string | null;
  birthRegistered: boolean | null;
  /** The register's `school_level` / `school_name` (decided from the age on the day the register was written). */
  schoolLevel: string | null;
  schoolName: string | null;
  /** The household is poor or near-poor. */
  poor: boolean;
  /** The child has an open special-circumstance assignment. */
  specialCircumstance: boolean;
}

export interface EcdScaleCommune {
  code: string;
  name: string;
}

export interface GeneratedMeasurement extends MeasurementValues {
  place: string;
  measuredBy: string;
}

export interface GeneratedScreening {
  screenedOn: PlainDate;
  tool: 'checklist' | 'asq3' | 'denver_ii';
  result: 'on_track' | 'needs_follow_up' | 'referred';
  milestonesNotMet: string[];
  followUpOn: PlainDate | null;
  followUpDoneOn: PlainDate | null;
}

export interface GeneratedContact {
  serviceCode: EcdServiceCode;
  domain: string;
  receivedOn: PlainDate;
  caregiverId: string | null;
  provider: string;
}

export interface GeneratedEnrolment {
  schoolYear: string;
  level: 'nursery' | 'kindergarten' | 'primary';
  schoolName: string;
  status: 'enrolled' | 'completed' | 'dropped_out' | 'transferred';
}

export interface GeneratedEcdChild {
  measurements: GeneratedMeasurement[];
  doses: EcdDemoDose[];
  screenings: GeneratedScreening[];
  contacts: GeneratedContact[];
  enrolments: GeneratedEnrolment[];
}

const UNDER_TWO_ATTENDANCE = 0.8;
const UNDER_FIVE_ATTENDANCE = 0.7;
const RARELY_COMES_SHARE = 1 / 12;
const SCHOOL_HEALTH_COVERAGE = 0.92;
/** Measurements are kept from this many years before `today`: when the province began entering its weighing books. */
export const RECORDS_YEARS = 3;
const SCREENING_BANDS: readonly ScreeningBandMonths[] = [9, 18, 24, 36, 48, 60];

const round1 = (x: number) => Math.round(x * 10) / 10;

function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const dayNumber = (date: PlainDate) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** The WHO 2007 reference value at `sd` for an age in months (nearest month row), or null outside the table. */
function reference2007(table: LmsTable, sex: GrowthSex, ageMonths: number, sd: number): number | null {
  const row = Math.round(ageMonths * table.stepsPerUnit) - table.firstStep;
  if (row < 0 || row >= table.count) return null;
  const at = (sex === 'male' ? 0 : table.count) * 3 + row * 3;
  return lmsValueAt(sd, table.lms[at]!, table.lms[at + 1]!, table.lms[at + 2]!);
}

/**
 * The commune's weighing rounds between two days: the 1st–5th of June and December (micronutrient days, every child
 * under 5) and a day between the 5th and the 20th of March and September (children under 2), the village coming
 * 0–3 days after the commune's day.
 */
function weighingRounds(
  seed: number,
  commune: EcdScaleCommune,
  villageId: string,
  from: PlainDate,
  to: PlainDate,
): { date: PlainDate; everyone: boolean }[] {
  const rounds: { date: PlainDate; everyone: boolean }[] = [];
  const villageOffset = hashSeed(seed, 'village-round', villageId) % 4;
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let year = first; year <= last; year += 1) {
    for (const month of [3, 6, 9, 12]) {
      const everyone = month === 6 || month === 12;
      const h = hashSeed(seed, 'round', commune.code, year, month);
      const day = (everyone ? 1 + (h % 5) : 5 + (h % 16)) + villageOffset;
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (comparePlainDates(date, from) >= 0 && comparePlainDates(date, to) <= 0)
        rounds.push({ date, everyone });
    }
  }
  return rounds;
}

/** The day of a school's health check in a school year: between 15 September and 31 October. */
function schoolCheckDay(seed: number, commune: EcdScaleCommune, startYear: number): PlainDate {
  const offset = hashSeed(seed, 'school-check', commune.code, startYear) % 47;
  return addDaysToPlainDate(`${startYear}-09-15`, offset);
}

/** One child's early-childhood records up to `today` (see the rates at the top of the file). */
export function generateEcdScaleChild(
  seed: number,
  commune: EcdScaleCommune,
  child: EcdScaleChild,
  today: PlainDate,
): GeneratedEcdChild {
  const random = sfc32(hashSeed(seed, 'ecd-scale', child.personId));
  const measurements: GeneratedMeasurement[] = [];
  const screenings: GeneratedScreening[] = [];
  const contacts: GeneratedContact[] = [];
  const enrolments: GeneratedEnrolment[] = [];
  const fiveYears = addMonthsToPlainDate(child.birthDate, 60);
  const twoYears = addMonthsToPlainDate(child.birthDate, 24);
  const yearAgo = addDaysToPlainDate(today, -365);
  const station = `Trạm Y tế ${commune.name}`;
  const caregiver = child.caregiverId;
  const contact = (
    serviceCode: EcdServiceCode,
    receivedOn: PlainDate,
    provider: string,
    toCaregiver = false,
  ) => {
    if (comparePlainDates(receivedOn, yearAgo) <= 0 || comparePlainDates(receivedOn, today) > 0) return;
    if (comparePlainDates(receivedOn, child.birthDate) < 0) return;
    if (toCaregiver && !caregiver) return;
    contacts.push({
      serviceCode,
      domain: findEcdService(serviceCode)!.domain,
      receivedOn,
      caregiverId: toCaregiver ? caregiver : null,
      provider,
    });
  };

  // Growth tracks: the demo's, plus a faltering dip for one child in twenty.
  const clamp = (z: number) => Math.max(-3.2, Math.min(2.8, z));
  const weightTrack = clamp(-0.3 + normal(random) * 0.9);
  const lengthTrack = clamp(-0.8 + 0.6 * (weightTrack + 0.3) + normal(random) * 0.6);
  const dip = random() < 0.05 ? 0.8 + random() * 0.8 : 0;
  const dipAt = (ageDays: number) => {
    if (dip === 0 || ageDays < 183) return 0;
    if (ageDays < 548) return (dip * (ageDays - 183)) / 365;
    if (ageDays < 1096) return dip * (1 - (0.5 * (ageDays - 548)) / 548);
    return dip / 2;
  };
  const rarelyComes = random() < RARELY_COMES_SHARE;
  const attendance = (base: number) => (rarelyComes ? base / 3 : base);

  const addMeasurement = (measuredOn: PlainDate, schoolHealth: boolean) => {
    const ageDays = growthAgeInDays(child.birthDate, child.birthDatePrecision, measuredOn);
    if (ageDays === null) return null;
    const w = weightTrack - dipAt(ageDays) + normal(random) * 0.3;
    const l = lengthTrack - 0.4 * dipAt(ageDays) + normal(random) * 0.2;
    let weight: number | null;
    let length: number | null;
    if (ageDays <= 1856) {
      weight = growthReferenceValue('wfa', child.sex, ageDays, w);
      length = growthReferenceValue('lhfa', child.sex, ageDays, l);
    } else {
      const months = ageDays / 30.4375;
      weight = reference2007(growthTables.weightForAge2007, child.sex, months, w);
      length = reference2007(growthTables.heightForAge2007, child.sex, months, l);
    }
    if (weight === null || length === null) return null;
    let position: MeasuredPosition = ageDays < 731 ? 'lying' : 'standing';
    if (!schoolHealth && ageDays >= 548 && ageDays < 913 && random() < 0.02)
      position = position === 'lying' ? 'standing' : 'lying';
    const muac =
      !schoolHealth && ageDays >= 91 && random() < 0.4
        ? growthReferenceValue('acfa', child.sex, ageDays, w)
        : null;
    const head =
      !schoolHealth && ageDays < 731 && random() < 0.2
        ? growthReferenceValue('hcfa', child.sex, ageDays, l)
        : null;
    const m: GeneratedMeasurement = {
      measuredOn,
      weightKg: round1(weight),
      lengthHeightCm: round1(length),
      position,
      headCircumferenceCm: head === null ? null : round1(head),
      muacCm: muac === null ? null : round1(muac),
      oedema: !schoolHealth && random() < 0.00005,
      place: schoolHealth
        ? (child.schoolName ?? `Trường Tiểu học ${commune.name}`)
        : `Nhà văn hóa ${child.villageName}`,
      measuredBy: schoolHealth ? 'Nhân viên y tế trường học' : 'Cộng tác viên dinh dưỡng',
    };
    measurements.push(m);
    return m;
  };

  // Weighing rounds while under 5, since the records begin.
  const recordsFrom = addYears(today, -RECORDS_YEARS);
  const bornPlusOne = addDaysToPlainDate(child.birthDate, 1);
  const firstRoundDay = comparePlainDates(bornPlusOne, recordsFrom) > 0 ? bornPlusOne : recordsFrom;
  const lastRoundDay = comparePlainDates(today, fiveYears) < 0 ? today : addDaysToPlainDate(fiveYears, -1);
  let counselled = false;
  if (comparePlainDates(firstRoundDay, lastRoundDay) <= 0) {
    for (const round of weighingRounds(seed, commune, child.villageId, firstRoundDay, lastRoundDay)) {
      const underTwo = comparePlainDates(round.date, twoYears) < 0;
      if (!underTwo && !round.everyone) continue;
      const came = random() < attendance(underTwo ? UNDER_TWO_ATTENDANCE : UNDER_FIVE_ATTENDANCE);
      if (!came) continue;
      const m = addMeasurement(round.date, false);
      if (!round.everyone) continue;
      // The micronutrient days: vitamin A from 6 months, deworming from 2 years.
      const ageMonths = (dayNumber(round.date) - dayNumber(child.birthDate)) / 30.4375;
      if (ageMonths >= 6) contact('vitamin_a_supplementation', round.date, station);
      if (ageMonths >= 24 && random() < 0.7) contact('deworming', round.date, station);
      if (m && !counselled && random() < 0.6) {
        const scored = measurementScoreColumns(child, m);
        if (scored.malnourished) {
          counselled = true;
          contact('nutrition_counselling', addDaysToPlainDate(round.date, 7), station, true);
        }
      }
    }
  }

  // School health from the school year in which the child is 5 (checked once 5 years old).
  const ageToday = dayNumber(today) - dayNumber(child.birthDate);
  if (comparePlainDates(fiveYears, today) <= 0) {
    for (let year = Number(fiveYears.slice(0, 4)) - 1; year <= Number(today.slice(0, 4)); year += 1) {
      const day = schoolCheckDay(seed, commune, year);
      if (comparePlainDates(day, fiveYears) < 0 || comparePlainDates(day, recordsFrom) < 0) continue;
      if (comparePlainDates(day, today) > 0) continue;
      if (random() < SCHOOL_HEALTH_COVERAGE) addMeasurement(day, true);
    }
  }

  // Doses: the demo's (clipped at 71 months for an older child), Td at 7 years.
  const dosesUpTo = ageToday > 71 * 30.4375 ? addMonthsToPlainDate(child.birthDate, 71) : today;
  const doses = [...generateEcdDemo(seed, child, dosesUpTo).doses];
  const tdDue = addYears(child.birthDate, 7);
  if (comparePlainDates(tdDue, today) <= 0 && random() < 0.9) {
    const givenOn = addDaysToPlainDate(tdDue, Math.floor(random() * 45));
    if (comparePlainDates(givenOn, today) <= 0)
      doses.push({ personId: child.personId, vaccineCode: 'td', doseNumber: 1, givenOn });
  }

  // Development screening at the bands, each with probability 0.3.
  for (const band of SCREENING_BANDS) {
    if (random() >= 0.3) continue;
    const screenedOn = addDaysToPlainDate(
      addMonthsToPlainDate(child.birthDate, band),
      Math.floor(random() * 45),
    );
    if (comparePlainDates(screenedOn, today) > 0) continue;
    const toolDraw = random();
    const tool = toolDraw < 0.8 ? 'checklist' : toolDraw < 0.95 ? 'asq3' : 'denver_ii';
    const resultDraw = random();
    const result = resultDraw < 0.88 ? 'on_track' : resultDraw < 0.97 ? 'needs_follow_up' : 'referred';
    const milestones = milestonesForBand(band);
    const notMet: string[] = [];
    if (result !== 'on_track') {
      const count = 1 + Math.floor(random() * 3);
      const startAt = Math.floor(random() * milestones.length);
      for (let i = 0; i < count; i += 1) notMet.push(milestones[(startAt + i) % milestones.length]!.code);
    }
    let followUpOn: PlainDate | null = null;
    let followUpDoneOn: PlainDate | null = null;
    if (result === 'needs_follow_up') {
      followUpOn = addDaysToPlainDate(screenedOn, 30);
      if (comparePlainDates(addDaysToPlainDate(followUpOn, 14), today) <= 0 && random() < 0.75) {
        followUpDoneOn = addDaysToPlainDate(followUpOn, Math.floor(random() * 21));
        if (comparePlainDates(followUpDoneOn, today) > 0) followUpDoneOn = today;
      }
    }
    screenings.push({ screenedOn, tool, result, milestonesNotMet: notMet, followUpOn, followUpDoneOn });
    contact('developmental_screening', screenedOn, station);
  }

  // Enrolment: this school year from the register, the previous one by age.
  const thisYear = schoolYearOf(today);
  const thisStart = Number(thisYear.slice(0, 4));
  const level = child.schoolLevel;
  if ((level === 'nursery' || level === 'kindergarten' || level === 'primary') && child.schoolName) {
    const draw = random();
    const status = draw < 0.005 ? 'dropped_out' : draw < 0.01 ? 'transferred' : 'enrolled';
    enrolments.push({ schoolYear: thisYear, level, schoolName: child.schoolName, status });
    if (level !== 'primary') contact('preschool_attendance', `${thisStart}-09-05`, child.schoolName);
    if (child.poor && random() < 0.8)
      contact('tuition_support', `${thisStart}-10-15`, `UBND ${commune.name}`);
    const ageLastYear = Math.floor((ageToday - 365) / 365.25);
    const lastLevel = ageLastYear >= 6 ? 'primary' : ageLastYear >= 3 ? 'kindergarten' : 'nursery';
    if (ageLastYear >= 3 || (ageLastYear >= 1 && random() < 0.3)) {
      const lastName =
        lastLevel === 'primary' ? `Trường Tiểu học ${commune.name}` : `Trường Mầm non ${commune.name}`;
      enrolments.push({
        schoolYear: `${thisStart - 1}-${thisStart}`,
        level: lastLevel,
        schoolName: lastName,
        status: 'completed',
      });
      if (lastLevel !== 'primary') contact('preschool_attendance', `${thisStart - 1}-09-05`, lastName);
    }
  }

  // Other services in the last 12 months.
  const someDay = () => addDaysToPlainDate(today, -Math.floor(random() * 365));
  const underThree = ageToday < 3 * 365.25;
  if (random() < 0.6) contact('health_check', someDay(), station);
  if (underThree && random() < 0.12) {
    const sessions = 1 + Math.floor(random() * 3);
    for (let i = 0; i < sessions; i += 1)
      contact('early_stimulation', someDay(), `Trường Mầm non ${commune.name}`);
  }
  if (random() < (underThree ? 0.3 : 0.15)) {
    const sessions = 1 + Math.floor(random() * 4);
    for (let i = 0; i < sessions; i += 1)
      contact('parenting_session', someDay(), `Hội Phụ nữ ${commune.name}`, true);
  }
  if (random() < (child.poor ? 0.3 : 0.05)) contact('home_visit', someDay(), `UBND ${commune.name}`, true);
  if (random() < 0.03) contact('caregiver_counselling', someDay(), station, true);
  if (child.birthRegistered === false && random() < 0.5)
    contact('birth_registration_support', someDay(), `UBND ${commune.name}`);
  if (child.specialCircumstance) {
    if (random() < 0.1) contact('psychological_support', someDay(), `Trung tâm Công tác xã hội`);
    if (random() < 0.02) contact('legal_aid', someDay(), `Trung tâm Trợ giúp pháp lý`);
    if (random() < 0.9) {
      const base = Math.floor(random() * 90);
      for (let q = 0; q < 4; q += 1)
        contact('social_allowance', addDaysToPlainDate(today, -base - 91 * q), `UBND ${commune.name}`);
    }
    if (random() < 0.5) contact('care_allowance', someDay(), `UBND ${commune.name}`, true);
  }
  return { measurements, doses, screenings, contacts, enrolments };
}

// ---------------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------------

type Cell = string | number | boolean | null;

const MEASUREMENT_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'measured_on',
  'weight_kg',
  'length_height_cm',
  'position',
  'head_circumference_cm',
  'muac_cm',
  'oedema',
  'measured_by',
  'place',
  ...measurementScoreColumnNames,
] as const;
const DOSE_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'vaccine_code',
  'dose_number',
  'given_on',
  'place',
  'source',
] as const;
const SCREENING_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'screened_on',
  'tool',
  'domains',
  'result',
  'milestones_not_met',
  'follow_up_on',
  'follow_up_done_on',
  'screened_by',
] as const;
const CONTACT_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'service_code',
  'domain',
  'received_on',
  'caregiver_person_id',
  'provider',
] as const;
const ENROLMENT_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'school_year',
  'level',
  'school_name',
  'status',
] as const;
const SUMMARY_COLUMNS = [
  'province_code',
  'person_id',
  'summary_version',
  'sex',
  'birth_date',
  'birth_date_precision',
  'overdue_periods',
  'due_periods',
  'pending_doses',
  'last_measured_on',
  'last_malnourished',
  'last_classification',
  'org_path',
  'village_id',
  'name_search',
  'status',
  'stale',
  'open_follow_up_on',
] as const;

type RowOf<C extends readonly string[]> = Record<C[number], Cell>;

export interface EcdCommuneRows {
  measurements: RowOf<typeof MEASUREMENT_COLUMNS>[];
  doses: RowOf<typeof DOSE_COLUMNS>[];
  screenings: RowOf<typeof SCREENING_COLUMNS>[];
  contacts: RowOf<typeof CONTACT_COLUMNS>[];
  enrolments: RowOf<typeof ENROLMENT_COLUMNS>[];
  summaries: RowOf<typeof SUMMARY_COLUMNS>[];
}

const ID_EPOCH_MS = Date.UTC(2026, 1, 1);
const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/**
 * UUIDv7 ids in the order rows are written (the commune's slot of time, then a counter in the 12 `rand_a` bits), the
 * rest from a seeded stream: ids and heap order agree, as they do for records entered over time.
 */
function idMaker(seed: number, communeIndex: number, table: string): () => string {
  const random = sfc32(hashSeed(seed, 'ecd-ids', communeIndex, table));
  let n = 0;
  return () => {
    const ms = hex(ID_EPOCH_MS + communeIndex * 10_000 + Math.floor(n / 4096), 12);
    const counter = n % 4096;
    n += 1;
    const b = Math.floor(random() * 0x4000) | 0x8000;
    const c = Math.floor(random() * 0x1000000);
    const d = Math.floor(random() * 0x1000000);
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(counter, 3)}-${hex(b, 4)}-${hex(c, 6)}${hex(d, 6)}`;
  };
}

const ALL_MILESTONE_DOMAINS = '{gross_motor,fine_motor,language,social_emotional,cognitive}';

/**
 * The rows of a commune's children (in the order given): what `writeEcdScale` COPYs in one transaction. Children
 * under 8 on `today` get a summary row, exactly as `refreshChildSummaries` would build it.
 */
export function ecdCommuneRows(
  seed: number,
  provinceCode: string,
  commune: EcdScaleCommune & { index: number },
  children: readonly EcdScaleChild[],
  today: PlainDate,
): EcdCommuneRows {
  const ids = {
    measurement: idMaker(seed, commune.index, 'growth_measurement'),
    dose: idMaker(seed, commune.index, 'immunization_dose'),
    screening: idMaker(seed, commune.index, 'development_screening'),
    contact: idMaker(seed, commune.index, 'ecd_service_contact'),
    enrolment: idMaker(seed, commune.index, 'school_enrolment'),
  };
  const rows: EcdCommuneRows = {
    measurements: [],
    doses: [],
    screenings: [],
    contacts: [],
    enrolments: [],
    summaries: [],
  };
  const station = `Trạm Y tế ${commune.name}`;
  for (const child of children) {
    const generated = generateEcdScaleChild(seed, commune, child, today);
    const person = { province_code: provinceCode, person_id: child.personId };
    let last: { measuredOn: PlainDate; scores: ReturnType<typeof measurementScoreColumns> } | null = null;
    for (const m of generated.measurements) {
      const scores = measurementScoreColumns(child, m);
      rows.measurements.push({
        ...person,
        id: ids.measurement(),
        measured_on: m.measuredOn,
        weight_kg: m.weightKg,
        length_height_cm: m.lengthHeightCm,
        position: m.position,
        head_circumference_cm: m.headCircumferenceCm,
        muac_cm: m.muacCm,
        oedema: m.oedema,
        measured_by: m.measuredBy,
        place: m.place,
        ...scores,
      });
      if (!last || comparePlainDates(m.measuredOn, last.measuredOn) > 0)
        last = { measuredOn: m.measuredOn, scores };
    }
    for (const d of generated.doses)
      rows.doses.push({
        ...person,
        id: ids.dose(),
        vaccine_code: d.vaccineCode,
        dose_number: d.doseNumber,
        given_on: d.givenOn,
        place: station,
        source: 'import',
      });
    for (const s of generated.screenings)
      rows.screenings.push({
        ...person,
        id: ids.screening(),
        screened_on: s.screenedOn,
        tool: s.tool,
        domains: ALL_MILESTONE_DOMAINS,
        result: s.result,
        milestones_not_met: `{${s.milestonesNotMet.join(',')}}`,
        follow_up_on: s.followUpOn,
        follow_up_done_on: s.followUpDoneOn,
        screened_by: station,
      });
    for (const c of generated.contacts)
      rows.contacts.push({
        ...person,
        id: ids.contact(),
        service_code: c.serviceCode,
        domain: c.domain,
        received_on: c.receivedOn,
        caregiver_person_id: c.caregiverId,
        provider: c.provider,
      });
    for (const e of generated.enrolments)
      rows.enrolments.push({
        ...person,
        id: ids.enrolment(),
        school_year: e.schoolYear,
        level: e.level,
        school_name: e.schoolName,
        status: e.status,
      });
    const pending = pendingDoses(
      child.birthDate,
      generated.doses.map((d) => ({
        vaccineCode: d.vaccineCode,
        doseNumber: d.doseNumber,
        givenOn: d.givenOn,
      })),
    );
    const s = last?.scores;
    let openFollowUp: PlainDate | null = null;
    for (const f of generated.screenings)
      if (f.followUpOn && !f.followUpDoneOn && (!openFollowUp || f.followUpOn < openFollowUp))
        openFollowUp = f.followUpOn;
    rows.summaries.push({
      ...person,
      summary_version: SUMMARY_VERSION,
      sex: child.sex,
      birth_date: child.birthDate,
      birth_date_precision: child.birthDatePrecision,
      overdue_periods: overdueMultirange(pending),
      due_periods: dueMultirange(pending),
      pending_doses: JSON.stringify(pending),
      last_measured_on: last?.measuredOn ?? null,
      last_malnourished: s?.malnourished ?? false,
      last_classification: s
        ? JSON.stringify({
            underweight: s.underweight,
            stunting: s.stunting,
            wasting: s.wasting,
            overweight: s.overweight,
            thinness: s.thinness,
          })
        : null,
      org_path: child.orgPath,
      village_id: child.villageId,
      name_search: child.nameSearch,
      status: 'active',
      stale: false,
      open_follow_up_on: openFollowUp,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// The writer
// ---------------------------------------------------------------------------------------------------------------

export interface EcdScaleOptions {
  /** Native PostgreSQL with the province's register written (`writeRegisterScale`). */
  databaseUrl: string;
  provinceCode: string;
  seed?: number;
  /** Only the first N communes of the province (by code); default all. */
  communes?: number;
  today?: PlainDate;
  log?: (line: string) => void;
}

export interface EcdScaleReport {
  communes: number;
  /** Communes that already had ECD records and were kept (a resumed or repeated run). */
  communesKept: number;
  children: number;
  measurements: number;
  doses: number;
  screenings: number;
  contacts: number;
  enrolments: number;
  summaries: number;
  /** Wall time of generation + COPY (without ANALYZE), and of the generation alone. */
  writeMs: number;
  generateMs: number;
  analyzeMs: number;
}

interface ChildRow {
  id: string;
  sex: GrowthSex;
  birth_date: PlainDate;
  birth_date_precision: BirthPrecision;
  village_id: string;
  village_name: string | null;
  org_path: string;
  name_search: string;
  caregiver_id: string | null;
  birth_registered: boolean | null;
  school_level: string | null;
  school_name: string | null;
  poor: boolean;
  special: boolean;
}

export async function writeEcdScale(options: EcdScaleOptions): Promise<EcdScaleReport> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? SCALE_ECD_SEED;
  const today = options.today ?? todayInVietnam();
  const under8From = addYears(today, -SUMMARY_AGE_YEARS);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.setTypeParser(1082, (value: string) => value);
  await client.connect();
  try {
    const province = await client.query<{ id: string }>(
      `select id from org_unit
        where generation = 'current' and level = 'province' and province_code = $1 and valid_to is null`,
      [options.provinceCode],
    );
    if (!province.rows[0]) {
      throw new Error(
        `Province ${options.provinceCode} not found: load the administrative units first (treem seed).`,
      );
    }
    const communes = (
      await client.query<{ id: string; path: string; code: string; name: string }>(
        `select id, path, code, name from org_unit
          where generation = 'current' and level = 'commune' and parent_id = $1 and valid_to is null
          order by code`,
        [province.rows[0].id],
      )
    ).rows.slice(0, options.communes ?? Number.MAX_SAFE_INTEGER);

    const totals = {
      children: 0,
      measurements: 0,
      doses: 0,
      screenings: 0,
      contacts: 0,
      enrolments: 0,
      summaries: 0,
    };
    let communesKept = 0;
    let generateMs = 0;
    const start = performance.now();
    for (const [index, commune] of communes.entries()) {
      // Written already: the commune's young children have doses (the summaries alone do not tell, since the
      // register's person trigger gives every child under 8 a stale stub row).
      const done = await client.query(
        `select 1 from person p
          where p.province_code = $1 and p.org_path <@ $2::ltree and p.birth_date > $3
            and exists (select 1 from immunization_dose d where d.province_code = p.province_code and d.person_id = p.id)
          limit 1`,
        [options.provinceCode, commune.path, under8From],
      );
      if (done.rowCount) {
        communesKept += 1;
        continue;
      }
      const children = await client.query<ChildRow>(
        `select p.id, p.sex, p.birth_date, p.birth_date_precision, p.village_id, v.full_name as village_name,
                p.org_path::text as org_path, p.name_search,
                coalesce(p.mother_id, p.caregiver_id, p.father_id) as caregiver_id, p.birth_registered,
                p.school_level, p.school_name, coalesce(h.poverty_status <> 'none', false) as poor,
                exists (select 1 from circumstance_assignment c
                         where c.province_code = p.province_code and c.person_id = p.id and c.valid_to is null)
                  as special
           from person p
           left join org_unit v on v.id = p.village_id
           left join household h on h.province_code = p.province_code and h.id = p.household_id
          where p.province_code = $1 and p.org_path <@ $2::ltree and p.status = 'active' and p.birth_date > $3
          order by p.id`,
        [options.provinceCode, commune.path, under8From],
      );
      if (children.rows.length === 0) continue;
      const generateStart = performance.now();
      const rows = ecdCommuneRows(
        seed,
        options.provinceCode,
        { code: commune.code, name: commune.name, index },
        children.rows.map((c) => ({
          personId: c.id,
          sex: c.sex,
          birthDate: c.birth_date,
          birthDatePrecision: c.birth_date_precision,
          villageId: c.village_id,
          villageName: c.village_name ?? commune.name,
          orgPath: c.org_path,
          nameSearch: c.name_search,
          caregiverId: c.caregiver_id,
          birthRegistered: c.birth_registered,
          schoolLevel: c.school_level,
          schoolName: c.school_name,
          poor: c.poor,
          specialCircumstance: c.special,
        })),
        today,
      );
      generateMs += performance.now() - generateStart;
      await client.query('begin');
      try {
        await copyRows(client, 'growth_measurement', MEASUREMENT_COLUMNS, rows.measurements);
        await copyRows(client, 'immunization_dose', DOSE_COLUMNS, rows.doses);
        await copyRows(client, 'development_screening', SCREENING_COLUMNS, rows.screenings);
        await copyRows(client, 'ecd_service_contact', CONTACT_COLUMNS, rows.contacts);
        await copyRows(client, 'school_enrolment', ENROLMENT_COLUMNS, rows.enrolments);
        // The stub rows the person trigger wrote (and any other) are replaced by the full ones.
        await client.query(
          'delete from ecd_child_summary where province_code = $1 and person_id = any($2::uuid[])',
          [options.provinceCode, children.rows.map((c) => c.id)],
        );
        await copyRows(client, 'ecd_child_summary', SUMMARY_COLUMNS, rows.summaries);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      totals.children += children.rows.length;
      totals.measurements += rows.measurements.length;
      totals.doses += rows.doses.length;
      totals.screenings += rows.screenings.length;
      totals.contacts += rows.contacts.length;
      totals.enrolments += rows.enrolments.length;
      totals.summaries += rows.summaries.length;
      const seconds = (performance.now() - start) / 1000;
      log(
        `ECD commune ${index + 1}/${communes.length} (${commune.name}): ` +
          `${totals.children.toLocaleString('en-US')} children under 8, ` +
          `${totals.measurements.toLocaleString('en-US')} measurements, ${totals.doses.toLocaleString('en-US')} doses ` +
          `in ${seconds.toFixed(0)} s`,
      );
    }
    if (communesKept > 0) log(`${communesKept} communes already have ECD records: kept as they are`);
    const writeMs = performance.now() - start;
    const analyzeStart = performance.now();
    if (totals.summaries > 0) {
      await client.query(
        'analyze growth_measurement, immunization_dose, development_screening, ecd_service_contact, ' +
          'school_enrolment, ecd_child_summary',
      );
      log(`analyze: ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
    }
    return {
      communes: communes.length,
      communesKept,
      ...totals,
      writeMs,
      generateMs,
      analyzeMs: performance.now() - analyzeStart,
    };
  } finally {
    await client.end();
  }
}
