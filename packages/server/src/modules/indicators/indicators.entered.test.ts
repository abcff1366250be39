import { ecdDomainCodes, referralServices } from '@treem/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedUser } from '../../testing/factories.ts';
import { seedIndicatorFixture, type IndicatorFixture } from '../../testing/indicatorFixture.ts';
import { seedProvider } from '../../testing/providerFactories.ts';
import { seedActivity, seedPlan, seedTarget, seedTraining } from '../plans/testing/planFactories.ts';
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

test('staff and caregivers trained: attendance of the courses over the entered number of staff and caregivers', async () => {
  const plan = await seedPlan(t.db, fixture.province, { status: 'in_force' });
  const activity = await seedActivity(t.db, plan);
  // Commune A's course in H2: two present (one attends twice), one absent. Commune B's course ended in H1.
  await seedTraining(t.db, activity, {
    unit: fixture.communeA,
    endDate: '2025-09-12',
    participants: [
      { fullName: 'Nguyễn Thị Lan', role: 'parent', attended: true },
      { fullName: 'Trần Văn Hùng', role: 'health_staff', attended: true },
      { fullName: 'Lê Thị Mai', role: 'caregiver', attended: false },
    ],
  });
  await seedTraining(t.db, activity, {
    unit: fixture.communeA,
    endDate: '2025-11-20',
    participants: [{ fullName: 'Nguyen Thi Lan', role: 'parent', attended: true }],
  });
  await seedTraining(t.db, activity, {
    unit: fixture.communeB,
    endDate: '2025-05-05',
    participants: [{ fullName: 'Phạm Văn Nam', role: 'collaborator', attended: true }],
  });
  await admin.put(`/api/aggregate/units/${fixture.communeA.id}/entry`, {
    period: '2025H2',
    indicatorCode: 'ECD-TRAINED',
    numerator: 8,
    denominator: null,
    value: null,
  });
  const result = await values('ECD-TRAINED', fixture.province.id, '2025H2');
  // 2 people trained in commune A (Lan once, Hùng) over its 8 staff and caregivers; B entered nothing.
  expect([result.total.numerator, result.total.denominator, result.total.value]).toEqual([2, 8, 25]);
  expect(result.total.completeness).toBe(0.5);
});

test('a plan in force sets the target; each commune is held to its own group’s target', async () => {
  const plan = await seedPlan(t.db, fixture.province, { status: 'in_force', title: 'Kế hoạch thử NPA' });
  await seedTarget(t.db, plan, {
    indicatorCode: 'NPA-04c',
    comparator: '<',
    values: [
      { year: 2025, value: 5, group: 'rural' },
      { year: 2025, value: 10, group: 'urban' },
    ],
  });
  const result = await values('NPA-04c', fixture.province.id, '2025H2');
  const status = Object.fromEntries(
    result.areas.map((area: { unit: { name: string }; status: string }) => [area.unit.name, area.status]),
  );
  // Xã An (rural): 1 of 3 overweight = 33.3 % against < 5 % → off track. Phường Bình (urban): 1 of 2 = 50 % against
  // < 10 % → off track. The province has no single target when the plan sets one per group.
  expect(status).toEqual({ 'Xã An': 'off_track', 'Phường Bình': 'off_track' });
  expect(result.status).toBe('no_target');
  expect(result.targets).toHaveLength(2);
});
