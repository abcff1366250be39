import { expect, test } from 'vitest';
import { SchoolLevel } from '../../api/register.ts';
import { ecdDomainCodes, ecdDomains } from './ecdDomains.ts';
import { type EcdService, ecdServiceCodes, ecdServices, findEcdService } from './ecdServices.ts';
import {
  EnrolmentSchoolLevel,
  enrolmentSchoolLevelLabels,
  enrolmentSchoolLevels,
} from './enrolmentSchoolLevels.ts';

const services: readonly EcdService[] = ecdServices;

function expectLabels(items: readonly { vi: string; en: string }[]) {
  for (const item of items) {
    expect(item.vi.normalize('NFC')).toBe(item.vi);
    expect(item.vi.trim()).not.toBe('');
    expect(item.en).not.toMatch(/[^\x20-\x7e–’]/);
  }
}

test('the six service areas of Decision 1437, in its order', () => {
  expect(ecdDomains.map((d) => d.code)).toEqual([...ecdDomainCodes]);
  expect(ecdDomains.map((d) => d.vi)).toEqual([
    'Chăm sóc sức khỏe',
    'Giáo dục',
    'Dinh dưỡng',
    'Chăm sóc nuôi dưỡng',
    'Bảo vệ trẻ em',
    'Phúc lợi xã hội',
  ]);
  expectLabels(ecdDomains);
});

test('the service catalogue has 15 to 25 services with unique codes, and every area has one', () => {
  expect(services.length).toBeGreaterThanOrEqual(15);
  expect(services.length).toBeLessThanOrEqual(25);
  expect(services.map((s) => s.code)).toEqual([...ecdServiceCodes]);
  for (const domain of ecdDomainCodes)
    expect(
      services.some((s) => s.domain === domain),
      domain,
    ).toBe(true);
  expectLabels(services);
});

test('services for the caregiver are the counselling, parenting, home-visit and carer-allowance ones', () => {
  expect(services.filter((s) => s.audience === 'caregiver').map((s) => s.code)).toEqual([
    'nutrition_counselling',
    'parenting_session',
    'home_visit',
    'caregiver_counselling',
    'care_allowance',
  ]);
  expect(findEcdService('vitamin_a_supplementation')).toMatchObject({
    domain: 'nutrition',
    audience: 'child',
  });
  expect(findEcdService('social_allowance')?.vi).toBe('Trợ cấp xã hội hằng tháng');
  expect(findEcdService('unknown')).toBeUndefined();
});

test('enrolment levels are the register’s school levels from nursery to lower secondary', () => {
  expect(EnrolmentSchoolLevel.options).toEqual(['nursery', 'kindergarten', 'primary', 'lower_secondary']);
  for (const level of enrolmentSchoolLevels) expect(SchoolLevel.safeParse(level).success).toBe(true);
  expect(EnrolmentSchoolLevel.safeParse('upper_secondary').success).toBe(false);
  expect(Object.keys(enrolmentSchoolLevelLabels)).toEqual([...enrolmentSchoolLevels]);
  expect(enrolmentSchoolLevelLabels.nursery.vi).toBe('Nhà trẻ');
  expect(enrolmentSchoolLevelLabels.lower_secondary.vi).toBe('Trung học cơ sở');
  expectLabels(Object.values(enrolmentSchoolLevelLabels));
});
