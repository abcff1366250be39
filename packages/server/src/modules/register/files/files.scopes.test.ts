import { importFields } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import {
  seedCommune,
  seedProvince,
  seedUser,
  seedVillage,
  type SeedUnit,
} from '../../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import { csvRecords } from './csv.ts';
import { headerOf } from './importColumns.ts';
import { csvFile, registerRows, runJob, upload, uploadAndValidate } from './testing/importFiles.ts';

// Import, export and print are scoped like the rest of the register: another commune's import, village or children
// answer 404 — an officer outside the commune must not learn that they exist — and change nothing.

let t: TestApp;
let communeA: SeedUnit;
let villageA: SeedUnit;
let jobId: string;
let workerA: TestClient;
let workerB: TestClient;
let officer: TestClient;
let otherProvinceAdmin: TestClient;
const rows = registerRows(10, ['Đông']);

async function signIn(user: { username: string; password: string }) {
  const client = t.client();
  await client.login(user.username, user.password);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const otherProvince = await seedProvince(t.db);
  communeA = await seedCommune(t.db, province, { name: 'Thượng' });
  const communeB = await seedCommune(t.db, province, { name: 'Hạ' });
  villageA = await seedVillage(t.db, communeA, { name: 'Đông' });
  await seedVillage(t.db, communeB, { name: 'Đông' });
  workerA = await signIn(await seedUser(t.db, { role: 'commune_worker', scope: [communeA] }));
  workerB = await signIn(await seedUser(t.db, { role: 'commune_worker', scope: [communeB] }));
  officer = await signIn(await seedUser(t.db, { role: 'province_officer', scope: [province] }));
  otherProvinceAdmin = await signIn(await seedUser(t.db, { role: 'province_admin', scope: [otherProvince] }));
  const imported = await uploadAndValidate(t.app, workerA, communeA.id, 'thuong.csv', csvFile(rows));
  await runJob(workerA, imported.id);
  const pending = await upload(t.app, workerA, communeA.id, 'cho.csv', csvFile(rows));
  jobId = pending.body.id;
});

afterAll(async () => {
  await t.close();
});

const fullMapping = Object.fromEntries(importFields.map((f) => [f, headerOf(f)]));

describe('register files scopes', () => {
  test('a commune worker of another commune gets 404 on every endpoint with an id, and nothing changes', async () => {
    const before = (await workerA.get(`/api/register/imports/${jobId}`)).body;
    const calls: [string, () => Promise<{ status: number; body: any }>][] = [
      ['get', () => workerB.get(`/api/register/imports/${jobId}`)],
      ['errors', () => workerB.get(`/api/register/imports/${jobId}/errors`)],
      ['errors.xlsx', () => workerB.get(`/api/register/imports/${jobId}/errors.xlsx`)],
      [
        'mapping',
        () => workerB.request('PUT', `/api/register/imports/${jobId}/mapping`, { mapping: fullMapping }),
      ],
      ['validate', () => workerB.post(`/api/register/imports/${jobId}/validate`)],
      ['run', () => workerB.post(`/api/register/imports/${jobId}/run`)],
      ['book', () => workerB.get(`/api/register/villages/${villageA.id}/book.pdf`)],
      ['export', () => workerB.get(`/api/register/persons/export?orgUnitId=${communeA.id}`)],
      ['upload', () => upload(t.app, workerB, communeA.id, 'x.csv', csvFile(rows))],
    ];
    for (const [name, call] of calls) {
      const response = await call();
      expect(response.status, name).toBe(404);
      expect(response.body.error.code, name).toBe('NOT_FOUND');
    }
    expect((await workerA.get(`/api/register/imports/${jobId}`)).body).toEqual(before);
  });

  test('lists and exports only what is in the caller’s scope', async () => {
    const mine = await workerA.get('/api/register/imports');
    expect(mine.body.total).toBe(2);
    const theirs = await workerB.get('/api/register/imports');
    expect(theirs.body).toMatchObject({ total: 0, items: [] });
    const exported = await workerB.get('/api/register/persons/export?format=csv&kind=all');
    expect(exported.status).toBe(200);
    expect([...csvRecords(exported.raw.rawPayload)]).toHaveLength(1);
  });

  test('the province officer exports and prints the province’s communes but cannot import', async () => {
    const exported = await officer.get(
      `/api/register/persons/export?format=csv&orgUnitId=${communeA.id}&kind=all`,
    );
    expect(exported.status).toBe(200);
    expect([...csvRecords(exported.raw.rawPayload)].length).toBeGreaterThan(rows.length);
    expect((await officer.get(`/api/register/villages/${villageA.id}/book.pdf`)).status).toBe(200);
    expect((await officer.get(`/api/register/imports/${jobId}`)).status).toBe(403);
  });

  test('another province’s administrator gets 404 for this province’s import, village and commune', async () => {
    expect((await otherProvinceAdmin.get(`/api/register/imports/${jobId}`)).status).toBe(404);
    expect((await otherProvinceAdmin.get(`/api/register/villages/${villageA.id}/book.pdf`)).status).toBe(404);
    expect((await upload(t.app, otherProvinceAdmin, communeA.id, 'x.csv', csvFile(rows))).status).toBe(404);
  });
});
