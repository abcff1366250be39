import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let village: SeedUnit;
let worker: TestClient;
let provinceAdmin: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Lào Cai' });
  commune = await seedCommune(t.db, province, { name: 'An Phú' });
  village = await seedVillage(t.db, commune);
  worker = await signedIn(t, 'commune_worker', [commune]);
  provinceAdmin = await signedIn(t, 'province_admin', [province]);
  leader = await signedIn(t, 'commune_leader', [commune]);
});
afterAll(() => t.close());

const healthStation = (overrides: Record<string, unknown> = {}) => ({
  ownerUnitId: commune.id,
  name: '  Trạm   Y tế xã An Phú ',
  sector: 'health_facility',
  level: 'commune',
  address: 'Thôn 3, xã An Phú',
  phone: '0214 3812 345',
  email: 'tramyte.anphu@example.vn',
  contactPerson: 'Bác sĩ Lò Thị Mai',
  contactPhone: '0912 345 678',
  openingHours: 'Thứ 2 – Thứ 6, 7:30–11:30 và 13:30–17:00',
  services: ['nutrition_support', 'medical_care', 'medical_care'],
  notes: 'Có phòng tư vấn dinh dưỡng',
  ...overrides,
});

const counts = async () => ({
  providers: Number(
    (
      await t.db
        .selectFrom('service_provider')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  coverage: Number(
    (
      await t.db
        .selectFrom('service_provider_coverage')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

const auditOf = (entityId: string) =>
  t.db
    .selectFrom('audit_event')
    .select(['action', 'org_path', 'before', 'after', 'reason', 'actor_username'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();

describe('creating a provider', () => {
  test('a commune worker adds their commune’s provider; it covers the commune unless told otherwise', async () => {
    const created = await worker.post('/api/providers', healthStation());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Trạm Y tế xã An Phú',
      provinceCode: province.code,
      sector: 'health_facility',
      level: 'commune',
      ownerUnit: { id: commune.id, level: 'commune', path: commune.path },
      phone: '0214 3812 345',
      openingHours: 'Thứ 2 – Thứ 6, 7:30–11:30 và 13:30–17:00',
      open24Hours: false,
      // Each once, in the catalogue's order; the domains follow from them.
      services: ['medical_care', 'nutrition_support'],
      domains: ['health', 'nutrition'],
      active: true,
      deactivatedAt: null,
      coverage: [{ id: commune.id, level: 'commune' }],
      members: [],
      memberCount: 0,
      editable: true,
    });

    const read = await leader.get(`/api/providers/${created.body.id}`);
    expect(read.status).toBe(200);
    // A commune leader reads the directory but does not manage it.
    expect(read.body).toMatchObject({ name: 'Trạm Y tế xã An Phú', editable: false });

    const events = await auditOf(created.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'provider.created', org_path: commune.path });
    expect(events[0]!.after).toMatchObject({ name: 'Trạm Y tế xã An Phú', coverage: [commune.id] });
  });

  test('a province admin adds a province-level provider covering the whole province, open day and night', async () => {
    const created = await provinceAdmin.post('/api/providers', {
      ownerUnitId: province.id,
      name: 'Tổng đài 111',
      sector: 'hotline',
      level: 'national',
      phone: '111',
      open24Hours: true,
      services: ['counselling', 'psychological_support', 'police_protection'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      ownerUnit: { id: province.id, level: 'province' },
      coverage: [{ id: province.id }],
      open24Hours: true,
      phone: '111',
      address: null,
      domains: ['care', 'protection'],
    });
  });

  test('a province admin may keep a provider for one of the communes and name the villages it covers', async () => {
    const other = await seedVillage(t.db, commune);
    const created = await provinceAdmin.post(
      '/api/providers',
      healthStation({
        name: 'Điểm trông trẻ cộng đồng',
        sector: 'ngo',
        level: 'village',
        services: ['preschool_education'],
        coverageUnitIds: [village.id, other.id, village.id],
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.coverage.map((u: { id: string }) => u.id).sort()).toEqual(
      [village.id, other.id].sort(),
    );
    expect(created.body.editable).toBe(true);
  });
});

describe('validation', () => {
  test('bad input answers 400 with an issue on each field and changes nothing', async () => {
    const before = await counts();
    const response = await worker.post(
      '/api/providers',
      healthStation({
        name: 'X',
        sector: 'bakery',
        level: 'district',
        email: 'not-an-email',
        phone: 'call me',
        services: ['medical_care', 'haircut'],
        open24Hours: 'yes',
        extra: true,
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.name',
        'body.sector',
        'body.level',
        'body.email',
        'body.phone',
        'body.services.1',
        'body.open24Hours',
      ]),
    );
    expect(response.body.error.issues.some((i: { code: string }) => i.code === 'unrecognized_keys')).toBe(
      true,
    );
    const noServices = await worker.post('/api/providers', healthStation({ services: [] }));
    expect(noServices.status).toBe(400);
    expect(noServices.body.error.issues[0].path).toBe('body.services');
    expect(await counts()).toEqual(before);
  });

  test('a village cannot keep a provider; a unit the caller cannot see is not found', async () => {
    const before = await counts();
    const villageOwned = await worker.post('/api/providers', healthStation({ ownerUnitId: village.id }));
    expect(villageOwned.status).toBe(400);
    expect(villageOwned.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.ownerUnitId', code: 'owner_not_province_or_commune' }),
    ]);
    // The province is above a commune worker's scope: they keep only their commune's providers.
    const provinceOwned = await worker.post('/api/providers', healthStation({ ownerUnitId: province.id }));
    expect(provinceOwned.status).toBe(404);
    const elsewhere = await seedCommune(t.db, province);
    const outside = await worker.post('/api/providers', healthStation({ ownerUnitId: elsewhere.id }));
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('NOT_FOUND');
    const badCoverage = await worker.post(
      '/api/providers',
      healthStation({ coverageUnitIds: [commune.id, elsewhere.id, province.id] }),
    );
    expect(badCoverage.status).toBe(400);
    expect(badCoverage.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.coverageUnitIds.1', code: 'unknown_unit' }),
      expect.objectContaining({ path: 'body.coverageUnitIds.2', code: 'unknown_unit' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  test('a closed unit cannot be covered', async () => {
    const closed = await seedVillage(t.db, commune);
    await t.db.updateTable('org_unit').set({ valid_to: '2025-12-31' }).where('id', '=', closed.id).execute();
    const response = await worker.post('/api/providers', healthStation({ coverageUnitIds: [closed.id] }));
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0]).toMatchObject({
      path: 'body.coverageUnitIds.0',
      code: 'unit_closed',
    });
  });
});

describe('updating and deactivating', () => {
  test('an update replaces every field; the audit log keeps what it was and what it became', async () => {
    const created = await worker.post('/api/providers', healthStation());
    const id = created.body.id as string;
    const updated = await worker.put(`/api/providers/${id}`, {
      ownerUnitId: commune.id,
      name: 'Trạm Y tế xã An Phú (cơ sở 2)',
      sector: 'health_facility',
      level: 'commune',
      services: ['medical_care', 'disability_rehabilitation'],
      open24Hours: true,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Trạm Y tế xã An Phú (cơ sở 2)',
      // Fields left out are emptied: the body replaces the record.
      address: null,
      email: null,
      notes: null,
      open24Hours: true,
      services: ['medical_care', 'disability_rehabilitation'],
      coverage: [{ id: commune.id }],
    });
    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(['provider.created', 'provider.updated']);
    expect(events[1]!.before).toMatchObject({ name: 'Trạm Y tế xã An Phú', address: 'Thôn 3, xã An Phú' });
    expect(events[1]!.after).toMatchObject({ name: 'Trạm Y tế xã An Phú (cơ sở 2)', address: null });
  });

  test('a provider cannot move to another province (its shard key)', async () => {
    const created = await provinceAdmin.post('/api/providers', healthStation());
    const otherProvince = await seedProvince(t.db);
    const admin2 = await signedIn(t, 'province_admin', [province, otherProvince]);
    const moved = await admin2.put(
      `/api/providers/${created.body.id}`,
      healthStation({ ownerUnitId: otherProvince.id }),
    );
    expect(moved.status).toBe(400);
    expect(moved.body.error.issues[0]).toMatchObject({ path: 'body.ownerUnitId', code: 'other_province' });
  });

  test('deactivating needs a reason, keeps the provider and takes it out of the default list; reactivating puts it back', async () => {
    const created = await worker.post('/api/providers', healthStation({ name: 'Nhóm hỗ trợ tạm dừng' }));
    const id = created.body.id as string;
    const noReason = await worker.post(`/api/providers/${id}/deactivate`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('body.reason');

    const off = await worker.post(`/api/providers/${id}/deactivate`, {
      reason: 'Ngừng hoạt động từ tháng 3',
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect(off.body.deactivatedAt).toEqual(expect.any(String));
    const twice = await worker.post(`/api/providers/${id}/deactivate`, { reason: 'Lần nữa' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('PROVIDER_NOT_ACTIVE');

    const listed = async (status?: string) =>
      (
        await worker.get(`/api/providers?search=tam%20dung${status ? `&status=${status}` : ''}`)
      ).body.items.map((p: { id: string }) => p.id);
    expect(await listed()).toEqual([]);
    expect(await listed('inactive')).toEqual([id]);
    expect(await listed('all')).toEqual([id]);
    expect((await worker.get(`/api/providers/${id}`)).status).toBe(200);

    const on = await worker.post(`/api/providers/${id}/reactivate`);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ active: true, deactivatedAt: null });
    const again = await worker.post(`/api/providers/${id}/reactivate`);
    expect(again.body.error.code).toBe('PROVIDER_ALREADY_ACTIVE');
    const events = await auditOf(id);
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ['provider.created', null],
      ['provider.deactivated', 'Ngừng hoạt động từ tháng 3'],
      ['provider.reactivated', null],
    ]);
  });

  test('roles without provider.manage are refused', async () => {
    const response = await leader.post('/api/providers', healthStation());
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });
});
