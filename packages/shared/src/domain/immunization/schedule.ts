import { z } from 'zod';
import type { PlainDate } from '../plainDate.ts';
import type { AgeSpec } from './age.ts';
import type { EpiDiseaseCode, SourceVerification, VaccineCode } from './vaccines.ts';

export const immunizationScheduleCodes = ['TT10_2024'] as const;
export const ImmunizationScheduleCode = z.enum(immunizationScheduleCodes);
export type ImmunizationScheduleCode = z.infer<typeof ImmunizationScheduleCode>;

/** The timing parameters of a dose that a source may or may not state. */
export type ScheduledDoseParameter = 'earliestAge' | 'minimumInterval' | 'onTimeWindow' | 'expiresAt';

/**
 * One dose of the schedule. Ages count from the date of birth (day 0); the rules that turn them into dates and
 * statuses are in `immunizationStatus` and docs/immunization.md.
 */
export interface ScheduledDose {
  /** `${vaccineCode}_${doseNumber}`. */
  id: string;
  vaccineCode: VaccineCode;
  /** The dose's number among the doses of the same vaccine code: the series whose order and intervals are checked. */
  doseNumber: number;
  vi: string;
  en: string;
  /** The scheduled age. */
  dueAge: AgeSpec;
  /** A dose given before this age is not valid (it does not count and must be repeated). */
  earliestAge: AgeSpec;
  /** After the previous dose of the same vaccine code: a dose given sooner is not valid. Null for dose 1 only. */
  minimumInterval: AgeSpec | null;
  /** How long after the due date the dose is still on time, inclusive: 1 day for "within 24 h of birth". */
  onTimeWindow: AgeSpec;
  /** From this age the programme no longer gives the dose; null when no upper age applies to a child under 16. */
  expiresAt: AgeSpec | null;
  diseases: readonly EpiDiseaseCode[];
  /** One of the doses a child needs before the first birthday to count as fully immunised with the 8 vaccines. */
  countsForFullyImmunizedUnder1: boolean;
  /** The confidence of the entry itself (that the dose exists at this age), from the tag of DOMAIN.md §5. */
  verification: SourceVerification;
  /** Parameters that no source states: our assumption [U], based on WHO practice where one exists. */
  assumed: readonly ScheduledDoseParameter[];
  /** Cites the DOMAIN.md tag and says what each assumption rests on. */
  note: string;
}

export interface ImmunizationSchedule {
  code: ImmunizationScheduleCode;
  title: { vi: string; en: string };
  legalBasis: string;
  /** Children born on or after this date follow this schedule (`immunizationScheduleFor`). */
  validFrom: PlainDate;
  /** In the order of the due ages (so the doses of one vaccine code are in dose-number order). */
  doses: readonly ScheduledDose[];
}

const oneMonth: AgeSpec = { months: 1 };
// The licensed minimum age of the 5-in-1 and of both polio vaccines in WHO position papers: 6 weeks.
const sixWeeks: AgeSpec = { weeks: 6 };
const fiveYears: AgeSpec = { years: 5 };
const windowAndExpiryAssumed =
  'On-time window (1 month after the due date) and upper age are our assumptions [U], not from TT 10/2024.';

function fiveInOneDose(n: 1 | 2 | 3): ScheduledDose {
  return {
    id: `dpt_hepb_hib_${n}`,
    vaccineCode: 'dpt_hepb_hib',
    doseNumber: n,
    vi: `Bạch hầu – ho gà – uốn ván – viêm gan B – Hib (5 trong 1) mũi ${n}`,
    en: `DTP–HepB–Hib (5-in-1) dose ${n}`,
    dueAge: { months: n + 1 },
    earliestAge: sixWeeks,
    minimumInterval: n === 1 ? null : oneMonth,
    onTimeWindow: oneMonth,
    expiresAt: fiveYears,
    diseases: ['diphtheria', 'pertussis', 'tetanus', 'hepatitis_b', 'hib'],
    countsForFullyImmunizedUnder1: true,
    verification: 'verified',
    assumed: ['earliestAge', 'onTimeWindow', 'expiresAt'],
    note:
      'DOMAIN.md §5 [V]: doses 1–3 from 2 months, at least 1 month apart (≈ 2, 3, 4 months). Minimum age 6 weeks ' +
      `(WHO) [U]. ${windowAndExpiryAssumed}`,
  };
}

function oralPolioDose(n: 1 | 2 | 3): ScheduledDose {
  return {
    id: `opv_${n}`,
    vaccineCode: 'opv',
    doseNumber: n,
    vi: `Bại liệt uống (OPV) lần ${n}`,
    en: `Oral polio (OPV) dose ${n}`,
    dueAge: { months: n + 1 },
    earliestAge: sixWeeks,
    minimumInterval: n === 1 ? null : oneMonth,
    onTimeWindow: oneMonth,
    expiresAt: fiveYears,
    diseases: ['polio'],
    countsForFullyImmunizedUnder1: true,
    verification: 'probable',
    assumed: ['earliestAge', 'minimumInterval', 'onTimeWindow', 'expiresAt'],
    note:
      'DOMAIN.md §5 [P]: 2, 3 and 4 months, from the older schedule (the polio text of TT 10/2024 was not seen). ' +
      `Minimum age 6 weeks (WHO) and 1 month apart, like the 5-in-1 given with it [U]. ${windowAndExpiryAssumed}`,
  };
}

/**
 * The EPI schedule of Circular 10/2024/TT-BYT (13/06/2024, in force 01/08/2024), as far as our sources show it
 * (DOMAIN.md §5; open item 5 asks for the full text). Tags per entry: [V] birth dose of hepatitis B, BCG, the 5-in-1,
 * IPV dose 1, the DTP booster and Td; [P] OPV, measles, MR and Japanese encephalitis (taken from the older schedule
 * or a secondary page); [U] IPV dose 2. Rotavirus is not scheduled at all. The fields named in `assumed` are
 * programme defaults we chose, to be checked with the provincial CDC.
 */
export const immunizationScheduleTT10_2024: ImmunizationSchedule = {
  code: 'TT10_2024',
  title: {
    vi: 'Lịch tiêm chủng bắt buộc trong Chương trình tiêm chủng mở rộng',
    en: 'Mandatory vaccination schedule of the Expanded Programme on Immunization',
  },
  legalBasis:
    'Thông tư 10/2024/TT-BYT ngày 13/06/2024 của Bộ Y tế, có hiệu lực từ 01/08/2024, thay thế Thông tư 38/2017/TT-BYT',
  validFrom: '2024-08-01',
  doses: [
    {
      id: 'hepb_birth_1',
      vaccineCode: 'hepb_birth',
      doseNumber: 1,
      vi: 'Viêm gan B sơ sinh (trong 24 giờ sau sinh)',
      en: 'Hepatitis B birth dose (within 24 hours)',
      dueAge: {},
      earliestAge: {},
      minimumInterval: null,
      onTimeWindow: { days: 1 },
      expiresAt: { days: 7 },
      diseases: ['hepatitis_b'],
      countsForFullyImmunizedUnder1: false,
      verification: 'verified',
      assumed: ['expiresAt'],
      note:
        'DOMAIN.md §5 [V]: birth, within 24 h (dates only: the day of birth or the next day). Upper age 7 days [U]: ' +
        'WHO counts a late birth dose up to day 7; later, hepatitis B is covered by the 5-in-1. Reported on its own, ' +
        'not in "fully immunised".',
    },
    {
      id: 'bcg_1',
      vaccineCode: 'bcg',
      doseNumber: 1,
      vi: 'BCG (phòng lao)',
      en: 'BCG (tuberculosis)',
      dueAge: {},
      earliestAge: {},
      minimumInterval: null,
      onTimeWindow: oneMonth,
      expiresAt: { years: 1 },
      diseases: ['tuberculosis'],
      countsForFullyImmunizedUnder1: true,
      verification: 'verified',
      assumed: ['expiresAt'],
      note: 'DOMAIN.md §5 [V]: 1 dose within 1 month of birth. Upper age 1 year [U].',
    },
    // The 5-in-1 and OPV are given at the same visits: the card lists them visit by visit.
    ...([1, 2, 3] as const).flatMap((n) => [fiveInOneDose(n), oralPolioDose(n)]),
    {
      id: 'ipv_1',
      vaccineCode: 'ipv',
      doseNumber: 1,
      vi: 'Bại liệt tiêm (IPV) mũi 1',
      en: 'Inactivated polio (IPV) dose 1',
      dueAge: { months: 5 },
      earliestAge: sixWeeks,
      minimumInterval: null,
      onTimeWindow: oneMonth,
      expiresAt: fiveYears,
      diseases: ['polio'],
      countsForFullyImmunizedUnder1: false,
      verification: 'verified',
      assumed: ['earliestAge', 'onTimeWindow', 'expiresAt'],
      note:
        'DOMAIN.md §5 [V]: 5 months (QĐ 2144/QĐ-BYT, 04/06/2016). Minimum age 6 weeks (WHO) [U]. ' +
        `${windowAndExpiryAssumed} Not in "fully immunised": polio is counted by OPV dose 3.`,
    },
    {
      id: 'ipv_2',
      vaccineCode: 'ipv',
      doseNumber: 2,
      vi: 'Bại liệt tiêm (IPV) mũi 2',
      en: 'Inactivated polio (IPV) dose 2',
      dueAge: { months: 9 },
      earliestAge: sixWeeks,
      minimumInterval: oneMonth,
      onTimeWindow: oneMonth,
      expiresAt: fiveYears,
      diseases: ['polio'],
      countsForFullyImmunizedUnder1: false,
      verification: 'unverified',
      assumed: ['earliestAge', 'minimumInterval', 'onTimeWindow', 'expiresAt'],
      note:
        'DOMAIN.md §5 [U]: the existence of a 2nd IPV dose is not verified; 9 months is background knowledge. ' +
        `Interval 1 month [U]. ${windowAndExpiryAssumed}`,
    },
    {
      id: 'measles_1',
      vaccineCode: 'measles',
      doseNumber: 1,
      vi: 'Sởi mũi 1',
      en: 'Measles dose 1',
      dueAge: { months: 9 },
      earliestAge: { months: 9 },
      minimumInterval: null,
      onTimeWindow: oneMonth,
      expiresAt: fiveYears,
      diseases: ['measles'],
      countsForFullyImmunizedUnder1: true,
      verification: 'probable',
      assumed: ['earliestAge', 'onTimeWindow', 'expiresAt'],
      note:
        'DOMAIN.md §5 [P]: 9 months. Minimum age 9 months [U]: WHO does not count a routine dose given earlier. ' +
        windowAndExpiryAssumed,
    },
    {
      id: 'je_1',
      vaccineCode: 'je',
      doseNumber: 1,
      vi: 'Viêm não Nhật Bản mũi 1',
      en: 'Japanese encephalitis dose 1',
      dueAge: { months: 12 },
      earliestAge: { months: 12 },
      minimumInterval: null,
      onTimeWindow: oneMonth,
      expiresAt: { years: 15 },
      diseases: ['japanese_encephalitis'],
      countsForFullyImmunizedUnder1: false,
      verification: 'probable',
      assumed: ['onTimeWindow', 'expiresAt'],
      note: 'DOMAIN.md §5 [P] (older schedule): from 1 year. Upper age 15 years [U]. On-time window 1 month [U].',
    },
    {
      id: 'je_2',
      vaccineCode: 'je',
      doseNumber: 2,
      vi: 'Viêm não Nhật Bản mũi 2',
      en: 'Japanese encephalitis dose 2',
      dueAge: { months: 12, weeks: 2 },
      earliestAge: { months: 12 },
      minimumInterval: { weeks: 1 },
      onTimeWindow: oneMonth,
      expiresAt: { years: 15 },
      diseases: ['japanese_encephalitis'],
      countsForFullyImmunizedUnder1: false,
      verification: 'probable',
      assumed: ['onTimeWindow', 'expiresAt'],
      note:
        'DOMAIN.md §5 [P] (older schedule): two weeks after dose 1. Minimum interval 1 week [P]: the local vaccine ' +
        'leaflet quoted by secondary pages says "1–2 weeks after dose 1". On-time window and upper age [U].',
    },
    {
      id: 'dpt_booster_1',
      vaccineCode: 'dpt_booster',
      doseNumber: 1,
      vi: 'Bạch hầu – ho gà – uốn ván (DPT) nhắc lại lúc 18 tháng',
      en: 'DTP booster at 18 months',
      dueAge: { months: 18 },
      earliestAge: { months: 12 },
      minimumInterval: null,
      onTimeWindow: oneMonth,
      expiresAt: { years: 7 },
      diseases: ['diphtheria', 'pertussis', 'tetanus'],
      countsForFullyImmunizedUnder1: false,
      verification: 'verified',
      assumed: ['earliestAge', 'onTimeWindow', 'expiresAt'],
      note:
        'DOMAIN.md §5 [V]: DTP-containing booster at 18 months (the 1st of the 2 tetanus boosters). Minimum age ' +
        '12 months (WHO) [U]; from 7 years Td is given instead [U]. The interval after the 5-in-1 is not checked.',
    },
    {
      id: 'mr_1',
      vaccineCode: 'mr',
      doseNumber: 1,
      vi: 'Sởi – rubella (MR) lúc 18 tháng',
      en: 'Measles–rubella (MR) at 18 months',
      dueAge: { months: 18 },
      earliestAge: { months: 12 },
      minimumInterval: null,
      onTimeWindow: oneMonth,
      expiresAt: fiveYears,
      diseases: ['measles', 'rubella'],
      countsForFullyImmunizedUnder1: false,
      verification: 'probable',
      assumed: ['earliestAge', 'onTimeWindow', 'expiresAt'],
      note:
        'DOMAIN.md §5 [P]: measles(-rubella) dose 2 at 18 months. Minimum age 12 months [U]. ' +
        `${windowAndExpiryAssumed} The interval after measles dose 1 is not checked.`,
    },
    {
      id: 'je_3',
      vaccineCode: 'je',
      doseNumber: 3,
      vi: 'Viêm não Nhật Bản mũi 3',
      en: 'Japanese encephalitis dose 3',
      dueAge: { months: 24, weeks: 2 },
      earliestAge: { months: 12 },
      minimumInterval: { years: 1 },
      onTimeWindow: oneMonth,
      expiresAt: { years: 15 },
      diseases: ['japanese_encephalitis'],
      countsForFullyImmunizedUnder1: false,
      verification: 'probable',
      assumed: ['onTimeWindow', 'expiresAt'],
      note:
        'DOMAIN.md §5 [P] (older schedule): one year after dose 2, which is also the minimum interval. ' +
        'On-time window and upper age [U].',
    },
    {
      id: 'td_1',
      vaccineCode: 'td',
      doseNumber: 1,
      vi: 'Uốn ván – bạch hầu giảm liều (Td) lúc 7 tuổi',
      en: 'Tetanus–diphtheria reduced dose (Td) at 7 years',
      dueAge: { years: 7 },
      earliestAge: { years: 7 },
      minimumInterval: null,
      onTimeWindow: { years: 1 },
      expiresAt: null,
      diseases: ['tetanus', 'diphtheria'],
      countsForFullyImmunizedUnder1: false,
      verification: 'verified',
      assumed: ['earliestAge', 'onTimeWindow'],
      note:
        'DOMAIN.md §5 [V]: reduced-dose diphtheria-containing booster at 7 years (the 2nd tetanus booster). ' +
        'Minimum age 7 years (the age for reduced-dose vaccines) and on time within the year [U]; no upper age.',
    },
  ],
};

/** Every schedule version we hold, oldest first. TT 38/2017 is not transcribed: no source states it fully. */
export const immunizationSchedules: readonly ImmunizationSchedule[] = [immunizationScheduleTT10_2024];

/**
 * The schedule for a child born on `birthDate`: the latest version in force on that day. A child born before the
 * oldest version we hold gets the oldest one: the doses still to give follow the schedule now in force anyway.
 */
export function immunizationScheduleFor(
  birthDate: PlainDate,
  schedules: readonly ImmunizationSchedule[] = immunizationSchedules,
): ImmunizationSchedule {
  const byDate = [...schedules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const oldest = byDate[0];
  if (!oldest) throw new RangeError('No immunization schedule');
  return byDate.filter((s) => s.validFrom <= birthDate).at(-1) ?? oldest;
}
