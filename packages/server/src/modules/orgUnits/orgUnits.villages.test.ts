import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, tableCounts, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;
let secondCommune: SeedUnit;
let foreignCommune: SeedUnit;
let worker: TestClient;
let provinceAdmin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const otherProvince = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  secondCommune = await seedCommune(t.db, province);
  foreignCommune = await seedCommune(t.db, otherProvince);
  const workerUser = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  const adminUser = await seedUser(t.db, { role: 'province_admin', scope: [province] });
  worker = t.client();
  await worker.login(workerUser.username, workerUser.password);
  provinceAdmin = t.client();
  await provinceAdmin.login(adminUser.username, adminUser.password);
});
afterAll(() => t.close());

describe('villages', () => {
  test('a commune worker creates a village in their commune, audited', async () => {
    const response = await worker.post(`/api/org-units/${commune.id}/villages`, {
      name: '  Tân   Lập ',
      type: 'thon',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Tân Lập',
      fullName: 'Thôn Tân Lập',
      level: 'village',
      code: '001',
      parentId: commune.id,
    });
    expect(response.body.path.startsWith(`${commune.path}.`)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', response.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['orgUnit.village_created']);
  });

  test('refuses a second active village with the same name (tone-insensitive) and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const response = await worker.post(`/api/org-units/${commune.id}/villages`, {
      name: 'tan lap',
      type: 'thon',
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('VILLAGE_NAME_TAKEN');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test('cannot create a village in another province’s commune (404)', async () => {
    const response = await worker.post(`/api/org-units/${foreignCommune.id}/villages`, {
      name: 'Xa lạ',
      type: 'thon',
    });
    expect(response.status).toBe(404);
  });

  test('a village cannot hold villages', async () => {
    const village = await worker.post(`/api/org-units/${commune.id}/villages`, { name: 'Cha', type: 'thon' });
    const response = await worker.post(`/api/org-units/${village.body.id}/villages`, {
      name: 'Con',
      type: 'thon',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('ORG_UNIT_NOT_VILLAGE_PARENT');
  });

  test('rename records the old and new name in the unit’s history', async () => {
    const created = await worker.post(`/api/org-units/${commune.id}/villages`, { name: 'Cũ', type: 'thon' });
    const renamed = await worker.patch(`/api/org-units/${created.body.id}`, {
      name: 'Mới',
      type: 'to_dan_pho',
      reason: 'Nghị quyết HĐND',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.fullName).toBe('Tổ dân phố Mới');
    const detail = await worker.get(`/api/org-units/${created.body.id}`);
    expect(detail.body.changes).toEqual([
      expect.objectContaining({
        field: 'full_name',
        oldValue: 'Thôn Cũ',
        newValue: 'Tổ dân phố Mới',
        reason: 'Nghị quyết HĐND',
      }),
    ]);
  });

  test('close sets the end date; a closed village leaves the default list and cannot be renamed', async () => {
    const created = await worker.post(`/api/org-units/${commune.id}/villages`, {
      name: 'Giải thể',
      type: 'xom',
    });
    const closed = await worker.post(`/api/org-units/${created.body.id}/close`, {
      closedOn: '2099-01-01',
      reason: 'Sáp nhập',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.validTo).toBe('2099-01-01');
    const list = await worker.get(`/api/org-units?parentId=${commune.id}&pageSize=200`);
    expect(list.body.items.map((u: any) => u.id)).not.toContain(created.body.id);
    const withClosed = await worker.get(
      `/api/org-units?parentId=${commune.id}&includeClosed=true&pageSize=200`,
    );
    expect(withClosed.body.items.map((u: any) => u.id)).toContain(created.body.id);
    const rename = await worker.patch(`/api/org-units/${created.body.id}`, { name: 'Khác' });
    expect(rename.body.error.code).toBe('ORG_UNIT_CLOSED');
  });

  test('only villages are editable: a commune cannot be renamed', async () => {
    const response = await provinceAdmin.patch(`/api/org-units/${commune.id}`, { name: 'Đổi tên' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('ORG_UNIT_NOT_EDITABLE');
  });

  test('a province admin moves a village to another commune; its path follows', async () => {
    const created = await provinceAdmin.post(`/api/org-units/${commune.id}/villages`, {
      name: 'Di chuyển',
      type: 'thon',
    });
    const moved = await provinceAdmin.post(`/api/org-units/${created.body.id}/move`, {
      communeId: secondCommune.id,
      reason: 'Điều chỉnh địa giới',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(secondCommune.id);
    expect(moved.body.path.startsWith(`${secondCommune.path}.`)).toBe(true);
    // The commune worker of the old commune no longer sees it.
    expect((await worker.get(`/api/org-units/${created.body.id}`)).status).toBe(404);
  });

  test('a commune worker cannot move a village out of their scope', async () => {
    const created = await worker.post(`/api/org-units/${commune.id}/villages`, {
      name: 'Ở lại',
      type: 'thon',
    });
    const response = await worker.post(`/api/org-units/${created.body.id}/move`, {
      communeId: secondCommune.id,
      reason: 'x',
    });
    expect(response.status).toBe(404);
  });
});
