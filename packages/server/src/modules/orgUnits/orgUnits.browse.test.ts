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
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let otherCommune: SeedUnit;
let village: SeedUnit;
let foreignVillage: SeedUnit;
let worker: TestClient;
let collaborator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedCountry(t.db);
  province = await seedProvince(t.db, { name: 'Hà Nội' });
  commune = await seedCommune(t.db, province, { name: 'Hoà Lạc' });
  otherCommune = await seedCommune(t.db, province, { name: 'Hòa Bình' });
  village = await seedVillage(t.db, commune, { name: 'Hòa Phú' });
  await seedVillage(t.db, commune, { name: 'Đồng Trúc' });
  foreignVillage = await seedVillage(t.db, otherCommune, { name: 'Hòa Sơn' });
  const workerUser = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  const collaboratorUser = await seedUser(t.db, { role: 'village_collaborator', scope: [village] });
  worker = t.client();
  await worker.login(workerUser.username, workerUser.password);
  collaborator = t.client();
  await collaborator.login(collaboratorUser.username, collaboratorUser.password);
});
afterAll(() => t.close());

describe('browsing the tree', () => {
  test('the roots are the user’s own scope units', async () => {
    const response = await worker.get('/api/org-units/roots');
    expect(response.status).toBe(200);
    expect(response.body.items.map((u: any) => u.id)).toEqual([commune.id]);
    expect(response.body.items[0].childCount).toBe(2);
  });

  test('lists the children of a unit in scope', async () => {
    const response = await worker.get(`/api/org-units?parentId=${commune.id}`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((u: any) => u.name).sort()).toEqual(['Hòa Phú', 'Đồng Trúc'].sort());
    expect(response.body.total).toBe(2);
  });

  test('hides a unit outside the user’s commune (404, not 403)', async () => {
    expect((await worker.get(`/api/org-units/${otherCommune.id}`)).status).toBe(404);
    expect((await worker.get(`/api/org-units/${foreignVillage.id}`)).status).toBe(404);
    expect((await worker.get(`/api/org-units?parentId=${otherCommune.id}`)).status).toBe(404);
    expect((await worker.get(`/api/org-units/${province.id}`)).status).toBe(404);
  });

  test('a collaborator sees only their village', async () => {
    const roots = await collaborator.get('/api/org-units/roots');
    expect(roots.body.items.map((u: any) => u.id)).toEqual([village.id]);
    expect((await collaborator.get(`/api/org-units/${commune.id}`)).status).toBe(404);
    const search = await collaborator.get('/api/org-units?search=hoa');
    expect(search.body.items.map((u: any) => u.id)).toEqual([village.id]);
  });

  test('search is tone-insensitive and stays inside the scope', async () => {
    const response = await worker.get('/api/org-units?search=hoa');
    expect(response.status).toBe(200);
    const names = response.body.items.map((u: any) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Hoà Lạc', 'Hòa Phú']));
    expect(names).not.toContain('Hòa Bình');
    expect(names).not.toContain('Hòa Sơn');
    const accented = await worker.get(`/api/org-units?search=${encodeURIComponent('HÒA PHÚ')}`);
    expect(accented.body.items.map((u: any) => u.name)).toEqual(['Hòa Phú']);
  });

  test('a search of only punctuation finds nothing (not everything)', async () => {
    const response = await worker.get(`/api/org-units?search=${encodeURIComponent('%')}`);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  test('paginates', async () => {
    const first = await worker.get('/api/org-units?search=hoa&pageSize=1&page=1');
    const second = await worker.get('/api/org-units?search=hoa&pageSize=1&page=2');
    expect(first.body.total).toBe(2);
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  test('the detail of a village names its visible ancestors', async () => {
    const response = await worker.get(`/api/org-units/${village.id}`);
    expect(response.status).toBe(200);
    expect(response.body.unit).toMatchObject({ name: 'Hòa Phú', level: 'village', status: 'active' });
    expect(response.body.ancestors.map((a: any) => a.id)).toEqual([commune.id]);
  });

  test('rejects a bad query with field paths', async () => {
    const response = await worker.get('/api/org-units?parentId=not-a-uuid&pageSize=5000&extra=1');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.issues.map((i: any) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['query.parentId', 'query.pageSize']));
  });
});
