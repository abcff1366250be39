import { nameSearchExamples } from '@treem/shared/domain/register/nameSearchExamples';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

/**
 * The name-search table, run through the API against the database: every name is registered once, then each
 * query must find exactly the names the table says it finds (among the table's names).
 */
let t: TestApp;
let worker: TestClient;
const idsByName = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const commune = await seedCommune(t.db, await seedProvince(t.db));
  const village = await seedVillage(t.db, commune);
  const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  worker = t.client();
  await worker.login(user.username, user.password);
  const names = [...new Set(nameSearchExamples.map(([, name]) => name.normalize('NFC')))];
  for (const [index, name] of names.entries()) {
    const response = await worker.post('/api/register/persons', {
      villageId: village.id,
      fullName: name,
      sex: 'female',
      birthDate: `2015-01-${String((index % 28) + 1).padStart(2, '0')}`,
      confirmNotDuplicate: true,
    });
    expect(response.status, name).toBe(201);
    idsByName.set(name, response.body.id);
  }
}, 120_000);
afterAll(() => t.close());

test.each(nameSearchExamples)('search "%s" for "%s" → %s', async (query, name, found) => {
  const response = await worker.get(`/api/register/persons?search=${encodeURIComponent(query)}&pageSize=200`);
  expect(response.status).toBe(200);
  const ids = response.body.items.map((p: { id: string }) => p.id);
  expect(ids.includes(idsByName.get(name.normalize('NFC'))!)).toBe(found);
});

test('a search with nothing but spaces and marks is refused, not a full scan', async () => {
  const response = await worker.get(`/api/register/persons?search=${encodeURIComponent('   ')}`);
  expect(response.status).toBe(400);
});
