import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;
let village: SeedUnit;
let otherCommuneVillage: SeedUnit;
let worker: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  otherCommuneVillage = await seedVillage(t.db, await seedCommune(t.db, province));
  const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  worker = t.client();
  await worker.login(user.username, user.password);
});
afterAll(() => t.close());

const pairKey = (pair: { a: { id: string }; b: { id: string } }) => [pair.a.id, pair.b.id].sort().join('|');
const key = (a: string, b: string) => [a, b].sort().join('|');

describe('possible duplicates', () => {
  let sameId: [string, string];
  let sameName: [string, string];
  let sameMother: [string, string];
  let notDuplicates: string[];

  beforeAll(async () => {
    const household = await seedHousehold(t.db, village);
    const mother = await seedPerson(t.db, household, { fullName: 'Vương Thị Hoa', birthDate: '1992-02-02' });
    sameId = [
      (
        await seedPerson(t.db, household, {
          fullName: 'Tạ Văn Bình',
          personalId: '001218000001',
          sex: 'male',
        })
      ).id,
      (await seedPerson(t.db, village, { fullName: 'Tạ Bình', personalId: '001218000001', sex: 'male' })).id,
    ];
    sameName = [
      (await seedPerson(t.db, household, { fullName: 'Kiều Thị Thuỷ', birthDate: '2017-07-07' })).id,
      (await seedPerson(t.db, village, { fullName: 'Kieu Thi Thuy', birthDate: '2017-07-07' })).id,
    ];
    sameMother = [
      (
        await seedPerson(t.db, household, {
          fullName: 'Lưu Minh Nhật',
          birthDate: '2021-01-09',
          motherId: mother.id,
        })
      ).id,
      (
        await seedPerson(t.db, household, {
          fullName: 'Lưu Minh Nhựt',
          birthDate: '2021-01-09',
          motherId: mother.id,
        })
      ).id,
    ];
    notDuplicates = [
      // Same name and birth date, other commune: two children.
      (await seedPerson(t.db, otherCommuneVillage, { fullName: 'Kiều Thị Thuỷ', birthDate: '2017-07-07' }))
        .id,
      // Same mother, twins with different names.
      (
        await seedPerson(t.db, household, {
          fullName: 'Lưu Thị An',
          birthDate: '2021-01-09',
          motherId: mother.id,
        })
      ).id,
      // Same name, other birth date.
      (await seedPerson(t.db, village, { fullName: 'Kiều Thị Thuỷ', birthDate: '2016-07-07' })).id,
    ];
  });

  test('the list finds the three kinds of pair with their reasons, and nothing else', async () => {
    const response = await worker.get(`/api/register/duplicates?orgUnitId=${commune.id}`);
    expect(response.status).toBe(200);
    const byKey = Object.fromEntries(
      response.body.items.map((p: { reasons: string[]; a: { id: string }; b: { id: string } }) => [
        pairKey(p),
        p.reasons,
      ]),
    );
    expect(byKey).toEqual({
      [key(...sameId)]: ['same_personal_id'],
      [key(...sameName)]: ['same_name_and_birth_date'],
      [key(...sameMother)]: ['similar_name_same_mother'],
    });
    expect(response.body.total).toBe(3);
    for (const id of notDuplicates) expect(JSON.stringify(response.body)).not.toContain(id);
  });

  test('a dismissed pair is not suggested again', async () => {
    const dismissed = await worker.post('/api/register/duplicates/dismiss', {
      personAId: sameName[1],
      personBId: sameName[0],
      reason: 'Hai trẻ khác nhau, đã xác minh tại nhà',
    });
    expect(dismissed.status).toBe(200);
    const response = await worker.get('/api/register/duplicates');
    expect(response.body.items.map(pairKey)).not.toContain(key(...sameName));
    expect(response.body.total).toBe(2);
  });

  test('merge keeps the history of both, fills what only the merged record knew, and is audited', async () => {
    const [keepId, mergeId] = sameMother;
    await worker.post(`/api/register/persons/${mergeId}/circumstances`, {
      groupCode: 'd',
      validFrom: '2023-01-01',
    });
    await worker.post(`/api/register/persons/${mergeId}/flags`, {
      flagCode: 'parents_away',
      validFrom: '2024-01-01',
    });
    await worker.post(`/api/register/persons/${keepId}/flags`, {
      flagCode: 'parents_away',
      validFrom: '2024-06-01',
    });
    const before = await worker.get(`/api/register/persons/${mergeId}`);
    await worker.put(`/api/register/persons/${mergeId}`, {
      fullName: before.body.fullName,
      sex: before.body.sex,
      birthDate: before.body.birthDate,
      motherId: before.body.mother.id,
      schoolName: 'Mầm non Hoa Sen',
    });
    const merged = await worker.post('/api/register/persons/merge', {
      keepId,
      mergeId,
      reason: 'Cùng một trẻ, nhập hai lần',
    });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(keepId);
    expect(merged.body.schoolName).toBe('Mầm non Hoa Sen');
    expect(merged.body.circumstances).toEqual([{ groupCode: 'd', subGroupCode: null }]);
    // Two open parents_away flags became one (the earlier kept open).
    expect(merged.body.flagCodes).toEqual(['parents_away']);
    expect(merged.body.flagHistory).toHaveLength(2);
    const gone = await worker.get(`/api/register/persons/${mergeId}`);
    expect(gone.body).toMatchObject({ status: 'merged', mergedIntoId: keepId });
    const list = await worker.get('/api/register/persons?search=luu minh');
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([keepId]);
    const history = await worker.get(`/api/register/persons/${keepId}/history`);
    const kinds = history.body.items.map((h: { kind: string }) => h.kind);
    expect(kinds).toContain('merged');
    expect(kinds).toContain('circumstance_assigned');
    expect(
      history.body.items.some(
        (h: { summary: { fromMergedRecord?: string } }) => h.summary.fromMergedRecord === mergeId,
      ),
    ).toBe(true);
    const snapshot = await t.db
      .selectFrom('person_merge')
      .selectAll()
      .where('kept_id', '=', keepId)
      .executeTakeFirstOrThrow();
    expect(snapshot.merged_id).toBe(mergeId);
    expect((await worker.get('/api/register/duplicates')).body.items.map(pairKey)).not.toContain(
      key(...sameMother),
    );
  });

  test('a merge of a record with itself, of a merged record, or across different personal IDs is refused', async () => {
    const [a] = sameId;
    expect(
      (await worker.post('/api/register/persons/merge', { keepId: a, mergeId: a, reason: 'x' })).body.error
        .code,
    ).toBe('MERGE_NOT_ALLOWED');
    expect(
      (await worker.post('/api/register/persons/merge', { keepId: a, mergeId: sameMother[1], reason: 'x' }))
        .body.error.code,
    ).toBe('MERGE_NOT_ALLOWED');
    const other = await seedPerson(t.db, village, {
      fullName: 'Tạ Văn Bình',
      personalId: '001218000002',
      sex: 'male',
    });
    expect(
      (await worker.post('/api/register/persons/merge', { keepId: a, mergeId: other.id, reason: 'x' })).body
        .error.code,
    ).toBe('MERGE_NOT_ALLOWED');
  });
});
