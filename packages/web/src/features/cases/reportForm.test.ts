import { api } from '@treem/shared';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { vi } from '../../i18n/vi.ts';
import { zodIssueMessage } from '../../i18n/zodErrors.ts';
import { checkReport, defaultReportValues, toIntake, type ReportValues } from './reportForm.ts';

beforeAll(() => z.config({ customError: (issue) => zodIssueMessage(issue, vi) }));

const personId = '0190a8f2-7c1e-7d3a-9b2c-1234567890ab';
const collaborator = {
  role: 'village_collaborator' as const,
  fullName: 'Hoàng Thị Nga',
  roleName: 'CTV thôn',
};

function filled(overrides: Partial<ReportValues> = {}): ReportValues {
  return {
    ...defaultReportValues({ ...collaborator, personId }),
    concernTypes: ['violence'],
    description: 'Cháu bị bố đánh, có vết bầm ở tay.',
    ...overrides,
  };
}

const issuesOf = (result: ReturnType<typeof checkReport>) =>
  Object.fromEntries(result.issues.toReversed().map((issue) => [issue.path, issue.message]));

describe('the report of a concern (Mẫu 01)', () => {
  test('starts as the collaborator’s own report, through the app, about the child opened from the profile', () => {
    expect(defaultReportValues({ ...collaborator, personId })).toMatchObject({
      childMode: 'register',
      personId,
      channel: 'online',
      source: 'village_collaborator',
      reporter: { anonymous: false, name: 'Hoàng Thị Nga', relation: 'CTV thôn' },
    });
    // Commune staff write down reports that reached them by phone or in person: they say how, and who reported.
    expect(
      defaultReportValues({ role: 'commune_worker', fullName: 'Lê Thị Hằng', roleName: 'x' }),
    ).toMatchObject({
      channel: undefined,
      source: undefined,
      reporter: { name: null, relation: null },
    });
  });

  test('sends the register record of a child picked from the register, not what was typed for another', () => {
    const result = checkReport(
      filled({ child: { name: 'Hoa', sex: null, birthYear: null, address: null } }),
      false,
      vi,
    );
    expect(result.intake).toMatchObject({ personId, child: null });
    expect(api.cases.report.body.safeParse(toIntake(filled(), false)).success).toBe(true);
  });

  test('sends a child known only by name without a record, with the commune only when the scope needs it', () => {
    const values = filled({
      childMode: 'name',
      child: { name: 'Cháu Hoa (chưa rõ họ)', sex: 'female', birthYear: 2016, address: 'Chợ xã' },
      communeId: personId,
    });
    expect(checkReport(values, false, vi).intake).toMatchObject({
      personId: null,
      child: { name: 'Cháu Hoa (chưa rõ họ)', birthYear: 2016 },
      communeId: null,
    });
    expect(checkReport(values, true, vi).intake).toMatchObject({ communeId: personId });
    expect(issuesOf(checkReport({ ...values, communeId: null }, true, vi))).toEqual({
      communeId: vi.cases.issues.commune_required,
    });
  });

  test('never sends an anonymous reporter’s name or phone', () => {
    const result = checkReport(
      filled({
        reporter: { anonymous: true, name: 'Lò Văn Tám', phone: '0912345678', relation: 'Hàng xóm' },
      }),
      false,
      vi,
    );
    expect(result.intake?.reporter).toEqual({ anonymous: true, relation: 'Hàng xóm' });
  });

  test('says in Vietnamese what is missing: the child, a concern, what happened', () => {
    expect(
      issuesOf(checkReport(filled({ personId: null, concernTypes: [], description: '  ' }), false, vi)),
    ).toEqual({
      personId: vi.cases.issues.person_or_child_required,
      concernTypes: 'Cần chọn ít nhất 1 mục.',
      description: vi.validation.required,
    });
    expect(
      issuesOf(checkReport(filled({ childMode: 'name', channel: undefined, source: undefined }), false, vi)),
    ).toEqual({
      'child.name': vi.validation.required,
      channel: vi.validation.requiredChoice,
      source: vi.validation.requiredChoice,
    });
  });
});
