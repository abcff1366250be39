import { addDaysToPlainDate, growthAgeInDays, growthZScores, todayInVietnam } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;
let village: SeedUnit;
let secondVillage: SeedUnit;
let otherCommuneVillage: SeedUnit;
let health: TestClient;
let collaborator: TestClient;
let viewer: TestClient;

const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  secondVillage = await seedVillage(t.db, commune);
  otherCommuneVillage = await seedVillage(t.db, await seedCommune(t.db, province));
  health = await signedIn(t, 'health_worker', [commune]);
  collaborator = await signedIn(t, 'village_collaborator', [village]);
  viewer = await signedIn(t, 'viewer', [province]);
});
afterAll(() => t.close());

const child = async (overrides: Parameters<typeof seedPerson>[2] = {}) =>
  seedPerson(t.db, await seedHousehold(t.db, village), {
    sex: 'male',
    birthDate: addDaysToPlainDate(today, -400),
    ...overrides,
  });

const counts = async () => ({
  measurements: Number(
    (
      await t.db
        .selectFrom('growth_measurement')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('recording a measurement', () => {
  test('stores the WHO z-scores computed from the child’s sex and age on the day', async () => {
    const boy = await child();
    const measuredOn = addDaysToPlainDate(today, -10);
    const response = await health.post(`/api/ecd/persons/${boy.id}/measurements`, {
      measuredOn,
      weightKg: 7.2,
      lengthHeightCm: 71.5,
      position: 'lying',
      muacCm: 13.1,
    });
    expect(response.status).toBe(201);
    const ageDays = growthAgeInDays(addDaysToPlainDate(today, -400), 'day', measuredOn)!;
    expect(response.body.ageDays).toBe(390);
    const expected = growthZScores({
      sex: 'male',
      ageDays,
      weightKg: 7.2,
      lengthHeightCm: 71.5,
      position: 'lying',
      muacCm: 13.1,
    });
    expect(response.body.z).toEqual(expected.z);
    expect(response.body.standard).toBe('WHO2006');
    // 7.2 kg at 12.8 months is below −2 SD for a boy: moderately underweight.
    expect(response.body.z.wfa).toBeLessThan(-2);
    expect(response.body.classification.underweight).toBe('moderate');
    expect(response.body.malnourished).toBe(true);
    const stored = await t.db
      .selectFrom('growth_measurement')
      .selectAll()
      .where('id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.z_wfa).toBe(expected.z.wfa);
    expect(stored.scored_sex).toBe('male');
  });

  test('lists a child’s measurements newest first, with who recorded them', async () => {
    const girl = await child({ sex: 'female' });
    for (const days of [-300, -30, -200]) {
      const r = await health.post(`/api/ecd/persons/${girl.id}/measurements`, {
        measuredOn: addDaysToPlainDate(today, days),
        weightKg: 6 + days / -300,
      });
      expect(r.status).toBe(201);
    }
    const list = await viewer.get(`/api/ecd/persons/${girl.id}/measurements`);
    expect(list.status).toBe(200);
    expect(list.body.child.sex).toBe('female');
    expect(list.body.items.map((m: { measuredOn: string }) => m.measuredOn)).toEqual([
      addDaysToPlainDate(today, -30),
      addDaysToPlainDate(today, -200),
      addDaysToPlainDate(today, -300),
    ]);
    expect(list.body.items[0].createdByName).toBeTruthy();
  });

  test('a correction recomputes the z-scores; a deletion needs a reason and is audited', async () => {
    const boy = await child();
    const created = await health.post(`/api/ecd/persons/${boy.id}/measurements`, {
      measuredOn: addDaysToPlainDate(today, -5),
      weightKg: 7.0,
    });
    const corrected = await health.put(`/api/ecd/measurements/${created.body.id}`, {
      measuredOn: addDaysToPlainDate(today, -5),
      weightKg: 10.5,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.z.wfa).toBeGreaterThan(created.body.z.wfa + 2);
    expect(corrected.body.classification.underweight).toBe('none');

    const noReason = await health.post(`/api/ecd/measurements/${created.body.id}/delete`, {});
    expect(noReason.status).toBe(400);
    const deleted = await health.post(`/api/ecd/measurements/${created.body.id}/delete`, {
      reason: 'Nhập nhầm trẻ',
    });
    expect(deleted.status).toBe(200);
    const list = await health.get(`/api/ecd/persons/${boy.id}/measurements`);
    expect(list.body.items).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('entity_id', '=', created.body.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'ecd.measurement_recorded',
      'ecd.measurement_corrected',
      'ecd.measurement_deleted',
    ]);
    expect(audit[2]!.reason).toBe('Nhập nhầm trẻ');
  });

  test('a child known only by birth year gets weight-for-length but no age-based z-score', async () => {
    const boy = await child({ birthDate: '2025-01-01', birthDatePrecision: 'year' });
    const response = await health.post(`/api/ecd/persons/${boy.id}/measurements`, {
      measuredOn: addDaysToPlainDate(today, -1),
      weightKg: 9,
      lengthHeightCm: 75,
      position: 'lying',
    });
    expect(response.status).toBe(201);
    expect(response.body.ageDays).toBeNull();
    expect(response.body.z.wfa).toBeNull();
    expect(response.body.z.wflh).not.toBeNull();
  });
});

describe('refusing bad measurements', () => {
  test('a date before the birth, after today or after the death is refused and nothing is written', async () => {
    const boy = await child();
    const before = await counts();
    for (const [measuredOn, code] of [
      [addDaysToPlainDate(today, -401), 'before_birth'],
      [addDaysToPlainDate(today, 1), 'in_future'],
    ] as const) {
      const response = await health.post(`/api/ecd/persons/${boy.id}/measurements`, {
        measuredOn,
        weightKg: 8,
      });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('ECD_DATE_INVALID');
      expect(response.body.error.issues[0]).toMatchObject({ path: 'body.measuredOn', code });
    }
    expect(await counts()).toEqual(before);
  });

  test('a measurement with nothing measured, or a weight no child has, is a validation error', async () => {
    const boy = await child();
    const empty = await health.post(`/api/ecd/persons/${boy.id}/measurements`, { measuredOn: today });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].message).toBe('nothing_measured');
    const heavy = await health.post(`/api/ecd/persons/${boy.id}/measurements`, {
      measuredOn: today,
      weightKg: 400,
    });
    expect(heavy.status).toBe(400);
    expect(heavy.body.error.issues[0].path).toBe('body.weightKg');
  });

  test('a child who died cannot be measured (409), but their measurements can still be read', async () => {
    const boy = await child({ status: 'deceased' });
    const response = await health.post(`/api/ecd/persons/${boy.id}/measurements`, {
      measuredOn: '2023-12-01',
      weightKg: 8,
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('RECORD_NOT_ACTIVE');
    expect((await health.get(`/api/ecd/persons/${boy.id}/measurements`)).status).toBe(200);
  });
});

describe('scope', () => {
  test('a child outside the caller’s scope is not found, for reading and for writing', async () => {
    const outsider = await seedPerson(t.db, otherCommuneVillage, {
      birthDate: addDaysToPlainDate(today, -100),
    });
    expect((await health.get(`/api/ecd/persons/${outsider.id}/measurements`)).status).toBe(404);
    const write = await health.post(`/api/ecd/persons/${outsider.id}/measurements`, {
      measuredOn: today,
      weightKg: 5,
    });
    expect(write.status).toBe(404);
  });

  test('a collaborator corrects measurements of their village only', async () => {
    const inside = await child();
    const outside = await seedPerson(t.db, secondVillage, { birthDate: addDaysToPlainDate(today, -100) });
    const mine = await health.post(`/api/ecd/persons/${inside.id}/measurements`, {
      measuredOn: today,
      weightKg: 9,
    });
    const theirs = await health.post(`/api/ecd/persons/${outside.id}/measurements`, {
      measuredOn: today,
      weightKg: 5,
    });
    expect(theirs.status).toBe(201);
    const body = { measuredOn: today, weightKg: 9.1 };
    expect((await collaborator.put(`/api/ecd/measurements/${mine.body.id}`, body)).status).toBe(200);
    expect((await collaborator.put(`/api/ecd/measurements/${theirs.body.id}`, body)).status).toBe(404);
    expect((await collaborator.get(`/api/ecd/persons/${outside.id}/measurements`)).status).toBe(404);
  });
});

describe('when the register corrects the child', () => {
  test('a corrected sex rescores every measurement of the child', async () => {
    const boy = await child();
    const m = await health.post(`/api/ecd/persons/${boy.id}/measurements`, {
      measuredOn: addDaysToPlainDate(today, -3),
      weightKg: 8.4,
      lengthHeightCm: 74,
    });
    const worker = t.client();
    const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
    await worker.login(user.username, user.password);
    const detail = await worker.get(`/api/register/persons/${boy.id}`);
    const update = await worker.put(`/api/register/persons/${boy.id}`, {
      fullName: detail.body.fullName,
      sex: 'female',
      birthDate: detail.body.birthDate,
      birthDatePrecision: 'day',
      ethnicityCode: detail.body.ethnicityCode,
      nationality: detail.body.nationality,
    });
    expect(update.status).toBe(200);
    const after = await health.get(`/api/ecd/persons/${boy.id}/measurements`);
    const expected = growthZScores({
      sex: 'female',
      ageDays: 397,
      weightKg: 8.4,
      lengthHeightCm: 74,
    });
    expect(after.body.items[0].id).toBe(m.body.id);
    expect(after.body.items[0].z).toEqual(expected.z);
    expect(after.body.items[0].z.wfa).not.toBe(m.body.z.wfa);
  });
});

describe('when two records of one child are merged', () => {
  test('the measurements and doses of the merged record move to the kept one and are rescored', async () => {
    const kept = await child({ fullName: 'Lường Văn Tú', sex: 'male' });
    const duplicate = await child({ fullName: 'Luong Van Tu', sex: 'female' });
    const m = await health.post(`/api/ecd/persons/${duplicate.id}/measurements`, {
      measuredOn: addDaysToPlainDate(today, -2),
      weightKg: 9.1,
    });
    await health.post(`/api/ecd/persons/${duplicate.id}/doses`, {
      vaccineCode: 'measles',
      givenOn: addDaysToPlainDate(today, -100),
    });
    const worker = t.client();
    const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
    await worker.login(user.username, user.password);
    const merged = await worker.post('/api/register/persons/merge', {
      keepId: kept.id,
      mergeId: duplicate.id,
      reason: 'Nhập trùng',
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const measurements = await health.get(`/api/ecd/persons/${kept.id}/measurements`);
    expect(measurements.body.items.map((x: { id: string }) => x.id)).toEqual([m.body.id]);
    // Scored now as the kept record's boy, not as the duplicate's girl.
    expect(measurements.body.items[0].z.wfa).toBe(
      growthZScores({ sex: 'male', ageDays: 398, weightKg: 9.1 }).z.wfa,
    );
    const card = await health.get(`/api/ecd/persons/${kept.id}/immunization`);
    expect(card.body.records.map((r: { vaccineCode: string }) => r.vaccineCode)).toEqual(['measles']);
    expect((await health.get(`/api/ecd/persons/${duplicate.id}/measurements`)).status).toBe(404);
  });
});
