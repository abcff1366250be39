import { ecdDomainCodes, referralServices } from '@treem/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedUser } from '../../testing/factories.ts';
import { seedIndicatorFixture, type IndicatorFixture } from '../../testing/indicatorFixture.ts';
import { seedProvider } from '../../testing/providerFactories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

/**
 * Entered and derived indicators through the same values API as the computed ones: the sectors' entries summed
 * into areas and the province (Σ numerators / Σ denominators), completeness as the share of the units expected to
 * enter, and the referral network read from the provider directory. Expected values are worked out by hand.
 */

let t: TestApp;
let fixture: IndicatorFixture;
let admin: TestClient;

async function enter(unitId: string, body: Record<string, unknown>) {
  const response = await admin.put(`/api/aggregate/units/${unitId}/entry`, {
    period: '2025',
    numerator: null,
    denominator: null,
    value: null,
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function values(code: string, unitId: string, period = '2025') {
  const response = await admin.get(`/api/indicators/${code}/values?unitId=${unitId}&period=${period}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const areaCells = (result: { areas: { unit: { name: string }; cell: unknown }[] }) =>
  Object.fromEntries(result.areas.map((area) => [area.unit.name, area.cell]));

beforeAll(async () => {
  t = await createTestApp();
  fixture = await seedIndicatorFixture(t.db);
  // The province administrator enters for every sector (docs/aggregate-entry.md).
  const user = await seedUser(t.db, { role: 'province_admin', scope: [fixture.province] });
  admin = t.client();
  await admin.login(user.username, user.password);
});
afterAll(() => t.close());

test('a share of communes: each commune enters 1 or 0; the province counts them', async () => {
  await enter(fixture.communeA.id, { indicatorCode: 'NPA-01', numerator: 1, denominator: 1 });
  await enter(fixture.communeB.id, { indicatorCode: 'NPA-01', numerator: 0, denominator: 1 });
  const result = await values('NPA-01', fixture.province.id);
  expect(result.total).toEqual({ numerator: 1, denominator: 2, value: 50, completeness: 1 });
  expect(areaCells(result)).toEqual({
    'Xã An': { numerator: 1, denominator: 1, value: 100, completeness: 1 },
    'Phường Bình': { numerator: 0, denominator: 1, value: 0, completeness: 1 },
  });
});

test('a rate per 1,000 live births from one commune of two: completeness one half', async () => {
  await enter(fixture.communeA.id, { indicatorCode: 'NPA-03a', numerator: 1, denominator: 400 });
  const result = await values('NPA-03a', fixture.province.id);
  // 1 / 400 × 1,000 = 2.5 ‰.
  expect(result.total).toEqual({ numerator: 1, denominator: 400, value: 2.5, completeness: 0.5 });
  expect(areaCells(result)['Phường Bình']).toEqual({
    numerator: null,
    denominator: null,
    value: null,
    completeness: 0,
  });
  expect(result.status).toBe('no_target');
});

test('counts add up; a value entered once by the province is taken as it is', async () => {
  await enter(fixture.communeA.id, { indicatorCode: 'NPA-17b', numerator: 3 });
  await enter(fixture.communeB.id, { indicatorCode: 'NPA-17b', numerator: 2 });
  expect((await values('NPA-17b', fixture.province.id)).total).toEqual({
    numerator: 5,
    denominator: null,
    value: 5,
    completeness: 1,
  });
  await enter(fixture.province.id, { indicatorCode: 'NPA-13', value: 2.5 });
  expect((await values('NPA-13', fixture.province.id)).total.value).toBe(2.5);
});

test('nothing entered: no value, completeness 0, status no data', async () => {
  const result = await values('NPA-07', fixture.province.id);
  expect(result.total).toEqual({ numerator: null, denominator: null, value: null, completeness: 0 });
  expect(result.status).toBe('no_data');
});

test('communes with a referral network in all six domains, from the provider directory', async () => {
  // One service of each domain, from a provider covering commune A only.
  const services = ecdDomainCodes.map((domain) => referralServices.find((s) => s.domain === domain)!.code);
  await seedProvider(t.db, fixture.communeA, { services, coverage: [fixture.communeA] });
  const result = await values('ECD-NETWORK', fixture.province.id, '2025H2');
  expect([result.total.numerator, result.total.denominator, result.total.value]).toEqual([1, 2, 50]);
  const cells = areaCells(result) as Record<string, { numerator: number; denominator: number }>;
  expect([cells['Xã An']!.numerator, cells['Xã An']!.denominator]).toEqual([1, 1]);
  expect([cells['Phường Bình']!.numerator, cells['Phường Bình']!.denominator]).toEqual([0, 1]);
});

test('an entered indicator for a half year it is not computed for is refused', async () => {
  const response = await admin.get(
    `/api/indicators/NPA-01/values?unitId=${fixture.province.id}&period=2025H2`,
  );
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBe('PERIOD_TYPE_NOT_ALLOWED');
});
