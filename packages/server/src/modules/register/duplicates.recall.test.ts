import { newId } from '@treem/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateRegister, pairKey, type GeneratedRegister } from '../../seed/registerGenerator.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestDatabase } from '../../testing/testDatabase.ts';
import type { Database } from '../../db/database.ts';
import { ensureFlagCatalogue } from './flagCatalogue.ts';
import { allDuplicatePairs } from './duplicates.ts';

/**
 * The duplicate detector against the generator's ground truth: a commune's register with seeded near-duplicates
 * (missing marks, tone placement, extra spaces, typos, the same personal ID), written to the database; every pair
 * the detector proposes is compared with the pairs the generator says are the same child.
 */
let database: Database;
let commune: SeedUnit;
let register: GeneratedRegister;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const province = await seedProvince(db, { code: '01' });
  commune = await seedCommune(db, province, { name: 'Hòa Lạc' });
  const villages: SeedUnit[] = [];
  for (let i = 0; i < 6; i += 1) villages.push(await seedVillage(db, commune));
  await ensureFlagCatalogue(db, '01');
  register = generateRegister({
    seed: 20261125,
    today: '2026-11-25',
    duplicateRate: 0.03,
    villages: villages.map((v) => ({
      id: v.id,
      path: v.path,
      fullName: `Thôn ${v.name}`,
      communeName: 'Hòa Lạc',
      households: 120,
    })),
  });
  await db.transaction().execute(async (trx) => {
    const chunk = <T>(rows: T[], size = 500) =>
      Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
    for (const rows of chunk(register.households)) await trx.insertInto('household').values(rows).execute();
    for (const rows of chunk(register.persons)) await trx.insertInto('person').values(rows).execute();
    for (const rows of chunk(register.circumstances))
      await trx.insertInto('circumstance_assignment').values(rows).execute();
    for (const rows of chunk(register.flags)) await trx.insertInto('at_risk_flag').values(rows).execute();
  });
}, 120_000);
afterAll(() => database.close());

test('the detector finds the seeded near-duplicates with high recall and precision', async () => {
  expect(register.duplicates.length).toBeGreaterThanOrEqual(20);
  const scope = { userId: newId(), role: 'commune_worker' as const, sector: null, paths: [commune.path] };
  const found = new Set((await allDuplicatePairs(database.db, scope)).map(([a, b]) => pairKey(a, b)));
  const truth = new Set(register.duplicates.map((d) => pairKey(d.originalId, d.duplicateId)));
  const truePositives = [...found].filter((key) => truth.has(key)).length;
  const recall = truePositives / truth.size;
  const precision = found.size === 0 ? 0 : truePositives / found.size;
  const missedByVariation: Record<string, number> = {};
  for (const d of register.duplicates) {
    if (!found.has(pairKey(d.originalId, d.duplicateId))) {
      missedByVariation[d.variation] = (missedByVariation[d.variation] ?? 0) + 1;
    }
  }
  console.info(
    `duplicate detection: ${register.persons.length} persons, ${truth.size} seeded pairs, ${found.size} proposed, ` +
      `recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%, missed ${JSON.stringify(missedByVariation)}`,
  );
  expect(recall).toBeGreaterThanOrEqual(0.95);
  expect(precision).toBeGreaterThanOrEqual(0.9);
});
