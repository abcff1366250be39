import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import {
  seedCommune,
  seedCountry,
  seedProvince,
  seedUser,
  seedVillage,
  type SeedUnit,
} from '../../testing/factories.ts';
import { seedProvider } from '../../testing/providerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let otherProvince: SeedUnit;
let commune: SeedUnit;
let otherCommune: SeedUnit;
let village: SeedUnit;
let worker: TestClient;
let provinceAdmin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  otherProvince = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  otherCommune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  worker = await signedIn(t, 'commune_worker', [commune]);
  provinceAdmin = await signedIn(t, 'province_admin', [province]);
});
afterAll(() => t.close());

const membersOf = async (providerId: string) =>
  t.db
    .selectFrom('service_provider_member')
    .select('user_id')
    .where('provider_id', '=', providerId)
    .orderBy('user_id')
    .execute()
    .then((rows) => rows.map((r) => r.user_id));

describe('members', () => {
  test('users of the province join a provider; the detail names them and the list counts them', async () => {
    const station = await seedProvider(t.db, commune, { name: 'Trạm Y tế' });
    const nurse = await seedUser(t.db, { role: 'health_worker', scope: [commune] });
    // Staff of the whole province (a provincial centre) and of another commune may act for it too.
    const officer = await seedUser(t.db, { role: 'province_officer', scope: [province] });
    const neighbour = await seedUser(t.db, { role: 'health_worker', scope: [otherCommune] });
    const response = await worker.put(`/api/providers/${station.id}/members`, {
      userIds: [nurse.id, officer.id, neighbour.id, nurse.id],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [nurse.id, officer.id, neighbour.id].sort(),
    );
    expect(response.body.members.find((m: { userId: string }) => m.userId === nurse.id)).toMatchObject({
      username: nurse.username,
      role: 'health_worker',
      status: 'active',
    });
    expect(response.body.memberCount).toBe(3);
    const listed = await worker.get('/api/providers?search=tram%20y%20te');
    expect(listed.body.items[0].memberCount).toBe(3);

    const fewer = await worker.put(`/api/providers/${station.id}/members`, { userIds: [officer.id] });
    expect(fewer.body.members.map((m: { userId: string }) => m.userId)).toEqual([officer.id]);
    const none = await worker.put(`/api/providers/${station.id}/members`, { userIds: [] });
    expect(none.body.members).toEqual([]);

    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', station.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'provider.members_set',
      'provider.members_set',
      'provider.members_set',
    ]);
    expect(events[1]!.after).toEqual({ members: [officer.id] });
    expect(events[2]!.before).toEqual({ members: [officer.id] });
  });

  test('unknown users, users outside the province and disabled accounts are refused, each on its item', async () => {
    const station = await seedProvider(t.db, commune);
    const kept = await seedUser(t.db, { role: 'health_worker', scope: [commune] });
    await worker.put(`/api/providers/${station.id}/members`, { userIds: [kept.id] });
    const stranger = await seedUser(t.db, { role: 'health_worker', scope: [otherProvince] });
    const spanning = await seedUser(t.db, { role: 'viewer', scope: [commune, otherProvince] });
    const national = await seedUser(t.db, { role: 'system_admin', scope: [await seedCountry(t.db)] });
    const disabled = await seedUser(t.db, { role: 'health_worker', scope: [village] });
    await t.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    const response = await worker.put(`/api/providers/${station.id}/members`, {
      userIds: [
        kept.id,
        '00000000-0000-4000-8000-000000000001',
        stranger.id,
        spanning.id,
        national.id,
        disabled.id,
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['body.userIds.1', 'unknown_user'],
      ['body.userIds.2', 'user_outside_province'],
      ['body.userIds.3', 'user_outside_province'],
      ['body.userIds.4', 'user_outside_province'],
      ['body.userIds.5', 'user_disabled'],
    ]);
    expect(await membersOf(station.id)).toEqual([kept.id]);
  });
});

describe('coverage area', () => {
  test('a province admin sets communes and villages; the list of covered units replaces the old one', async () => {
    const centre = await seedProvider(t.db, province, { name: 'Trung tâm CTXH' });
    const response = await provinceAdmin.put(`/api/providers/${centre.id}/coverage`, {
      unitIds: [otherCommune.id, village.id],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.coverage.map((u: { id: string }) => u.id).sort()).toEqual(
      [otherCommune.id, village.id].sort(),
    );
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'before', 'after', 'org_path'])
      .where('entity_id', '=', centre.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'provider.coverage_set', org_path: province.path });
    expect(events[0]!.before).toEqual({ coverage: [province.id] });
  });

  test('a commune worker covers only units of their commune; an empty area is refused', async () => {
    const station = await seedProvider(t.db, commune);
    const outside = await worker.put(`/api/providers/${station.id}/coverage`, {
      unitIds: [village.id, otherCommune.id],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.unitIds.1', code: 'unknown_unit' }),
    ]);
    const empty = await worker.put(`/api/providers/${station.id}/coverage`, { unitIds: [] });
    expect(empty.status).toBe(400);
    const detail = await worker.get(`/api/providers/${station.id}`);
    expect(detail.body.coverage.map((u: { id: string }) => u.id)).toEqual([commune.id]);
  });

  test('a unit of another province is refused even for an administrator of both', async () => {
    const twoProvinces = await signedIn(t, 'province_admin', [province, otherProvince]);
    const station = await seedProvider(t.db, commune);
    const response = await twoProvinces.put(`/api/providers/${station.id}/coverage`, {
      unitIds: [otherProvince.id],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0]).toMatchObject({ path: 'body.unitIds.0', code: 'other_province' });
  });
});
