import type { Role, Sector } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let otherCommune: SeedUnit;
let village: SeedUnit;
let foreignProvince: SeedUnit;
let foreignCommune: SeedUnit;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  otherCommune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  foreignProvince = await seedProvince(t.db);
  foreignCommune = await seedCommune(t.db, foreignProvince);
});
afterAll(() => t.close());

async function as(role: Role, scope: SeedUnit[], sector?: Sector): Promise<TestClient> {
  const user = await seedUser(t.db, { role, scope, ...(sector ? { sector } : {}) });
  const client = t.client();
  await client.login(user.username, user.password);
  return client;
}

const entryUrl = (unit: SeedUnit) => `/api/aggregate/units/${unit.id}/entry`;
const entry = (code: string, period = '2025') => ({ period, indicatorCode: code, ...body(code) });
/** Numbers every tested indicator takes as valid. */
const body = (code: string) =>
  code === 'NPA-13'
    ? { value: -5 }
    : code === 'NPA-17b'
      ? { numerator: 4 }
      : { numerator: 1, denominator: 1 };
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('aggregate_value')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('each sector enters its own indicators', () => {
  const cases: {
    who: string;
    role: Role;
    sector?: Sector;
    atProvince: boolean;
    code: string;
    ok: boolean;
  }[] = [
    { who: 'a health worker', role: 'health_worker', atProvince: false, code: 'NPA-03a', ok: true },
    { who: 'a health worker', role: 'health_worker', atProvince: false, code: 'NPA-07', ok: false },
    { who: 'a health worker', role: 'health_worker', atProvince: false, code: 'NPA-10', ok: false },
    { who: 'school staff', role: 'school_staff', atProvince: false, code: 'NPA-07', ok: true },
    { who: 'school staff', role: 'school_staff', atProvince: false, code: 'NPA-03a', ok: false },
    { who: 'a commune worker', role: 'commune_worker', atProvince: false, code: 'NPA-10', ok: true },
    { who: 'a commune worker', role: 'commune_worker', atProvince: false, code: 'NPA-21', ok: true },
    { who: 'a commune worker', role: 'commune_worker', atProvince: false, code: 'NPA-03b', ok: false },
    { who: 'a commune worker', role: 'commune_worker', atProvince: false, code: 'NPA-17b', ok: false },
    {
      who: 'a health officer',
      role: 'province_officer',
      sector: 'health',
      atProvince: true,
      code: 'NPA-06',
      ok: true,
    },
    {
      who: 'an education officer',
      role: 'province_officer',
      sector: 'education',
      atProvince: true,
      code: 'NPA-06',
      ok: false,
    },
    {
      who: 'an education officer',
      role: 'province_officer',
      sector: 'education',
      atProvince: false,
      code: 'NPA-19',
      ok: true,
    },
    {
      who: 'a culture officer',
      role: 'province_officer',
      sector: 'culture',
      atProvince: true,
      code: 'NPA-13',
      ok: true,
    },
    { who: 'the province admin', role: 'province_admin', atProvince: true, code: 'NPA-13', ok: true },
    { who: 'the province admin', role: 'province_admin', atProvince: true, code: 'NPA-06', ok: true },
    { who: 'the province admin', role: 'province_admin', atProvince: false, code: 'NPA-11a', ok: true },
  ];
  cases.forEach((c, index) => {
    test(`${c.who} ${c.ok ? 'enters' : 'may not enter'} ${c.code}`, async () => {
      const atProvince = c.atProvince || c.role === 'province_admin' || c.role === 'province_officer';
      const client = await as(c.role, [atProvince ? province : commune], c.sector);
      const unit = c.atProvince ? province : commune;
      const before = await count();
      // A period of its own: no case finds the cell another one filled.
      const response = await client.put(entryUrl(unit), entry(c.code, String(2000 + index)));
      if (c.ok) {
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        expect(await count()).toBe(before + 1);
      } else {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('AGGREGATE_NOT_YOUR_SECTOR');
        expect(await count()).toBe(before);
      }
    });
  });
});

describe('each indicator is entered at its level', () => {
  test('a province indicator is not entered by a commune, nor a commune indicator by the province or a village', async () => {
    const admin = await as('province_admin', [province]);
    const school = await as('school_staff', [commune]);
    const before = await count();
    for (const [client, unit, code] of [
      [admin, commune, 'NPA-06'],
      [admin, province, 'NPA-07'],
      [school, village, 'NPA-07'],
    ] as const) {
      const response = await client.put(entryUrl(unit), entry(code));
      expect(response.status, code).toBe(400);
      expect(response.body.error.code).toBe('AGGREGATE_WRONG_LEVEL');
    }
    expect(await count()).toBe(before);
  });
});

describe('scope', () => {
  test('a unit of another province, or another commune, is not found', async () => {
    const admin = await as('province_admin', [province]);
    const school = await as('school_staff', [commune]);
    const leader = await as('commune_leader', [commune]);
    const before = await count();
    const batch = { period: '2025', entries: [{ indicatorCode: 'NPA-07', ...body('NPA-07') }] };
    for (const [client, method, url, payload] of [
      [admin, 'PUT', entryUrl(foreignProvince), entry('NPA-13')],
      [admin, 'PUT', entryUrl(foreignCommune), entry('NPA-07')],
      [school, 'PUT', entryUrl(otherCommune), entry('NPA-07')],
      [school, 'PUT', `/api/aggregate/units/${foreignCommune.id}/entries`, batch],
      [admin, 'GET', `/api/aggregate/units/${foreignProvince.id}/entries?period=2025`, null],
      [school, 'GET', `/api/aggregate/units/${province.id}/entries?period=2025`, null],
      [
        school,
        'GET',
        `/api/aggregate/units/${otherCommune.id}/entry-history?period=2025&indicatorCode=NPA-07`,
        null,
      ],
      [leader, 'GET', `/api/aggregate/units/${foreignCommune.id}/locks`, null],
      [leader, 'POST', `/api/aggregate/units/${otherCommune.id}/locks`, { period: '2025' }],
    ] as const) {
      const response = payload === null ? await client.get(url) : await client.request(method, url, payload);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect(await count()).toBe(before);
  });

  test('roles that do not enter data are refused', async () => {
    const leader = await as('commune_leader', [commune]);
    const viewer = await as('viewer', [province]);
    for (const client of [leader, viewer]) {
      const response = await client.put(entryUrl(commune), entry('NPA-07'));
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
  });
});
