import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import {
  seedCommune,
  seedProvince,
  seedUser,
  seedVillage,
  tableCounts,
  type SeedUnit,
} from '../../testing/factories.ts';
import { seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let village: SeedUnit;
let secondVillage: SeedUnit;
let otherCommuneVillage: SeedUnit;
let commune: SeedUnit;
let worker: TestClient;
let collaborator: TestClient;
let provinceOfficer: TestClient;
let provinceAdmin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune, { name: 'Thượng' });
  secondVillage = await seedVillage(t.db, commune, { name: 'Hạ' });
  otherCommuneVillage = await seedVillage(t.db, await seedCommune(t.db, province), { name: 'Xa' });
  const login = async (
    role: Parameters<typeof seedUser>[1]['role'],
    scope: SeedUnit[],
    sector?: 'health',
  ) => {
    const user = await seedUser(t.db, { role, scope, sector: sector ?? null });
    const client = t.client();
    await client.login(user.username, user.password);
    return client;
  };
  worker = await login('commune_worker', [commune]);
  collaborator = await login('village_collaborator', [village]);
  provinceOfficer = await login('province_officer', [province], 'health');
  provinceAdmin = await login('province_admin', [province]);
});
afterAll(() => t.close());

describe('households', () => {
  let householdId: string;

  test('a collaborator registers a household; members come next; the head is set from the member', async () => {
    const created = await collaborator.post('/api/register/households', {
      villageId: village.id,
      bookNumber: '07',
      address: 'Xóm Giữa, thôn Thượng',
      povertyStatus: 'poor',
      povertyYear: 2025,
      phone: '0912 345 678',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      bookNumber: '07',
      villageName: 'Thượng',
      povertyStatus: 'poor',
      memberCount: 0,
      members: [],
      headName: null,
    });
    householdId = created.body.id;
    const head = await collaborator.post('/api/register/persons', {
      householdId,
      fullName: 'Lò Văn Páo',
      sex: 'male',
      birthDate: '1986-01-01',
      birthDatePrecision: 'year',
      ethnicityCode: '03',
      relationshipToHead: 'head',
    });
    expect(head.status).toBe(201);
    const kid = await collaborator.post('/api/register/persons', {
      householdId,
      fullName: 'Lò Thị Mai',
      sex: 'female',
      birthDate: '2019-02-03',
      ethnicityCode: '03',
      relationshipToHead: 'child',
      fatherId: head.body.id,
    });
    expect(kid.status).toBe(201);
    expect(kid.body.father).toEqual({ id: head.body.id, fullName: 'Lò Văn Páo' });
    const detail = await worker.get(`/api/register/households/${householdId}`);
    expect(detail.body).toMatchObject({ headName: 'Lò Văn Páo', memberCount: 2, childCount: 1 });
    expect(detail.body.members.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Lò Văn Páo',
      'Lò Thị Mai',
    ]);
  });

  test('bad input is refused and writes nothing', async () => {
    const before = await tableCounts(t.db);
    for (const body of [
      { villageId: village.id, address: '' },
      { villageId: village.id, address: 'x', povertyStatus: 'rich' },
      { villageId: village.id, address: 'x', povertyYear: 1990 },
      { villageId: village.id, address: 'x', phone: 'gọi tôi' },
      { villageId: 'not-a-uuid', address: 'x' },
    ]) {
      const response = await collaborator.post('/api/register/households', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test('the list is scoped, filtered by poverty and searchable by the head’s name without tones', async () => {
    const byName = await worker.get('/api/register/households?search=lo van pao');
    expect(byName.body.items.map((h: { id: string }) => h.id)).toEqual([householdId]);
    // The head's name is matched from the beginning of a word, as in the person search.
    const byGivenName = await worker.get('/api/register/households?search=Pá');
    expect(byGivenName.body.items.map((h: { id: string }) => h.id)).toEqual([householdId]);
    expect((await worker.get('/api/register/households?search=ao')).body.total).toBe(0);
    const poor = await provinceOfficer.get('/api/register/households?povertyStatus=poor');
    expect(poor.body.items.map((h: { id: string }) => h.id)).toEqual([householdId]);
    const otherVillage = await worker.get(`/api/register/households?orgUnitId=${secondVillage.id}`);
    expect(otherVillage.body.total).toBe(0);
  });

  test('the head must be an active member', async () => {
    const stranger = await seedPerson(t.db, secondVillage, {
      fullName: 'Người Ngoài',
      birthDate: '1980-01-01',
    });
    const response = await worker.put(`/api/register/households/${householdId}`, {
      address: 'Xóm Giữa',
      headPersonId: stranger.id,
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('INVALID_REFERENCE');
  });

  test('moving a household to another commune moves its members; the collaborator loses sight of it', async () => {
    const moved = await worker.post(`/api/register/households/${householdId}/move`, {
      toVillageId: otherCommuneVillage.id,
      moveDate: '2025-10-01',
      reason: 'Chuyển đến nơi ở mới',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ villageId: otherCommuneVillage.id, memberCount: 2 });
    expect(moved.body.moves).toEqual([
      {
        moveDate: '2025-10-01',
        fromVillageName: 'Thôn Thượng',
        toVillageName: 'Thôn Xa',
        reason: 'Chuyển đến nơi ở mới',
      },
    ]);
    const members = await t.db
      .selectFrom('person')
      .select(['org_path', 'village_id'])
      .where('household_id', '=', householdId)
      .execute();
    expect(members.every((m) => m.org_path === otherCommuneVillage.path)).toBe(true);
    const moves = await t.db
      .selectFrom('person_move')
      .select('kind')
      .where('from_household_id', '=', householdId)
      .execute();
    expect(moves.map((m) => m.kind)).toEqual(['between_communes', 'between_communes']);
    expect((await collaborator.get(`/api/register/households/${householdId}`)).status).toBe(404);
    expect((await worker.get(`/api/register/households/${householdId}`)).status).toBe(404);
    expect((await provinceOfficer.get(`/api/register/households/${householdId}`)).status).toBe(200);
  });

  test('a village moved to another commune takes its register records along', async () => {
    const person = await seedPerson(t.db, secondVillage, { fullName: 'Đi Theo Thôn' });
    const target = await t.db
      .selectFrom('org_unit')
      .select('parent_id')
      .where('id', '=', otherCommuneVillage.id)
      .executeTakeFirstOrThrow();
    const moved = await provinceAdmin.post(`/api/org-units/${secondVillage.id}/move`, {
      communeId: target.parent_id,
      reason: 'Điều chỉnh địa giới',
    });
    expect(moved.status).toBe(200);
    const row = await t.db
      .selectFrom('person')
      .select('org_path')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.org_path).toBe(moved.body.path);
    expect((await worker.get(`/api/register/persons/${person.id}`)).status).toBe(404);
  });
});
