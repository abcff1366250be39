import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';
import { targetsForIndicator } from './planTargets.ts';
import { seedPlan, seedTarget } from './testing/planFactories.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let otherCommune: SeedUnit;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  otherCommune = await seedCommune(t.db, province);
});
afterAll(() => t.close());

test('the plans in force set the targets: the unit’s own first, then the units above it', async () => {
  const provincePlan = await seedPlan(t.db, province, { status: 'in_force', title: 'Kế hoạch tỉnh' });
  await seedTarget(t.db, provincePlan, {
    indicatorCode: 'NPA-04a',
    comparator: '<',
    values: [
      { year: 2025, value: 9 },
      { year: 2030, value: 6, comparator: '<=' },
    ],
  });
  // Targets for another indicator, and a draft and a closed plan, set nothing for NPA-04a.
  await seedTarget(t.db, provincePlan, { indicatorCode: 'NPA-02', values: [{ year: 2025, value: 90 }] });
  await seedTarget(t.db, await seedPlan(t.db, province, { status: 'draft' }), { indicatorCode: 'NPA-04a' });
  await seedTarget(t.db, await seedPlan(t.db, province, { status: 'closed' }), { indicatorCode: 'NPA-04a' });
  const communePlan = await seedPlan(t.db, commune, { status: 'in_force', title: 'Kế hoạch xã' });
  await seedTarget(t.db, communePlan, {
    indicatorCode: 'NPA-04a',
    comparator: '<',
    values: [
      { year: 2030, value: 8 },
      { year: 2025, value: 10 },
    ],
  });
  // Another commune's plan never applies here.
  await seedTarget(t.db, await seedPlan(t.db, otherCommune, { status: 'in_force' }), {
    indicatorCode: 'NPA-04a',
  });

  const village = await seedVillage(t.db, commune);
  const expected = [
    { planId: communePlan.id, planTitle: 'Kế hoạch xã', year: 2025, value: 10, comparator: '<', group: null },
    { planId: communePlan.id, planTitle: 'Kế hoạch xã', year: 2030, value: 8, comparator: '<', group: null },
    {
      planId: provincePlan.id,
      planTitle: 'Kế hoạch tỉnh',
      year: 2025,
      value: 9,
      comparator: '<',
      group: null,
    },
    {
      planId: provincePlan.id,
      planTitle: 'Kế hoạch tỉnh',
      year: 2030,
      value: 6,
      comparator: '<=',
      group: null,
    },
  ];
  expect(await targetsForIndicator(t.db, commune.path, 'NPA-04a')).toEqual(expected);
  expect(await targetsForIndicator(t.db, village.path, 'NPA-04a')).toEqual(expected);
  expect(await targetsForIndicator(t.db, province.path, 'NPA-04a')).toEqual(expected.slice(2));
  expect(await targetsForIndicator(t.db, commune.path, 'NPA-99')).toEqual([]);
  expect(await targetsForIndicator(t.db, (await seedProvince(t.db)).path, 'NPA-04a')).toEqual([]);
});

test('groups, yes/no values and yearly ranges as the indicator reads them', async () => {
  const fresh = await seedProvince(t.db);
  const plan = await seedPlan(t.db, fresh, { status: 'in_force', title: 'NPA' });
  await seedTarget(t.db, plan, {
    indicatorCode: 'NPA-04c',
    comparator: '<',
    values: [
      { year: 2025, value: 5, group: 'rural' },
      { year: 2025, value: 10, group: 'urban' },
    ],
  });
  await seedTarget(t.db, plan, {
    indicatorCode: 'NPA-13',
    comparator: '>=',
    values: [{ year: 2028, toYear: 2030, value: 2, valueMax: 3 }],
  });
  await seedTarget(t.db, plan, {
    indicatorCode: 'CP-03',
    comparator: '=',
    values: [{ year: 2020, value: true, implied: true }],
  });
  const base = { planId: plan.id, planTitle: 'NPA' };
  expect(await targetsForIndicator(t.db, fresh.path, 'NPA-04c')).toEqual([
    { ...base, year: 2025, value: 5, comparator: '<', group: 'rural' },
    { ...base, year: 2025, value: 10, comparator: '<', group: 'urban' },
  ]);
  expect(await targetsForIndicator(t.db, fresh.path, 'NPA-13')).toEqual([
    { ...base, year: 2028, value: 2, comparator: '>=', group: null },
    { ...base, year: 2029, value: 2, comparator: '>=', group: null },
    { ...base, year: 2030, value: 2, comparator: '>=', group: null },
  ]);
  expect(await targetsForIndicator(t.db, fresh.path, 'CP-03')).toEqual([
    { ...base, year: 2020, value: 100, comparator: '=', group: null },
  ]);
});
