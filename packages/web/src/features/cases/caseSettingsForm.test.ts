import { caseDeadlineCatalogue, caseDeadlineCodes, type CaseSettings } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import {
  serverSettingsIssueText,
  serverSettingsPath,
  settingsInput,
  settingsIssues,
  settingsIssueText,
  settingsValues,
  withDay,
  type SettingsIssueCode,
} from './caseSettingsForm.ts';

/** The settings of a province that has none of its own, as the server sends them: the national catalogue. */
const national: CaseSettings = {
  provinceCode: '01',
  deadlines: caseDeadlineCodes.map((code) => {
    const rule = caseDeadlineCatalogue[code];
    return {
      code,
      kind: rule.kind,
      amount: rule.amount,
      nationalAmount: rule.amount,
      maxAmount: rule.maxAmount,
      statutory: rule.statutory,
      legalBasis: rule.legalBasis,
      name: { vi: rule.name.vi, en: rule.name.en },
    };
  }),
  extraDaysOff: [],
  extraWorkingDays: [],
  updatedAt: null,
};

describe('the province’s case settings form', () => {
  test('starts from the amounts in force, and sends every amount with each list sorted, once each', () => {
    const values = settingsValues(national);
    expect(values.amounts).toEqual({
      urgent_intervention: 12,
      plan_draft: 5,
      plan_approval: 7,
      care_handover: 15,
      referral_response: 2,
    });
    expect(settingsIssues(values, national)).toEqual([]);
    expect(
      settingsInput({
        ...values,
        amounts: { ...values.amounts, plan_draft: 3 },
        extraDaysOff: ['2026-11-04', '2026-09-03', '2026-11-04'],
      }),
    ).toEqual({
      deadlineOverrides: {
        urgent_intervention: 12,
        plan_draft: 3,
        plan_approval: 7,
        care_handover: 15,
        referral_response: 2,
      },
      extraDaysOff: ['2026-09-03', '2026-11-04'],
      extraWorkingDays: [],
    });
  });

  test('may shorten a statutory deadline but not lengthen it; the referral time goes up to its maximum', () => {
    const values = settingsValues(national);
    expect(
      settingsIssues({ ...values, amounts: { ...values.amounts, urgent_intervention: 6 } }, national),
    ).toEqual([]);
    expect(
      settingsIssues({ ...values, amounts: { ...values.amounts, urgent_intervention: 24 } }, national),
    ).toEqual([{ path: 'amounts.urgent_intervention', code: 'above_maximum' }]);
    const referralMax = caseDeadlineCatalogue.referral_response.maxAmount;
    expect(
      settingsIssues({ ...values, amounts: { ...values.amounts, referral_response: referralMax } }, national),
    ).toEqual([]);
    expect(
      settingsIssues(
        { ...values, amounts: { ...values.amounts, referral_response: referralMax + 1 } },
        national,
      ),
    ).toEqual([{ path: 'amounts.referral_response', code: 'above_maximum' }]);
  });

  test('names every amount that is empty, not whole or below 1, beside its field', () => {
    const values = settingsValues(national);
    expect(
      settingsIssues(
        { ...values, amounts: { ...values.amounts, plan_draft: null, plan_approval: 2.5, care_handover: 0 } },
        national,
      ),
    ).toEqual([
      { path: 'amounts.plan_draft', code: 'required' },
      { path: 'amounts.plan_approval', code: 'not_a_whole_number' },
      { path: 'amounts.care_handover', code: 'below_minimum' },
    ]);
  });

  test('refuses a day that is both a day off and a worked day', () => {
    const values = {
      ...settingsValues(national),
      extraDaysOff: ['2026-12-24'],
      extraWorkingDays: ['2026-12-24'],
    };
    expect(settingsIssues(values, national)).toEqual([
      { path: 'extraWorkingDays', code: 'day_both_off_and_working' },
    ]);
  });

  test('adds a day to a list in date order, once', () => {
    expect(withDay(['2026-11-04'], '2026-09-03')).toEqual(['2026-09-03', '2026-11-04']);
    expect(withDay(['2026-11-04'], '2026-11-04')).toEqual(['2026-11-04']);
  });

  test('puts the server’s issues on the form’s fields, in the catalogue’s words', () => {
    expect(serverSettingsPath('body.deadlineOverrides.urgent_intervention')).toBe(
      'amounts.urgent_intervention',
    );
    expect(serverSettingsPath('body.extraWorkingDays')).toBe('extraWorkingDays');
    expect(serverSettingsPath('params.provinceCode')).toBeUndefined();
    expect(serverSettingsIssueText({ code: 'above_maximum', message: 'x' }, vi)).toBe(
      vi.cases.issues.above_maximum,
    );
    // A refinement's rule travels as its message, under zod's `custom` code.
    expect(serverSettingsIssueText({ code: 'custom', message: 'day_both_off_and_working' }, vi)).toBe(
      vi.cases.issues.day_both_off_and_working,
    );
  });

  test('says every problem in both languages', () => {
    const codes: SettingsIssueCode[] = [
      'required',
      'not_a_whole_number',
      'below_minimum',
      'above_maximum',
      'invalid_date',
      'day_both_off_and_working',
    ];
    for (const t of [vi, en])
      for (const code of codes) expect(settingsIssueText(code, t).trim()).toBeTruthy();
  });
});
