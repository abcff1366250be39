import { nameSearchExamples } from '@treem/shared/domain/register/nameSearchExamples';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { COUNT_CAP } from './person.repo.ts';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

/**
 * The name-search table, run through the API against the database: every name is registered once, then each
 * query must find exactly the names the table says it finds (among the table's names).
 */
let t: TestApp;
let worker: TestClient;
let officer: TestClient;
let villagePath: string;
let villageId: string;
const idsByName = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province);
  const village = await seedVillage(t.db, commune);
  villagePath = village.path;
  villageId = village.id;
  const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  worker = t.client();
  await worker.login(user.username, user.password);
  const provinceUser = await seedUser(t.db, { role: 'province_officer', scope: [province] });
  officer = t.client();
  await officer.login(provinceUser.username, provinceUser.password);
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

test('quotes, backslashes and text-search operators in a search are only separators, never an error', async () => {
  for (const query of ["Hằng'", 'thi\\hang', "nguy:* & !thi | 'x'", 'hang <-> thi', '(hằng)']) {
    const response = await worker.get(
      `/api/register/persons?search=${encodeURIComponent(query)}&pageSize=200`,
    );
    expect(response.status, query).toBe(200);
  }
  const hang = await worker.get(`/api/register/persons?search=${encodeURIComponent("hằng'")}&pageSize=200`);
  expect(hang.body.items.map((p: { id: string }) => p.id)).toContain(idsByName.get('Nguyễn Thị Hằng'));
  // Nothing but operators or marks folds to nothing, and matches no name (not the whole list).
  for (const query of ["':*&|!", '\u0301\u0303']) {
    const none = await worker.get(`/api/register/persons?search=${encodeURIComponent(query)}`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  }
});

test('the total stops counting at COUNT_CAP and says so; the page is still in name order, from the commune’s probe or read in index order over the province', async () => {
  const provinceCode = villagePath.split('.')[1]!.slice(1);
  await sql`
    insert into person (province_code, id, village_id, org_path, full_name, name_search, sex, birth_date)
    select ${provinceCode}, gen_random_uuid(), ${villageId}::uuid, ${villagePath}::ltree,
           'Đông Đúc ' || n, 'dong duc ' || n, 'male', date '2015-06-01'
    from generate_series(1, ${COUNT_CAP + 5}) as n`.execute(t.db);
  // The commune worker's probe holds all 5,005 (NARROW_SEARCH_PROBE); the province officer's stops at COUNT_CAP
  // and the page is read in name order from the index.
  for (const client of [worker, officer]) {
    const many = await client.get('/api/register/persons?search=dong duc&pageSize=10');
    expect(many.body).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(many.body.items).toHaveLength(10);
    // Name order (folded): "dong duc 1", "dong duc 10", "dong duc 100", "dong duc 1000", … — the database's collation.
    const names = many.body.items.map((p: { fullName: string }) => p.fullName);
    const page2 = await client.get('/api/register/persons?search=dong duc&pageSize=10&page=2');
    const page2Names = page2.body.items.map((p: { fullName: string }) => p.fullName);
    expect(new Set([...names, ...page2Names]).size).toBe(20);
    expect(names.slice(0, 4)).toEqual(['Đông Đúc 1', 'Đông Đúc 10', 'Đông Đúc 100', 'Đông Đúc 1000']);
    expect(page2Names[0]! > names[9]!).toBe(true);
    const few = await client.get('/api/register/persons?search=dong duc 1003');
    expect(few.body).toMatchObject({ total: 1, totalCapped: false });
  }
});

test('below the cap, pages follow the sort across the whole result; a page past the end is empty with the total', async () => {
  const all = await worker.get('/api/register/persons?search=thi&sort=birthDate&order=desc&pageSize=200');
  expect(all.body.totalCapped).toBe(false);
  const total = all.body.total as number;
  expect(total).toBeGreaterThan(6);
  const everyone = all.body.items.map((p: { id: string }) => p.id);
  const paged: string[] = [];
  for (let page = 1; page <= Math.ceil(total / 3); page++) {
    const response = await worker.get(
      `/api/register/persons?search=thi&sort=birthDate&order=desc&pageSize=3&page=${page}`,
    );
    expect(response.body.total).toBe(total);
    paged.push(...response.body.items.map((p: { id: string }) => p.id));
  }
  expect(paged).toEqual(everyone);
  const births = all.body.items.map((p: { birthDate: string }) => p.birthDate);
  expect(births).toEqual([...births].sort().reverse());
  const past = await worker.get(
    `/api/register/persons?search=thi&pageSize=3&page=${Math.ceil(total / 3) + 1}`,
  );
  expect(past.status).toBe(200);
  expect(past.body).toMatchObject({ items: [], total, totalCapped: false });
  const none = await worker.get('/api/register/persons?search=khong co ai ten nay');
  expect(none.body).toMatchObject({ items: [], total: 0, totalCapped: false });
  const byVillage = await worker.get('/api/register/persons?search=thi&sort=village&pageSize=200');
  expect(new Set(byVillage.body.items.map((p: { id: string }) => p.id))).toEqual(new Set(everyone));
});
