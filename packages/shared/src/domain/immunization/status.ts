import { z } from 'zod';
import { addYears, type PlainDate } from '../plainDate.ts';
import { addAgeToPlainDate, addDaysToPlainDate } from './age.ts';
import type { ImmunizationSchedule, ScheduledDose } from './schedule.ts';
import { VaccineCode } from './vaccines.ts';

/** A dose as recorded: the dose number is what the card says, and may be missing or wrong. */
export const ImmunizationDoseRecord = z.object({
  vaccineCode: VaccineCode,
  doseNumber: z.number().int().min(1).max(9).nullish(),
  givenOn: z.iso.date(),
});
export type ImmunizationDoseRecord = z.infer<typeof ImmunizationDoseRecord>;

export interface ImmunizationChild {
  birthDate: PlainDate;
  dosesGiven: readonly ImmunizationDoseRecord[];
}

/**
 * `not_yet_due` before the due date; `due` from the due date to the end of the on-time window; `overdue` after it;
 * `expired` from the upper age on, if still not given; `given` when a valid dose was given by the end of the on-time
 * window (early but valid included), `given_late` after it (even after the upper age: the dose still counts).
 * An invalid dose never gives a dose a `given` status: it is listed in `invalidDoses` and the dose is still due.
 */
export const immunizationDoseStatuses = [
  'not_yet_due',
  'due',
  'overdue',
  'given',
  'given_late',
  'expired',
] as const;
export const ImmunizationDoseStatus = z.enum(immunizationDoseStatuses);
export type ImmunizationDoseStatus = z.infer<typeof ImmunizationDoseStatus>;

export const InvalidDoseReason = z.enum(['before_minimum_age', 'before_minimum_interval']);
export type InvalidDoseReason = z.infer<typeof InvalidDoseReason>;

export interface InvalidDose {
  givenOn: PlainDate;
  recordedDoseNumber: number | null;
  reason: InvalidDoseReason;
}

export interface ScheduledDoseStatus {
  dose: ScheduledDose;
  status: ImmunizationDoseStatus;
  /** The later of the scheduled age and the previous dose of the series (given, else due) + the minimum interval. */
  dueDate: PlainDate;
  /** The first day the dose is overdue: the day after the due date + the on-time window. */
  overdueFrom: PlainDate;
  /** The first day the programme no longer gives the dose (the upper age), or null. */
  expiresOn: PlainDate | null;
  /**
   * The first day a dose would be valid: the later of the minimum age and the previous dose + the minimum interval
   * (planned from the previous dose's due date while that dose is not given).
   */
  earliestValidDate: PlainDate;
  /** The valid dose that fills this place in the series. */
  givenOn: PlainDate | null;
  recordedDoseNumber: number | null;
  /** Doses of this vaccine given, in date order, while this place was open, that do not count. */
  invalidDoses: readonly InvalidDose[];
}

export interface ImmunizationStatus {
  scheduleCode: ImmunizationSchedule['code'];
  asOf: PlainDate;
  /** One per scheduled dose, in the schedule's order. */
  doses: readonly ScheduledDoseStatus[];
  /** Doses given once every place of their series was filled (not checked further), or of a vaccine not scheduled. */
  extraDoses: readonly ImmunizationDoseRecord[];
}

function later(a: PlainDate, b: PlainDate): PlainDate {
  return a < b ? b : a;
}

function laterOrNull(a: PlainDate | null, b: PlainDate | null): PlainDate | null {
  return a === null ? b : b === null ? a : later(a, b);
}

function byDateThenNumber(a: ImmunizationDoseRecord, b: ImmunizationDoseRecord): number {
  if (a.givenOn !== b.givenOn) return a.givenOn < b.givenOn ? -1 : 1;
  return (a.doseNumber ?? Number.MAX_SAFE_INTEGER) - (b.doseNumber ?? Number.MAX_SAFE_INTEGER);
}

/**
 * The status of every scheduled dose for `child` on `asOf`; doses recorded after `asOf` are ignored.
 *
 * The doses of one vaccine code form a series. They are evaluated in date order, whatever dose number was recorded:
 * each dose given is checked against the first open place of the series and fills it when valid (given on or after
 * the minimum age and at least the minimum interval after the dose filling the previous place); an invalid dose is
 * listed on that place and does not count, and the next dose given is checked against the same place. A recorded
 * dose number is kept for display, but the order in time decides, because validity depends on it and a number copied
 * from a card may be wrong or missing. Two doses on the same day: the second is invalid (minimum interval).
 */
export function immunizationStatus(
  schedule: ImmunizationSchedule,
  child: ImmunizationChild,
  asOf: PlainDate,
): ImmunizationStatus {
  const { birthDate } = child;
  const queues = new Map<string, ImmunizationDoseRecord[]>();
  const extraDoses: ImmunizationDoseRecord[] = [];
  const scheduledCodes = new Set(schedule.doses.map((d) => d.vaccineCode));
  for (const record of [...child.dosesGiven].sort(byDateThenNumber)) {
    if (record.givenOn > asOf) continue;
    if (!scheduledCodes.has(record.vaccineCode)) {
      extraDoses.push(record);
      continue;
    }
    const queue = queues.get(record.vaccineCode) ?? [];
    queue.push(record);
    queues.set(record.vaccineCode, queue);
  }

  const previousInSeries = new Map<string, ScheduledDoseStatus>();
  const doses = schedule.doses.map((dose): ScheduledDoseStatus => {
    const previous = previousInSeries.get(dose.vaccineCode);
    const minimumAgeDate = addAgeToPlainDate(birthDate, dose.earliestAge);
    const scheduledDate = addAgeToPlainDate(birthDate, dose.dueAge);
    let earliestValidDate = minimumAgeDate;
    let dueDate = scheduledDate;
    if (previous && dose.minimumInterval) {
      // While the previous dose is not given, plan from its due date: the real date can only be later.
      const anchor = previous.givenOn ?? previous.dueDate;
      const afterInterval = addAgeToPlainDate(anchor, dose.minimumInterval);
      dueDate = later(dueDate, afterInterval);
      earliestValidDate = later(earliestValidDate, afterInterval);
    }

    const invalidDoses: InvalidDose[] = [];
    let filledBy: ImmunizationDoseRecord | undefined;
    // When the previous place stayed open, its loop used up every dose of the series: this one gets none.
    const queue = queues.get(dose.vaccineCode) ?? [];
    while (!filledBy) {
      const record = queue.shift();
      if (!record) break;
      if (record.givenOn >= earliestValidDate) filledBy = record;
      else {
        invalidDoses.push({
          givenOn: record.givenOn,
          recordedDoseNumber: record.doseNumber ?? null,
          reason: record.givenOn < minimumAgeDate ? 'before_minimum_age' : 'before_minimum_interval',
        });
      }
    }

    const overdueFrom = addDaysToPlainDate(addAgeToPlainDate(dueDate, dose.onTimeWindow), 1);
    const expiresOn = dose.expiresAt ? addAgeToPlainDate(birthDate, dose.expiresAt) : null;
    const givenOn = filledBy?.givenOn ?? null;
    let status: ImmunizationDoseStatus;
    if (givenOn !== null) status = givenOn < overdueFrom ? 'given' : 'given_late';
    else if (expiresOn !== null && asOf >= expiresOn) status = 'expired';
    else if (asOf < dueDate) status = 'not_yet_due';
    else if (asOf < overdueFrom) status = 'due';
    else status = 'overdue';

    const result: ScheduledDoseStatus = {
      dose,
      status,
      dueDate,
      overdueFrom,
      expiresOn,
      earliestValidDate,
      givenOn,
      recordedDoseNumber: filledBy?.doseNumber ?? null,
      invalidDoses,
    };
    previousInSeries.set(dose.vaccineCode, result);
    return result;
  });

  for (const queue of queues.values()) extraDoses.push(...queue);
  extraDoses.sort(byDateThenNumber);
  return { scheduleCode: schedule.code, asOf, doses, extraDoses };
}

export interface MissingDose {
  dose: ScheduledDose;
  status: ImmunizationDoseStatus;
  /** Set when the dose was given, but on or after the first birthday. */
  givenOn: PlainDate | null;
}

export interface FullyImmunizedUnder1 {
  fully: boolean;
  /** The day the last counted dose was given, when `fully`. */
  by: PlainDate | null;
  /** The counted doses not validly given before the first birthday (as of `asOf`). */
  missing: readonly MissingDose[];
  /** False while the child is under 1 and not yet fully immunised: the answer can still change. */
  settled: boolean;
}

/**
 * Fully immunised under 1 with the 8 vaccines ("tiêm chủng đầy đủ 8 loại vắc xin", NPA 2021–2030 indicator 5): every
 * dose flagged `countsForFullyImmunizedUnder1` validly given before the first birthday (the birthday as `addYears`
 * computes it, so 28 February for a child born on 29 February). With TT 10/2024 these are BCG, the 5-in-1 × 3,
 * OPV × 3 and measles dose 1, which together cover the 8 diseases (TB, hepatitis B, diphtheria, pertussis, tetanus,
 * polio, Hib, measles).
 *
 * Confidence [U] (DOMAIN.md §5): the indicator's official definition (TT 13/2021 or the GSO indicator sheet) was
 * not seen. DOMAIN.md reads it as "all under-1 doses"; we leave out the hepatitis B birth dose (its 24-hour coverage
 * is reported on its own and hepatitis B is covered by the 5-in-1) and IPV (polio is covered by OPV 3). Including
 * them is a change of the flags in the schedule, not of this function.
 */
export function fullyImmunizedUnder1(
  schedule: ImmunizationSchedule,
  child: ImmunizationChild,
  asOf: PlainDate,
): FullyImmunizedUnder1 {
  const firstBirthday = addYears(child.birthDate, 1);
  const counted = immunizationStatus(schedule, child, asOf).doses.filter(
    (d) => d.dose.countsForFullyImmunizedUnder1,
  );
  const missing = counted
    .filter((d) => d.givenOn === null || d.givenOn >= firstBirthday)
    .map((d): MissingDose => ({ dose: d.dose, status: d.status, givenOn: d.givenOn }));
  const fully = missing.length === 0;
  const by = fully ? counted.reduce<PlainDate | null>((last, d) => laterOrNull(last, d.givenOn), null) : null;
  return { fully, by, missing, settled: fully || asOf >= firstBirthday };
}
