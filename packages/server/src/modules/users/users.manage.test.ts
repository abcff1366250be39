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
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let village: SeedUnit;
let foreignProvince: SeedUnit;
let foreignVillage: SeedUnit;
let admin: TestClient;
let adminId: string;

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `ctv.${Math.random().toString(36).slice(2, 8)}`,
  fullName: 'Nguyễn Thị Hoa',
  role: 'village_collaborator',
  scopeOrgUnitIds: [village.id],
  password: 'Tam-thoi-2026',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  foreignProvince = await seedProvince(t.db);
  foreignVillage = await seedVillage(t.db, await seedCommune(t.db, foreignProvince));
  const adminUser = await seedUser(t.db, { role: 'province_admin', scope: [province] });
  adminId = adminUser.id;
  admin = t.client();
  await admin.login(adminUser.username, adminUser.password);
});
afterAll(() => t.close());

describe('creating users', () => {
  test('a province admin creates a collaborator scoped to a village; the collaborator must change the password', async () => {
    const input = newUser({ fullName: '  Trần   Văn Bình ' });
    const response = await admin.post('/api/users', input);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      username: input.username,
      fullName: 'Trần Văn Bình',
      role: 'village_collaborator',
      status: 'active',
    });
    expect(response.body.scope.map((s: any) => s.orgUnitId)).toEqual([village.id]);
    expect(response.body).not.toHaveProperty('passwordHash');
    const collaborator = t.client();
    const me = await collaborator.login(input.username, input.password);
    expect(me.user.mustChangePassword).toBe(true);
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', response.body.id)
      .execute();
    expect(audit[0]).toMatchObject({ action: 'user.created', org_path: village.path });
    expect(JSON.stringify(audit[0]!.after)).not.toContain(input.password);
  });

  test('cannot grant a scope outside their own: the unit is "not found" and nothing is written', async () => {
    const before = await tableCounts(t.db);
    const response = await admin.post('/api/users', newUser({ scopeOrgUnitIds: [foreignVillage.id] }));
    expect(response.status).toBe(404);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test('cannot create a system administrator', async () => {
    const response = await admin.post(
      '/api/users',
      newUser({ role: 'system_admin', scopeOrgUnitIds: [province.id] }),
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('ROLE_NOT_GRANTABLE');
  });

  test('the scope must sit at the role’s level', async () => {
    const response = await admin.post(
      '/api/users',
      newUser({ role: 'village_collaborator', scopeOrgUnitIds: [commune.id] }),
    );
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('ROLE_SCOPE_LEVEL_MISMATCH');
  });

  test('a province officer needs a sector', async () => {
    const without = await admin.post(
      '/api/users',
      newUser({ role: 'province_officer', scopeOrgUnitIds: [province.id] }),
    );
    expect(without.body.error.code).toBe('ROLE_NEEDS_SECTOR');
    const withSector = await admin.post(
      '/api/users',
      newUser({ role: 'province_officer', sector: 'education', scopeOrgUnitIds: [province.id] }),
    );
    expect(withSector.status).toBe(201);
    expect(withSector.body.sector).toBe('education');
  });

  test('usernames are unique', async () => {
    const input = newUser();
    expect((await admin.post('/api/users', input)).status).toBe(201);
    const again = await admin.post('/api/users', { ...input, username: input.username.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('USERNAME_TAKEN');
  });

  test('a weak initial password is refused with the problems named', async () => {
    const response = await admin.post('/api/users', newUser({ password: 'short' }));
    expect(response.status).toBe(422);
    expect(response.body.error.details.problems).toContain('too_short');
  });
});

describe('listing and managing users', () => {
  test('lists only users whose whole scope is inside the admin’s', async () => {
    const foreign = await seedUser(t.db, { role: 'village_collaborator', scope: [foreignVillage] });
    const straddling = await seedUser(t.db, { role: 'viewer', scope: [village, foreignVillage] });
    const response = await admin.get('/api/users?pageSize=200');
    const ids = response.body.items.map((u: any) => u.id);
    expect(ids).toContain(adminId);
    expect(ids).not.toContain(foreign.id);
    expect(ids).not.toContain(straddling.id);
    expect((await admin.get(`/api/users/${foreign.id}`)).status).toBe(404);
  });

  test('search by name is tone-insensitive', async () => {
    await admin.post('/api/users', newUser({ fullName: 'Đặng Thị Hằng' }));
    const response = await admin.get('/api/users?search=dang%20thi%20hang');
    expect(response.body.items.map((u: any) => u.fullName)).toContain('Đặng Thị Hằng');
  });

  test('disabling a user ends their sessions; enabling lets them back in', async () => {
    const created = await admin.post('/api/users', newUser());
    const userClient = t.client();
    await userClient.login(created.body.username, 'Tam-thoi-2026');
    const disabled = await admin.post(`/api/users/${created.body.id}/disable`, { reason: 'Nghỉ việc' });
    expect(disabled.body.status).toBe('disabled');
    expect((await userClient.get('/api/auth/me')).status).toBe(401);
    expect(
      (
        await t
          .client()
          .post('/api/auth/login', { username: created.body.username, password: 'Tam-thoi-2026' })
      ).body.error.code,
    ).toBe('ACCOUNT_DISABLED');
    expect((await admin.post(`/api/users/${created.body.id}/enable`)).body.status).toBe('active');
  });

  test('an admin cannot disable themselves or change their own role', async () => {
    expect((await admin.post(`/api/users/${adminId}/disable`, { reason: 'x' })).body.error.code).toBe(
      'CANNOT_CHANGE_SELF',
    );
    expect((await admin.patch(`/api/users/${adminId}`, { role: 'viewer' })).body.error.code).toBe(
      'CANNOT_CHANGE_SELF',
    );
  });

  test('resetting a password unlocks the account and forces a change', async () => {
    const created = await admin.post('/api/users', newUser());
    await t.db
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() + 600_000) })
      .where('id', '=', created.body.id)
      .execute();
    const reset = await admin.post(`/api/users/${created.body.id}/reset-password`, {
      newPassword: 'Dat-lai-2026',
    });
    expect(reset.status).toBe(200);
    const me = await t.client().login(created.body.username, 'Dat-lai-2026');
    expect(me.user.mustChangePassword).toBe(true);
  });

  test('changing a user’s scope ends their sessions', async () => {
    const created = await admin.post('/api/users', newUser());
    const userClient = t.client();
    await userClient.login(created.body.username, 'Tam-thoi-2026');
    const other = await seedVillage(t.db, commune);
    const updated = await admin.patch(`/api/users/${created.body.id}`, { scopeOrgUnitIds: [other.id] });
    expect(updated.status).toBe(200);
    expect(updated.body.scope.map((s: any) => s.orgUnitId)).toEqual([other.id]);
    expect((await userClient.get('/api/auth/me')).status).toBe(401);
  });
});
