import { actionListKinds, todayInVietnam } from '@treem/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../db/database.ts';
import { actionList } from '../modules/ecd/actionLists.ts';
import { createTestDatabase } from '../testing/testDatabase.ts';
import { loadAdminUnits } from './adminUnits.ts';
import { DEMO_COMMUNES, seedDemo } from './demo.ts';

let database: Database;
let firstRun: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadAdminUnits(database.db);
  firstRun = await seedDemo(database.db);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

async function childrenPerVillage(): Promise<Map<string, number>> {
  const today = todayInVietnam();
  const rows = await database.db
    .selectFrom('org_unit as v')
    .leftJoin('person as p', (join) =>
      join
        .onRef('p.village_id', '=', 'v.id')
        .on('p.birth_date', '>', sql<string>`(${today}::date - interval '16 years')::date`),
    )
    .select(['v.name', (eb) => eb.fn.count<number>('p.id').as('children')])
    .where('v.generation', '=', 'village')
    .groupBy('v.name')
    .execute();
  return new Map(rows.map((row) => [row.name, Number(row.children)]));
}

test('demo seeding fills every demo village with children', async () => {
  const perVillage = await childrenPerVillage();
  const names = DEMO_COMMUNES.flatMap((commune) => commune.villages.map(([, name]) => name as string));
  expect(perVillage.size).toBe(names.length);
  for (const name of names) expect(perVillage.get(name), name).toBeGreaterThanOrEqual(60);
  expect(firstRun.register.households).toBeGreaterThanOrEqual(60 * names.length);
  expect(firstRun.register.households).toBeLessThanOrEqual(120 * names.length);
  expect(firstRun.register.children).toBe([...perVillage.values()].reduce((a, b) => a + b, 0));
});

test('demo register has circumstances, flags from the province catalogue, and linked parents', async () => {
  const counts = await database.db
    .selectNoFrom((eb) => [
      eb.selectFrom('circumstance_assignment').select(eb.fn.countAll<number>().as('n')).as('circumstances'),
      eb.selectFrom('at_risk_flag').select(eb.fn.countAll<number>().as('n')).as('flags'),
      eb
        .selectFrom('at_risk_flag_type')
        .select(eb.fn.countAll<number>().as('n'))
        .where('province_code', '=', '01')
        .as('flagTypes'),
      eb
        .selectFrom('person')
        .select(eb.fn.countAll<number>().as('n'))
        .where('mother_id', 'is not', null)
        .as('withMother'),
    ])
    .executeTakeFirstOrThrow();
  expect(Number(counts.circumstances)).toBeGreaterThan(0);
  expect(Number(counts.flags)).toBeGreaterThan(0);
  expect(Number(counts.flagTypes)).toBeGreaterThanOrEqual(10);
  expect(Number(counts.withMother)).toBeGreaterThan(firstRun.register.children / 2);
});

test('seeding the demo again keeps the register as it is', async () => {
  const before = await childrenPerVillage();
  const again = await seedDemo(database.db);
  expect(again.register.households).toBe(0);
  expect(again.register.villagesKept).toBe(before.size);
  expect(await childrenPerVillage()).toEqual(before);
});

test('the demo’s early-childhood records put children on every action list of a demo commune', async () => {
  expect(firstRun.register.ecd.measurements).toBeGreaterThan(1000);
  expect(firstRun.register.ecd.doses).toBeGreaterThan(1000);
  expect(firstRun.register.ecd.summaries).toBeGreaterThan(500);
  const commune = await database.db
    .selectFrom('org_unit')
    .select('id')
    .where('generation', '=', 'current')
    .where('level', '=', 'commune')
    .where('code', '=', DEMO_COMMUNES[0].code)
    .executeTakeFirstOrThrow();
  const scope = { userId: 'demo-test', role: 'commune_worker' as const, sector: null, paths: ['vn'] };
  for (const kind of actionListKinds) {
    const list = await actionList(database.db, scope, kind, {
      unitId: commune.id,
      months: 3,
      page: 1,
      pageSize: 10,
    });
    expect(list.total, kind).toBeGreaterThan(0);
  }
});

test('demo seeding shows child protection at every step, once', async () => {
  expect(firstRun.cases).toEqual({ providers: 6, cases: 6 });
  const steps = await database.db
    .selectFrom('protection_case')
    .select('step')
    .orderBy('received_at', 'desc')
    .execute();
  expect(steps.map((s) => s.step)).toEqual([
    'received',
    'emergency',
    'planning',
    'awaiting_approval',
    'implementing',
    'closed',
  ]);
  const referrals = await database.db.selectFrom('referral').select(['status']).orderBy('sent_at').execute();
  expect(referrals.map((r) => r.status)).toEqual(['accepted', 'sent']);
  const placement = await database.db.selectFrom('care_placement').select('status').executeTakeFirstOrThrow();
  expect(placement.status).toBe('placed');
  const again = await seedDemo(database.db);
  expect(again.cases).toEqual({ providers: 0, cases: 0 });
  const count = await database.db
    .selectFrom('protection_case')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(count.n)).toBe(6);
});
