import { expect, test } from 'vitest';
import { ecdDomainCodes } from '../ecd/ecdDomains.ts';
import { findEcdService } from '../ecd/ecdServices.ts';
import {
  providerLevelCodes,
  providerLevels,
  providerSectorCodes,
  providerSectors,
} from './providerSectors.ts';
import {
  findReferralService,
  referralServiceCodes,
  referralServiceDomains,
  referralServices,
  type ReferralService,
} from './referralServices.ts';

const services: readonly ReferralService[] = referralServices;

function expectLabels(items: readonly { vi: string; en: string }[]) {
  for (const item of items) {
    expect(item.vi.normalize('NFC')).toBe(item.vi);
    expect(item.vi.trim()).not.toBe('');
    expect(item.en).not.toMatch(/[^\x20-\x7e–’]/);
  }
}

test('sectors and levels are listed once each, in the order of their codes, in Vietnamese and English', () => {
  expect(providerSectors.map((s) => s.code)).toEqual([...providerSectorCodes]);
  expect(providerLevels.map((l) => l.code)).toEqual([...providerLevelCodes]);
  expectLabels(providerSectors);
  expectLabels(providerLevels);
});

test('every referral service belongs to one of the six domains, and every domain has a service', () => {
  expect(services.map((s) => s.code)).toEqual([...referralServiceCodes]);
  for (const domain of ecdDomainCodes)
    expect(
      services.some((s) => s.domain === domain),
      domain,
    ).toBe(true);
  expectLabels(services);
});

test('a referral service named like an early-childhood service has that service’s domain', () => {
  for (const service of services) {
    const same = findEcdService(service.code);
    if (same) expect(service.domain, service.code).toBe(same.domain);
    for (const code of service.ecdServices) expect(findEcdService(code), code).toBeDefined();
  }
  expect(findReferralService('legal_aid')?.domain).toBe('protection');
  expect(findReferralService('unknown')).toBeUndefined();
});

test('the domains of a set of services come once each, in the order of the six domains', () => {
  expect(
    referralServiceDomains(['social_allowance', 'medical_care', 'legal_aid', 'police_protection']),
  ).toEqual(['health', 'protection', 'social_welfare']);
  expect(referralServiceDomains(['not_a_service'])).toEqual([]);
});
