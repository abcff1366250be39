import { expect, test } from 'vitest';
import { completedMonthsOfAge } from '../immunization/age.ts';
import {
  ChecklistAnswers,
  type ChecklistAnswers as ChecklistAnswersType,
  developmentMilestones,
  type MilestoneAnswer,
  milestoneDomainCodes,
  milestoneDomains,
  milestonesForBand,
  milestonesNeedingFollowUp,
  type ScreeningBandMonths,
  screeningBandFor,
  screeningBands,
  screeningResultFromChecklist,
  screeningResults,
  screeningTools,
} from './screening.ts';

test.each([
  [-1, null],
  [0, null],
  [1, null],
  [1.99, null],
  [2, 2],
  [3, 2],
  [4, 4],
  [5, 4],
  [6, 6],
  [8, 6],
  [8.9, 6],
  [9, 9],
  [11, 9],
  [12, 12],
  [17, 12],
  [18, 18],
  [23, 18],
  [24, 24],
  [35, 24],
  [36, 36],
  [47, 36],
  [48, 48],
  [59, 48],
  [60, 60],
  [71, 60],
  [72, null],
  [96, null],
  [Number.NaN, null],
])('a child of %s completed months is checked against the %s-month band', (age, band) => {
  expect(screeningBandFor(age)).toBe(band);
});

test('the band follows the completed months of age, with month-end clamping', () => {
  expect(screeningBandFor(completedMonthsOfAge('2024-02-29', '2024-04-28'))).toBeNull();
  expect(screeningBandFor(completedMonthsOfAge('2024-02-29', '2024-04-29'))).toBe(2);
  expect(screeningBandFor(completedMonthsOfAge('2019-12-31', '2025-12-30'))).toBe(60);
  expect(screeningBandFor(completedMonthsOfAge('2019-12-31', '2025-12-31'))).toBeNull();
});

test('milestone codes are unique and carry their band', () => {
  const codes = developmentMilestones.map((m) => m.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const m of developmentMilestones) {
    expect(m.code.startsWith(`m${String(m.bandMonths).padStart(2, '0')}_`), m.code).toBe(true);
  }
  expect(developmentMilestones.map((m) => m.bandMonths)).toEqual(
    [...developmentMilestones.map((m) => m.bandMonths)].sort((a, b) => a - b),
  );
});

test('each band has 6 or 7 milestones and at least one from every CDC section', () => {
  for (const band of screeningBands) {
    const milestones = milestonesForBand(band);
    expect(milestones.length, `${band}`).toBeGreaterThanOrEqual(6);
    expect(milestones.length, `${band}`).toBeLessThanOrEqual(7);
    expect(new Set(milestones.map((m) => m.cdcSection)).size, `${band}`).toBe(4);
  }
});

test('every band covers the five domains, except gross motor at 36 months (none in the CDC 3-year list)', () => {
  const gaps = screeningBands.flatMap((band) =>
    milestoneDomainCodes
      .filter((domain) => !milestonesForBand(band).some((m) => m.domain === domain))
      .map((domain) => `${band}:${domain}`),
  );
  expect(gaps).toEqual(['36:gross_motor']);
});

test('a milestone’s domain matches its CDC section, the one exception being reaching for a toy', () => {
  const section = {
    gross_motor: 'movement_physical',
    fine_motor: 'movement_physical',
    language: 'language_communication',
    social_emotional: 'social_emotional',
    cognitive: 'cognitive',
  } as const;
  const exceptions = developmentMilestones
    .filter((m) => section[m.domain] !== m.cdcSection)
    .map((m) => m.code);
  expect(exceptions).toEqual(['m06_reaches_for_toy']);
});

test('labels are NFC Vietnamese and plain English', () => {
  for (const item of [
    ...developmentMilestones,
    ...milestoneDomains,
    ...screeningTools,
    ...screeningResults,
  ]) {
    expect(item.vi.normalize('NFC')).toBe(item.vi);
    expect(item.en).not.toMatch(/[^\x20-\x7e–’“”]/);
  }
  expect(milestoneDomains.map((d) => d.vi)).toEqual([
    'Vận động thô',
    'Vận động tinh',
    'Ngôn ngữ, giao tiếp',
    'Tình cảm – xã hội',
    'Nhận thức',
  ]);
});

test('the screening tools and results', () => {
  expect(screeningTools.map((t) => t.code)).toEqual(['checklist', 'asq3', 'denver_ii', 'other']);
  expect(screeningResults.map((r) => r.code)).toEqual(['on_track', 'needs_follow_up', 'referred']);
});

function answersFor(band: ScreeningBandMonths, answer: MilestoneAnswer): Record<string, MilestoneAnswer> {
  return Object.fromEntries(milestonesForBand(band).map((m) => [m.code, answer]));
}

test('a child with every milestone of the band is on track', () => {
  expect(screeningResultFromChecklist({ bandMonths: 9, answers: answersFor(9, 'yes') })).toBe('on_track');
  expect(milestonesNeedingFollowUp({ bandMonths: 9, answers: answersFor(9, 'yes') })).toEqual([]);
});

test('one milestone "not yet", "not sure" or unanswered means follow-up', () => {
  const all = answersFor(12, 'yes');
  const cases: ChecklistAnswersType[] = [
    { bandMonths: 12, answers: { ...all, m12_pulls_to_stand: 'not_yet' } },
    { bandMonths: 12, answers: { ...all, m12_pulls_to_stand: 'not_sure' } },
    {
      bandMonths: 12,
      answers: Object.fromEntries(Object.entries(all).filter(([c]) => c !== 'm12_pulls_to_stand')),
    },
  ];
  for (const checklist of cases) {
    expect(screeningResultFromChecklist(checklist)).toBe('needs_follow_up');
    expect(milestonesNeedingFollowUp(checklist).map((m) => m.code)).toEqual(['m12_pulls_to_stand']);
  }
  expect(screeningResultFromChecklist({ bandMonths: 2, answers: {} })).toBe('needs_follow_up');
});

test('answers that are not milestones of the band are refused', () => {
  const all = answersFor(24, 'yes');
  expect(() =>
    screeningResultFromChecklist({ bandMonths: 24, answers: { ...all, m18_scribbles: 'yes' } }),
  ).toThrow(RangeError);
  expect(() =>
    screeningResultFromChecklist({ bandMonths: 24, answers: { ...all, m24_flies: 'yes' } }),
  ).toThrow(RangeError);
});

test('the answers schema accepts only the bands and the three answers', () => {
  expect(ChecklistAnswers.safeParse({ bandMonths: 18, answers: { m18_scribbles: 'not_sure' } }).success).toBe(
    true,
  );
  expect(ChecklistAnswers.safeParse({ bandMonths: 15, answers: {} }).success).toBe(false);
  expect(ChecklistAnswers.safeParse({ bandMonths: 18, answers: { m18_scribbles: 'no' } }).success).toBe(
    false,
  );
});
