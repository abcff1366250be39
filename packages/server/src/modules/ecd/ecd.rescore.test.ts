import { addDaysToPlainDate, growthZScores, todayInVietnam } from '@treem/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedMeasurement, type SeedChild } from '../../testing/ecdFactories.ts';
import { seedCommune, seedProvince, seedVillage } from '../../testing/factories.ts';
import { seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';
import { rescoreMeasurements } from './rescore.ts';

let t: TestApp;
let provinceCode: string;
const today = todayInVietnam();
const children: SeedChild[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  provinceCode = province.code;
  const village = await seedVillage(t.db, await seedCommune(t.db, province));
  const other = await seedVillage(t.db, await seedCommune(t.db, await seedProvince(t.db)));
  for (const [where, days] of [
    [village, 300],
    [village, 500],
    [village, 700],
    [other, 400],
  ] as const) {
    const birthDate = addDaysToPlainDate(today, -days);
    const person = await seedPerson(t.db, where, { sex: 'male', birthDate });
    const child = { ...person, sex: 'male' as const, birthDate };
    children.push(child);
    await seedMeasurement(t.db, child, addDaysToPlainDate(today, -20), { weightKg: 9 });
    await seedMeasurement(t.db, child, addDaysToPlainDate(today, -10), { weightKg: 9.3 });
  }
});
afterAll(() => t.close());

test('rescoring a province in small batches rewrites every spoiled row of that province only, and then nothing', async () => {
  await t.db.updateTable('growth_measurement').set({ z_wfa: 99, malnourished: true }).execute();
  const result = await rescoreMeasurements(t.db, { provinceCode, batchSize: 2 });
  expect(result).toEqual({ scored: 6, changed: 6 });
  const rows = await t.db
    .selectFrom('growth_measurement')
    .select(['person_id', 'province_code', 'z_wfa', 'weight_kg', 'measured_on'])
    .execute();
  for (const row of rows) {
    const child = children.find((c) => c.id === row.person_id)!;
    if (row.province_code !== provinceCode) {
      expect(row.z_wfa).toBe(99);
      continue;
    }
    const ageDays = (Date.parse(row.measured_on) - Date.parse(child.birthDate)) / 86_400_000;
    expect(row.z_wfa).toBe(growthZScores({ sex: 'male', ageDays, weightKg: row.weight_kg }).z.wfa);
  }
  expect(await rescoreMeasurements(t.db, { provinceCode, batchSize: 2 })).toEqual({ scored: 6, changed: 0 });
  // Every province, in batches that cross from one province to the next.
  expect(await rescoreMeasurements(t.db, { batchSize: 3 })).toEqual({ scored: 8, changed: 2 });
});
