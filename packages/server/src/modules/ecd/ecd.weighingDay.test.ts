import { addDaysToPlainDate, addYears, todayInVietnam } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedMeasurement } from '../../testing/ecdFactories.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedHousehold, seedPerson, type SeedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let village: SeedUnit;
let otherVillage: SeedUnit;
let collaborator: TestClient;
let health: TestClient;
const today = todayInVietnam();
const children: Record<string, SeedPerson> = {};

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  otherVillage = await seedVillage(t.db, commune);
  const household = await seedHousehold(t.db, village);
  const head = await seedPerson(t.db, household, {
    fullName: 'Lò Văn Chủ',
    sex: 'male',
    birthDate: '1985-01-01',
    relationshipToHead: 'head',
  });
  await t.db
    .updateTable('household')
    .set({ head_person_id: head.id })
    .where('id', '=', household.id)
    .execute();
  for (const [name, ageDays, status] of [
    ['Lò Thị Ánh', 200, 'active'],
    ['Lò Văn Bình', 800, 'active'],
    ['Lò Văn Cao', 1500, 'active'],
    ['Lò Thị Duyên', 365 * 7 + 30, 'active'],
    ['Lò Văn Đạt', 100, 'moved_away'],
  ] as const) {
    children[name] = await seedPerson(t.db, household, {
      fullName: name,
      sex: name.includes('Thị') ? 'female' : 'male',
      birthDate: addDaysToPlainDate(today, -ageDays),
      status,
    });
  }
  children['Other'] = await seedPerson(t.db, otherVillage, { birthDate: addDaysToPlainDate(today, -300) });
  await seedMeasurement(
    t.db,
    { ...children['Lò Văn Bình']!, sex: 'male', birthDate: addDaysToPlainDate(today, -800) },
    addDaysToPlainDate(today, -90),
    { weightKg: 11, lengthHeightCm: 85, position: 'lying' },
  );
  collaborator = await signedIn(t, 'village_collaborator', [village]);
  health = await signedIn(t, 'health_worker', [commune]);
});
afterAll(() => t.close());

const measurementCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('growth_measurement')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the children of a weighing day', () => {
  test('are the village’s active children under 6, with the household head and their last measurement', async () => {
    const response = await collaborator.get(`/api/ecd/weighing-day/children?villageId=${village.id}`);
    expect(response.status).toBe(200);
    const names = response.body.items.map((c: { fullName: string }) => c.fullName);
    expect(names.sort()).toEqual(['Lò Thị Ánh', 'Lò Văn Bình', 'Lò Văn Cao']);
    const binh = response.body.items.find((c: { fullName: string }) => c.fullName === 'Lò Văn Bình');
    expect(binh.householdHeadName).toBe('Lò Văn Chủ');
    expect(binh.lastMeasurement).toMatchObject({ weightKg: 11, measuredOn: addDaysToPlainDate(today, -90) });
    expect(binh.birthDate).toBe(addDaysToPlainDate(today, -800));
  });

  test('of another village in scope of a health worker, but not of a collaborator', async () => {
    expect((await health.get(`/api/ecd/weighing-day/children?villageId=${otherVillage.id}`)).status).toBe(
      200,
    );
    expect(
      (await collaborator.get(`/api/ecd/weighing-day/children?villageId=${otherVillage.id}`)).status,
    ).toBe(404);
  });

  test('as on an earlier day: a child not yet born then is left out', async () => {
    const on = addYears(today, -1);
    const response = await health.get(`/api/ecd/weighing-day/children?villageId=${village.id}&on=${on}`);
    expect(response.body.items.map((c: { fullName: string }) => c.fullName).sort()).toEqual([
      'Lò Văn Bình',
      'Lò Văn Cao',
    ]);
  });
});

describe('saving a weighing day', () => {
  test('writes every row with its z-scores in one go', async () => {
    const before = await measurementCount();
    const response = await collaborator.post('/api/ecd/weighing-day', {
      villageId: village.id,
      measuredOn: today,
      place: 'Nhà văn hoá thôn',
      measuredBy: 'CTV Lò Thị Mai',
      rows: [
        { personId: children['Lò Thị Ánh']!.id, weightKg: 5.1, lengthHeightCm: 62, position: 'lying' },
        { personId: children['Lò Văn Bình']!.id, weightKg: 11.8, lengthHeightCm: 86, position: 'lying' },
        {
          personId: children['Lò Văn Cao']!.id,
          weightKg: 14.5,
          lengthHeightCm: 98,
          position: 'standing',
          muacCm: 15,
        },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body.items).toHaveLength(3);
    expect(response.body.items[0]).toMatchObject({ place: 'Nhà văn hoá thôn', measuredBy: 'CTV Lò Thị Mai' });
    // 5.1 kg at 200 days is far below −3 SD for a girl: severely underweight, on the malnourished list.
    expect(response.body.items[0].classification.underweight).toBe('severe');
    expect(response.body.items[1].malnourished).toBe(false);
    expect(await measurementCount()).toBe(before + 3);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'ecd.weighing_day_saved')
      .executeTakeFirstOrThrow();
    expect((audit.after as { measurements: unknown[] }).measurements).toHaveLength(3);
  });

  test('one bad row and nothing is written: each problem is reported on its row', async () => {
    const before = await measurementCount();
    const response = await collaborator.post('/api/ecd/weighing-day', {
      villageId: village.id,
      measuredOn: today,
      rows: [
        { personId: children['Lò Thị Ánh']!.id, weightKg: 5.3 },
        { personId: children['Lò Văn Đạt']!.id, weightKg: 6 },
        { personId: children['Other']!.id, weightKg: 8 },
        { personId: children['Lò Thị Ánh']!.id, weightKg: 5.3 },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['body.rows.1.personId', 'not_in_village'],
      ['body.rows.2.personId', 'not_in_village'],
      ['body.rows.3.personId', 'duplicate_child'],
    ]);
    expect(await measurementCount()).toBe(before);
  });

  test('a row measuring nothing or an impossible weight is a validation error on its row', async () => {
    const response = await collaborator.post('/api/ecd/weighing-day', {
      villageId: village.id,
      measuredOn: today,
      rows: [
        { personId: children['Lò Thị Ánh']!.id },
        { personId: children['Lò Văn Bình']!.id, weightKg: -4 },
      ],
    });
    expect(response.status).toBe(400);
    const paths = response.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(['body.rows.0.weightKg', 'body.rows.1.weightKg']);
  });

  test('a day before a child’s birth is refused for that row', async () => {
    const response = await collaborator.post('/api/ecd/weighing-day', {
      villageId: village.id,
      measuredOn: addDaysToPlainDate(today, -250),
      rows: [
        { personId: children['Lò Thị Ánh']!.id, weightKg: 3 },
        { personId: children['Lò Văn Cao']!.id, weightKg: 12 },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('ECD_DATE_INVALID');
    expect(response.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.rows.0.measuredOn', code: 'before_birth' }),
    ]);
  });

  test('a collaborator cannot save a day for another village', async () => {
    const response = await collaborator.post('/api/ecd/weighing-day', {
      villageId: otherVillage.id,
      measuredOn: today,
      rows: [{ personId: children['Other']!.id, weightKg: 8 }],
    });
    expect(response.status).toBe(404);
  });
});
