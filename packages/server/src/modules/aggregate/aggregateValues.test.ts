import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { enteredRows } from './aggregateValues.ts';

let t: TestApp;
let province: SeedUnit;
let communeA: SeedUnit;
let communeB: SeedUnit;
let foreignProvince: SeedUnit;
let foreignCommune: SeedUnit;

const put = async (client: TestClient, unit: SeedUnit, period: string, code: string, body: object) => {
  const response = await client.put(`/api/aggregate/units/${unit.id}/entry`, {
    period,
    indicatorCode: code,
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  communeA = await seedCommune(t.db, province);
  communeB = await seedCommune(t.db, province);
  foreignProvince = await seedProvince(t.db);
  foreignCommune = await seedCommune(t.db, foreignProvince);
  const admin = await signedIn(t, 'province_admin', [province]);
  const foreignAdmin = await signedIn(t, 'province_admin', [foreignProvince]);
  await put(admin, communeA, '2025', 'NPA-07', { numerator: 9, denominator: 10 });
  await put(admin, communeB, '2025', 'NPA-07', { numerator: 3, denominator: 4 });
  await put(admin, communeA, '2024', 'NPA-07', { numerator: 8, denominator: 10 });
  await put(admin, communeA, '2025', 'NPA-19', { numerator: 1, denominator: 10 });
  await put(admin, province, '2025', 'NPA-13', { value: 12.5 });
  await put(admin, communeA, '2025H1', 'ECD-TRAINED', { numerator: 150 });
  await put(foreignAdmin, foreignCommune, '2025', 'NPA-07', { numerator: 5, denominator: 5 });
});
afterAll(() => t.close());

test('a commune’s entries only, for the period and the indicators asked', async () => {
  expect(await enteredRows(t.db, communeA.path, '2025', ['NPA-07'])).toEqual([
    {
      code: 'NPA-07',
      unitId: communeA.id,
      unitPath: communeA.path,
      numerator: 9,
      denominator: 10,
      value: 90,
    },
  ]);
  expect(await enteredRows(t.db, communeA.path, '2025H1', ['ECD-TRAINED'])).toEqual([
    {
      code: 'ECD-TRAINED',
      unitId: communeA.id,
      unitPath: communeA.path,
      numerator: 150,
      denominator: null,
      value: 150,
    },
  ]);
});

test('a province’s subtree: its communes and its own entries, not another province’s', async () => {
  const rows = await enteredRows(t.db, province.path, '2025', ['NPA-07', 'NPA-13']);
  expect(rows.map((row) => [row.unitId, row.code, row.numerator, row.denominator, row.value]).sort()).toEqual(
    [
      [communeA.id, 'NPA-07', 9, 10, 90],
      [communeB.id, 'NPA-07', 3, 4, 75],
      [province.id, 'NPA-13', null, null, 12.5],
    ].sort(),
  );
});

test('the whole country reads every province', async () => {
  const rows = await enteredRows(t.db, 'vn', '2025', ['NPA-07']);
  expect(rows.map((row) => row.unitId).sort()).toEqual([communeA.id, communeB.id, foreignCommune.id].sort());
});

test('no indicator asked, nothing read', async () => {
  expect(await enteredRows(t.db, province.path, '2025', [])).toEqual([]);
});
