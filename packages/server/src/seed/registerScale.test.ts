import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { testTarget } from '../testing/testDatabase.ts';
import { loadAdminUnits } from './adminUnits.ts';
import { writeRegisterScale, type RegisterScaleReport } from './registerScale.ts';

// COPY FROM STDIN through pg-copy-streams needs a native PostgreSQL connection; PGlite has no wire protocol.
const onPostgres = testTarget() === 'postgres';

describe.skipIf(!onPostgres)('register scale writer (native PostgreSQL only: it writes through COPY)', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `treem_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let client: pg.Client;
  let first: RegisterScaleReport;
  const lines: string[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    const database = await openDatabase({ databaseUrl: url });
    await migrate(database.db);
    await loadAdminUnits(database.db);
    await database.close();
    first = await writeRegisterScale({
      databaseUrl: url,
      provinceCode: '01',
      children: 3_000,
      communes: 3,
      villagesPerCommune: [2, 3],
      today: '2026-11-25',
      log: (line) => lines.push(line),
    });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const count = async (query: string, params: unknown[] = []) =>
    Number((await client.query<{ n: string }>(query, params)).rows[0]!.n);

  test('writes about the requested number of children into villages it creates', async () => {
    expect(first.communes).toBe(3);
    expect(first.villagesCreated).toBeGreaterThanOrEqual(6);
    expect(first.villagesCreated).toBeLessThanOrEqual(9);
    expect(first.children).toBeGreaterThan(2_700);
    expect(first.children).toBeLessThan(3_300);
    expect(await count(`select count(*) as n from household`)).toBe(first.households);
    expect(await count(`select count(*) as n from person`)).toBe(first.persons);
    expect(await count(`select count(*) as n from circumstance_assignment`)).toBe(first.circumstances);
    expect(await count(`select count(*) as n from at_risk_flag`)).toBe(first.flags);
    expect(
      await count(
        `select count(*) as n from person where birth_date > date '2026-11-25' - interval '16 years'`,
      ),
    ).toBe(first.children);
    expect(lines.some((line) => line.startsWith('commune 3/3'))).toBe(true);
  });

  test('every village of the communes has households, and rows carry the village path and province', async () => {
    const empty = await count(
      `select count(*) as n from org_unit v where v.generation = 'village'
         and not exists (select 1 from household h where h.village_id = v.id)`,
    );
    expect(empty).toBe(0);
    expect(
      await count(
        `select count(*) as n from person p join org_unit v on v.id = p.village_id
          where p.org_path <> v.path or p.province_code <> '01' or not p.org_path <@ 'vn.p01'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from person c join person m on m.id = c.mother_id
          where m.household_id <> c.household_id or m.sex <> 'female'`,
      ),
    ).toBe(0);
    expect(await count(`select count(*) as n from person where mother_id is not null`)).toBeGreaterThan(
      first.children / 2,
    );
  });

  test('runs ANALYZE at the end', async () => {
    const analyzed = await client.query<{ relname: string; last_analyze: Date | null }>(
      `select relname, last_analyze from pg_stat_user_tables where relname in ('household', 'person')`,
    );
    expect(analyzed.rows).toHaveLength(2);
    for (const row of analyzed.rows) expect(row.last_analyze).not.toBeNull();
  });

  test('a second run keeps the villages that have households and writes nothing', async () => {
    const again = await writeRegisterScale({
      databaseUrl: url,
      provinceCode: '01',
      children: 3_000,
      communes: 3,
      villagesPerCommune: [2, 3],
      today: '2026-11-25',
    });
    expect(again.villagesCreated).toBe(0);
    expect(again.villagesKept).toBe(first.villagesCreated);
    expect(again.persons).toBe(0);
    expect(await count(`select count(*) as n from person`)).toBe(first.persons);
  });

  test('refuses a province that is not loaded', async () => {
    await expect(writeRegisterScale({ databaseUrl: url, provinceCode: '99', children: 10 })).rejects.toThrow(
      /Province 99 not found/,
    );
  });
});
