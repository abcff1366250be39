import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { TestClient } from '../testing/client.ts';
import { seedUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/testDatabase.ts';
import { COUNTRY_ID, loadAdminUnits, referenceUnitId } from './adminUnits.ts';

let database: Database;
let firstLoad: Awaited<ReturnType<typeof loadAdminUnits>>;

beforeAll(async () => {
  database = await createTestDatabase();
  firstLoad = await loadAdminUnits(database.db);
});
afterAll(() => database.close());

async function count(where: { generation: string; level: string }) {
  const row = await database.db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('generation', '=', where.generation as 'current')
    .where('level', '=', where.level as 'province')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('loading the administrative units', () => {
  test('loads the two-tier units in force and the 2008 three-tier units as history', async () => {
    expect(firstLoad.loaded).toBe(true);
    expect(await count({ generation: 'current', level: 'province' })).toBe(34);
    expect(await count({ generation: 'current', level: 'commune' })).toBe(3321);
    expect(await count({ generation: 'y2008', level: 'province' })).toBe(63);
    expect(await count({ generation: 'y2008', level: 'district' })).toBe(696);
    expect(await count({ generation: 'y2008', level: 'commune' })).toBe(10035);
    // The 12 mapping codes without a 2008 unit are the only links skipped.
    expect(firstLoad.skippedLinks).toBe(12);
  });

  test('2008 units end on 30/06/2025 and current ones start on 01/07/2025', async () => {
    const old = await database.db
      .selectFrom('org_unit')
      .select(['valid_to'])
      .where('id', '=', referenceUnitId('y2008', 'commune', '00001'))
      .executeTakeFirstOrThrow();
    expect(old.valid_to).toBe('2025-06-30');
    const current = await database.db
      .selectFrom('org_unit')
      .select(['valid_from', 'valid_to', 'path'])
      .where('id', '=', referenceUnitId('current', 'commune', '00004'))
      .executeTakeFirstOrThrow();
    expect(current).toEqual({ valid_from: '2025-07-01', valid_to: null, path: 'vn.p01.c00004' });
  });

  test('records the 2026 Đồng Nai changes as dated changes', async () => {
    const changes = await database.db
      .selectFrom('org_unit_change')
      .selectAll()
      .where('org_unit_id', '=', referenceUnitId('current', 'commune', '25270'))
      .execute();
    expect(changes.map((c) => [c.field, c.old_value, c.new_value, c.effective_date])).toEqual(
      expect.arrayContaining([['type', 'Xã', 'Phường', '2026-04-30']]),
    );
  });

  test('loading again with the same files changes nothing', async () => {
    expect((await loadAdminUnits(database.db)).loaded).toBe(false);
  });
});

describe('resolving old codes through the API', () => {
  let client: TestClient;
  let outsider: TestClient;
  let national: TestClient;

  beforeAll(async () => {
    const config = loadConfig({ TREEM_WEB_DIR: '/nonexistent' });
    const { app } = await buildApp({ db: database.db, config, logger: false });
    const haNoi = {
      id: referenceUnitId('current', 'province', '01'),
      path: 'vn.p01',
      code: '01',
      name: 'Hà Nội',
    };
    const daNang = {
      id: referenceUnitId('current', 'province', '48'),
      path: 'vn.p48',
      code: '48',
      name: 'Đà Nẵng',
    };
    const officer = await seedUser(database.db, { role: 'province_admin', scope: [haNoi] });
    const other = await seedUser(database.db, { role: 'province_admin', scope: [daNang] });
    client = new TestClient(app);
    await client.login(officer.username, officer.password);
    outsider = new TestClient(app);
    await outsider.login(other.username, other.password);
    const admin = await seedUser(database.db, {
      role: 'system_admin',
      scope: [{ id: COUNTRY_ID, path: 'vn', code: 'VN', name: 'VN' }],
    });
    national = new TestClient(app);
    await national.login(admin.username, admin.password);
  });

  test('a 2008 commune code returns its 2025 successor with the merge type', async () => {
    // Phường Phúc Xá (00001, Ba Đình district) went wholly into Phường Hồng Hà (00097).
    const response = await client.get('/api/org-units/lookup?code=00001');
    expect(response.status).toBe(200);
    const old = response.body.items.find((i: any) => i.unit.generation === 'y2008');
    expect(old.unit).toMatchObject({
      fullName: 'Phường Phúc Xá',
      status: 'historical',
      validTo: '2025-06-30',
    });
    expect(old.successors).toEqual([
      expect.objectContaining({
        mergeType: 'full',
        effectiveDate: '2025-07-01',
        unit: expect.objectContaining({ code: '00097', fullName: 'Phường Hồng Hà' }),
      }),
    ]);
  });

  test('a commune split across new communes lists every successor as partial', async () => {
    const partial = await database.db
      .selectFrom('org_unit_successor as l')
      .innerJoin('org_unit as o', 'o.id', 'l.predecessor_id')
      .select(['o.code', 'o.path'])
      .where('l.merge_type', '=', 'partial')
      .where('o.level', '=', 'commune')
      .orderBy('o.code')
      .executeTakeFirstOrThrow();
    const response = await national.get(`/api/org-units/lookup?code=${partial.code}`);
    const old = response.body.items.find((i: any) => i.unit.generation === 'y2008');
    expect(old.successors.length).toBeGreaterThan(0);
    expect(old.successors.some((s: any) => s.mergeType === 'partial')).toBe(true);
  });

  test('old units of another province stay hidden', async () => {
    const response = await outsider.get('/api/org-units/lookup?code=00001');
    expect(response.body.items.filter((i: any) => i.unit.generation === 'y2008')).toEqual([]);
  });

  test('tone-insensitive search: "hoa binh" finds "Hòa Bình" and "Hoà Bình"', async () => {
    const response = await national.get('/api/org-units?search=hoa%20binh&pageSize=200');
    expect(response.status).toBe(200);
    const names: string[] = response.body.items.map((u: any) => u.name);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names)
      expect(
        name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase(),
      ).toContain('hoa binh');
    expect(names).toEqual(expect.arrayContaining(['Hoà Bình']));
    // History is included only when asked for.
    expect(response.body.items.every((u: any) => u.generation !== 'y2008')).toBe(true);
    const withHistory = await national.get(
      '/api/org-units?search=hoa%20binh&includeHistory=true&pageSize=200',
    );
    expect(withHistory.body.total).toBeGreaterThan(response.body.total);
  });
});
