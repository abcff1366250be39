import { randomBytes } from 'node:crypto';
import { addDaysToPlainDate, addYears, type PlainDate } from '@treem/shared';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { refreshChildSummaries, refreshStaleSummaries } from '../modules/ecd/childSummary.ts';
import { rescoreMeasurements } from '../modules/ecd/rescore.ts';
import { testTarget } from '../testing/testDatabase.ts';
import { loadAdminUnits } from './adminUnits.ts';
import {
  ecdCommuneRows,
  generateEcdScaleChild,
  writeEcdScale,
  type EcdScaleChild,
  type EcdScaleReport,
} from './ecdScale.ts';
import { writeRegisterScale } from './registerScale.ts';

const TODAY: PlainDate = '2026-11-25';
const commune = { code: '00004', name: 'Ba Đình', index: 0 };

/** Children of every age from 0 to 8, one every `stepDays`. */
function children(count: number, stepDays = 1): EcdScaleChild[] {
  return Array.from({ length: count }, (_, i) => ({
    personId: `0197a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    sex: i % 2 === 0 ? 'male' : 'female',
    birthDate: addDaysToPlainDate(TODAY, -((i * stepDays) % 2920)),
    birthDatePrecision: 'day',
    villageId: `village-${i % 7}`,
    villageName: 'Thôn Đông',
    orgPath: `vn.p01.c00004.v${i % 7}`,
    nameSearch: `tre so ${i}`,
    caregiverId: i % 10 === 0 ? null : `0197a000-0000-7000-9000-${String(i).padStart(12, '0')}`,
    birthRegistered: i % 40 !== 0,
    schoolLevel: null,
    schoolName: null,
    poor: i % 11 === 0,
    specialCircumstance: i % 30 === 0,
  }));
}

describe('ECD scale generator (pure)', () => {
  const population = children(4000, 3);
  const rows = ecdCommuneRows(7, '01', commune, population, TODAY);

  test('is deterministic for a seed and changes with it', () => {
    const child = population[500]!;
    expect(generateEcdScaleChild(7, commune, child, TODAY)).toEqual(
      generateEcdScaleChild(7, commune, child, TODAY),
    );
    expect(generateEcdScaleChild(8, commune, child, TODAY)).not.toEqual(
      generateEcdScaleChild(7, commune, child, TODAY),
    );
    expect(ecdCommuneRows(7, '01', commune, population.slice(0, 50), TODAY)).toEqual(
      ecdCommuneRows(7, '01', commune, population.slice(0, 50), TODAY),
    );
  });

  test('every record lies between the birth and today, measurements at most 3 years back', () => {
    const birthOf = new Map(population.map((c) => [c.personId, c.birthDate]));
    const within = (person: unknown, date: unknown, from?: PlainDate) => {
      const birth = birthOf.get(person as string)!;
      return (date as string) >= birth && (date as string) <= TODAY && (!from || (date as string) >= from);
    };
    expect(rows.measurements.every((m) => within(m.person_id, m.measured_on, addYears(TODAY, -3)))).toBe(
      true,
    );
    expect(rows.doses.every((d) => within(d.person_id, d.given_on))).toBe(true);
    expect(rows.screenings.every((s) => within(s.person_id, s.screened_on))).toBe(true);
    expect(
      rows.contacts.every((c) => within(c.person_id, c.received_on, addDaysToPlainDate(TODAY, -365))),
    ).toBe(true);
  });

  test('rates: ≈ 4 measurements per child under 5, school health after 5, some malnourished', () => {
    const under5 = new Set(
      population.filter((c) => c.birthDate > addYears(TODAY, -5)).map((c) => c.personId),
    );
    const monitoring = rows.measurements.filter((m) => m.standard === 'WHO2006');
    const schoolHealth = rows.measurements.filter((m) => m.standard === 'WHO2007');
    // Under 5: quarterly to 2, half-yearly to 5, 70–80% attendance, the last 3 years.
    const perUnder5 = monitoring.filter((m) => under5.has(m.person_id as string)).length / under5.size;
    expect(perUnder5).toBeGreaterThan(4);
    expect(perUnder5).toBeLessThan(6.5);
    expect(schoolHealth.length).toBeGreaterThan(0);
    expect(schoolHealth.every((m) => (m.age_days as number) >= 1826 && m.position === 'standing')).toBe(true);
    const summaries = rows.summaries.filter((s) => under5.has(s.person_id as string) && s.last_measured_on);
    const malnourished = summaries.filter((s) => s.last_malnourished).length / summaries.length;
    expect(malnourished).toBeGreaterThan(0.05);
    expect(malnourished).toBeLessThan(0.2);
    // Flags and positions: a few measured in the other position, no implausible values.
    expect(rows.measurements.filter((m) => m.f_wfa || m.f_lhfa).length).toBeLessThan(
      rows.measurements.length / 100,
    );
  });

  test('doses: nearly every child over 1 has the 3rd 5-in-1; Td at 7 for most 7-year-olds', () => {
    const over1 = population.filter((c) => c.birthDate < addYears(TODAY, -1));
    const third = new Set(
      rows.doses
        .filter((d) => d.vaccine_code === 'dpt_hepb_hib' && d.dose_number === 3)
        .map((d) => d.person_id),
    );
    expect(third.size / over1.length).toBeGreaterThan(0.8);
    const sevenPlus = population.filter((c) => c.birthDate < addDaysToPlainDate(addYears(TODAY, -7), -60));
    const td = new Set(rows.doses.filter((d) => d.vaccine_code === 'td').map((d) => d.person_id));
    expect(sevenPlus.filter((c) => td.has(c.personId)).length / sevenPlus.length).toBeGreaterThan(0.8);
  });

  test('services in all six domains, parenting sessions given to the caregiver', () => {
    expect(new Set(rows.contacts.map((c) => c.domain))).toEqual(
      new Set(['health', 'education', 'nutrition', 'care', 'protection', 'social_welfare']),
    );
    const parenting = rows.contacts.filter((c) => c.service_code === 'parenting_session');
    expect(parenting.length).toBeGreaterThan(population.length * 0.2);
    expect(parenting.every((c) => c.caregiver_person_id !== null)).toBe(true);
    const screened = rows.screenings.length;
    expect(rows.screenings.filter((s) => s.result === 'needs_follow_up').length / screened).toBeGreaterThan(
      0.04,
    );
    expect(rows.screenings.every((s) => (s.result === 'needs_follow_up') === (s.follow_up_on !== null))).toBe(
      true,
    );
  });

  test('ids are UUIDv7, unique, and ascending in the order rows are written', () => {
    const ids = rows.measurements.map((m) => m.id as string);
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

// COPY FROM STDIN through pg-copy-streams needs a native PostgreSQL connection; PGlite has no wire protocol.
const onPostgres = testTarget() === 'postgres';

describe.skipIf(!onPostgres)('ECD scale writer (native PostgreSQL only: it writes through COPY)', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `treem_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let client: pg.Client;
  let database: Database;
  let report: EcdScaleReport;
  const lines: string[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    database = await openDatabase({ databaseUrl: url });
    await migrate(database.db);
    await loadAdminUnits(database.db);
    await writeRegisterScale({
      databaseUrl: url,
      provinceCode: '01',
      children: 3_000,
      communes: 3,
      villagesPerCommune: [2, 3],
      today: TODAY,
    });
    report = await writeEcdScale({
      databaseUrl: url,
      provinceCode: '01',
      communes: 3,
      today: TODAY,
      log: (line) => lines.push(line),
    });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await database?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const count = async (query: string, params: unknown[] = []) =>
    Number((await client.query<{ n: string }>(query, params)).rows[0]!.n);

  test('writes the counted rows, one summary per active child under 8 and none for older children', async () => {
    expect(report.communes).toBe(3);
    expect(report.communesKept).toBe(0);
    expect(lines.some((line) => line.startsWith('ECD commune 3/3'))).toBe(true);
    expect(await count(`select count(*) as n from growth_measurement`)).toBe(report.measurements);
    expect(await count(`select count(*) as n from immunization_dose`)).toBe(report.doses);
    expect(await count(`select count(*) as n from development_screening`)).toBe(report.screenings);
    expect(await count(`select count(*) as n from ecd_service_contact`)).toBe(report.contacts);
    expect(await count(`select count(*) as n from school_enrolment`)).toBe(report.enrolments);
    const under8 = await count(
      `select count(*) as n from person where status = 'active' and birth_date > $1`,
      [addYears(TODAY, -8)],
    );
    expect(report.summaries).toBe(under8);
    expect(await count(`select count(*) as n from ecd_child_summary`)).toBe(under8);
    expect(report.measurements).toBeGreaterThan(report.summaries * 1.5);
    expect(report.doses).toBeGreaterThan(report.summaries * 10);
    // A list refresh finds nothing to rebuild: every summary is what the server expects.
    const villages = await client.query<{ id: string }>(
      `select v.id from org_unit v join org_unit c on c.id = v.parent_id
        where c.generation = 'current' and c.level = 'commune' and c.province_code = '01'`,
    );
    const villageIds = villages.rows.map((v) => v.id);
    expect(villageIds.length).toBeGreaterThan(0);
    expect(await refreshStaleSummaries(database.db, { provinceCode: '01', villageIds })).toBe(0);
    // (It would rebuild a row marked stale.)
    await client.query(
      `update ecd_child_summary set stale = true where person_id = (select person_id from ecd_child_summary order by person_id limit 1)`,
    );
    expect(await refreshStaleSummaries(database.db, { provinceCode: '01', villageIds })).toBe(1);
  });

  test('stored scores are what rescoring computes: a rescore changes nothing', async () => {
    const result = await rescoreMeasurements(database.db, { provinceCode: '01', batchSize: 2_000 });
    expect(result.scored).toBe(report.measurements);
    expect(result.changed).toBe(0);
  });

  test('summaries are exactly what refreshChildSummaries stores', async () => {
    const sample = await client.query<{ province_code: string; person_id: string }>(
      `(select province_code, person_id from ecd_child_summary
         where last_measured_on is not null order by person_id limit 200)
       union all
       (select province_code, person_id from ecd_child_summary
         where last_measured_on is null order by person_id limit 100)
       union all
       (select province_code, person_id from ecd_child_summary
         where open_follow_up_on is not null order by person_id limit 50)`,
    );
    const columns = `province_code, person_id, summary_version, sex, birth_date, birth_date_precision,
      overdue_periods, due_periods, pending_doses, last_measured_on, last_malnourished, last_classification,
      org_path, village_id, name_search, status, stale, open_follow_up_on`;
    await client.query(`create table summary_written as select ${columns} from ecd_child_summary`);
    await client.query(
      `update ecd_child_summary set overdue_periods = '{}', due_periods = '{}', pending_doses = '[]',
         last_measured_on = null, last_malnourished = false, last_classification = null, name_search = '',
         stale = true, open_follow_up_on = null
        where person_id = any($1::uuid[])`,
      [sample.rows.map((r) => r.person_id)],
    );
    await database.db.transaction().execute((trx) =>
      refreshChildSummaries(
        trx,
        sample.rows.map((r) => ({ provinceCode: r.province_code, personId: r.person_id })),
      ),
    );
    const differing = await sql<{ person_id: string }>`
      select person_id from (
        select ${sql.raw(columns)} from ecd_child_summary
        except select ${sql.raw(columns)} from summary_written) d`.execute(database.db);
    expect(differing.rows).toEqual([]);
    // The sample is a real one: children with and without a measurement, some with an overdue period today.
    const kinds = await count(
      `select count(distinct (last_measured_on is null)) as n from ecd_child_summary
        where person_id = any($1::uuid[])`,
      [sample.rows.map((r) => r.person_id)],
    );
    expect(kinds).toBe(2);
    expect(
      await count(
        `select count(*) as n from ecd_child_summary where open_follow_up_on is not null and person_id = any($1::uuid[])`,
        [sample.rows.map((r) => r.person_id)],
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(`select count(*) as n from ecd_child_summary where overdue_periods @> $1::date`, [TODAY]),
    ).toBeGreaterThan(0);
    await client.query('drop table summary_written');
  });

  test('a second run keeps the communes that have records and writes nothing', async () => {
    const again = await writeEcdScale({ databaseUrl: url, provinceCode: '01', communes: 3, today: TODAY });
    expect(again.communesKept).toBe(3);
    expect(again.measurements).toBe(0);
    expect(await count(`select count(*) as n from growth_measurement`)).toBe(report.measurements);
  });

  test('refuses a province that is not loaded', async () => {
    await expect(writeEcdScale({ databaseUrl: url, provinceCode: '99' })).rejects.toThrow(
      /Province 99 not found/,
    );
  });
});
