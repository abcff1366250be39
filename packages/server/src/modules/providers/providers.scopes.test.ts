import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedProvider, type SeedProvider } from '../../testing/providerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let communeA: SeedUnit;
let communeB: SeedUnit;
let villageA: SeedUnit;
let workerA: TestClient;
let workerB: TestClient;
let collaboratorA: TestClient;
let provinceViewer: TestClient;
let foreignAdmin: TestClient;
const p = {} as Record<
  'stationA' | 'stationB' | 'hospital' | 'centreForB' | 'bServesA' | 'villagePostA' | 'foreign',
  SeedProvider
>;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  communeA = await seedCommune(t.db, province);
  communeB = await seedCommune(t.db, province);
  villageA = await seedVillage(t.db, communeA);
  const foreignProvince = await seedProvince(t.db);
  p.stationA = await seedProvider(t.db, communeA, { name: 'Trạm Y tế A' });
  p.stationB = await seedProvider(t.db, communeB, { name: 'Trạm Y tế B' });
  p.hospital = await seedProvider(t.db, province, { name: 'Bệnh viện tỉnh' });
  // Kept by the province but serving commune B only: still the province's, so every commune reads it.
  p.centreForB = await seedProvider(t.db, province, { name: 'Trung tâm cho B', coverage: [communeB] });
  // Kept by commune B and also serving commune A (a shared health post after a merger).
  p.bServesA = await seedProvider(t.db, communeB, {
    name: 'Phòng khám liên xã',
    coverage: [communeB, communeA],
  });
  p.villagePostA = await seedProvider(t.db, communeA, { name: 'Điểm thôn A', coverage: [villageA] });
  p.foreign = await seedProvider(t.db, foreignProvince, { name: 'Bệnh viện tỉnh khác' });
  workerA = await signedIn(t, 'commune_worker', [communeA]);
  workerB = await signedIn(t, 'commune_worker', [communeB]);
  collaboratorA = await signedIn(t, 'village_collaborator', [villageA]);
  provinceViewer = await signedIn(t, 'viewer', [province]);
  foreignAdmin = await signedIn(t, 'province_admin', [foreignProvince]);
});
afterAll(() => t.close());

const listed = async (client: TestClient, query = '') =>
  ((await client.get(`/api/providers?pageSize=200${query}`)).body.items as { name: string }[])
    .map((item) => item.name)
    .sort();

describe('who reads which provider', () => {
  test('a commune worker reads their commune’s providers, the province’s, and those covering their commune', async () => {
    expect(await listed(workerA)).toEqual(
      ['Bệnh viện tỉnh', 'Phòng khám liên xã', 'Trung tâm cho B', 'Trạm Y tế A', 'Điểm thôn A'].sort(),
    );
    expect(await listed(workerB)).toEqual(
      ['Bệnh viện tỉnh', 'Phòng khám liên xã', 'Trung tâm cho B', 'Trạm Y tế B'].sort(),
    );
  });

  test('a commune worker of another commune gets 404 for a commune’s own provider', async () => {
    const response = await workerB.get(`/api/providers/${p.stationA.id}`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
    expect((await workerB.get(`/api/providers/${p.villagePostA.id}`)).status).toBe(404);
  });

  test('a commune worker sees the province-level provider covering their commune, and cannot change it', async () => {
    const hospital = await workerA.get(`/api/providers/${p.hospital.id}`);
    expect(hospital.status).toBe(200);
    expect(hospital.body).toMatchObject({ name: 'Bệnh viện tỉnh', editable: false });
    const update = await workerA.put(`/api/providers/${p.hospital.id}`, {
      ownerUnitId: communeA.id,
      name: 'Chiếm',
      sector: 'health_facility',
      level: 'commune',
      services: ['medical_care'],
    });
    expect(update.status).toBe(404);
    expect((await workerA.post(`/api/providers/${p.hospital.id}/deactivate`, { reason: 'Thử' })).status).toBe(
      404,
    );
  });

  test('a provider of another commune that covers this one is read, not changed', async () => {
    const shared = await workerA.get(`/api/providers/${p.bServesA.id}`);
    expect(shared.status).toBe(200);
    expect(shared.body.editable).toBe(false);
    expect(
      (await workerA.put(`/api/providers/${p.bServesA.id}/coverage`, { unitIds: [communeA.id] })).status,
    ).toBe(404);
    expect((await workerB.get(`/api/providers/${p.bServesA.id}`)).body.editable).toBe(true);
  });

  test('a village collaborator reads what covers their village or lies above it', async () => {
    expect(await listed(collaboratorA)).toEqual(
      ['Bệnh viện tỉnh', 'Phòng khám liên xã', 'Trung tâm cho B', 'Trạm Y tế A', 'Điểm thôn A'].sort(),
    );
  });

  test('nobody reads another province’s providers', async () => {
    expect(await listed(provinceViewer)).not.toContain('Bệnh viện tỉnh khác');
    expect((await provinceViewer.get(`/api/providers/${p.foreign.id}`)).status).toBe(404);
    expect(await listed(foreignAdmin)).toEqual(['Bệnh viện tỉnh khác']);
    expect((await foreignAdmin.get(`/api/providers/${p.stationA.id}`)).status).toBe(404);
    const members = await foreignAdmin.put(`/api/providers/${p.stationA.id}/members`, { userIds: [] });
    expect(members.status).toBe(404);
  });

  test('a filter by a unit outside the scope is not found', async () => {
    const response = await workerA.get(`/api/providers?coversUnitId=${communeB.id}`);
    expect(response.status).toBe(404);
  });
});
