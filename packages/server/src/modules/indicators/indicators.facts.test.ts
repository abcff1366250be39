import { newId } from '@treem/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedUser } from '../../testing/factories.ts';
import { indicatorTestApp, type IndicatorFixture } from '../../testing/indicatorFixture.ts';
import type { TestApp } from '../../testing/testApp.ts';
import { computedIndicators, parsePeriod, type Disaggregation } from '@treem/shared';
import { computeCounts, type EngineRow } from './engine.ts';
import { FACT_VERSION, oldestPeriodEnd, refreshIndicatorFacts } from './factTable.ts';
import { tallyPeriods } from './tallies.ts';

/**
 * The per-child facts the engine counts (factTable.ts, migration 0018) stay current: a write to any record table,
 * by any path (here straight SQL, as the import and the generators write), reaches the next count, and undoing it
 * brings the count back. The counts before each write are indicators.engine.test.ts's, worked out by hand from
 * testing/indicatorFixture.ts (period 2025H2, ages on 31/12/2025).
 */

let t: TestApp;
let fixture: IndicatorFixture;
let officer: TestClient;

beforeAll(async () => {
  ({ t, fixture, officer } = await indicatorTestApp());
});
afterAll(() => t.close());

/** [numerator, denominator] of commune A and commune B. */
async function cells(code: string, period = '2025H2'): Promise<{ A: number[]; B: number[] }> {
  const query = new URLSearchParams({ unitId: fixture.province.id, period });
  const response = await officer.get(`/api/indicators/${code}/values?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const byName = Object.fromEntries(
    response.body.areas.map(
      (a: { unit: { name: string }; cell: { numerator: number; denominator: number } }) => [
        a.unit.name,
        [a.cell.numerator, a.cell.denominator],
      ],
    ),
  );
  return { A: byName['Xã An'], B: byName['Phường Bình'] };
}

const child = (key: string) => fixture.children[key]!;
const provinceCode = () => fixture.province.code;

async function staleCount(): Promise<number> {
  const row = await t.db
    .selectFrom('indicator_fact_stale')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type ChildTable =
  'school_enrolment' | 'circumstance_assignment' | 'at_risk_flag' | 'protection_case' | 'care_placement';

/** Sets columns on a child's rows of a record table, in straight SQL as an import or a generator writes. */
async function setFor(table: ChildTable, key: string, values: Record<string, unknown>): Promise<void> {
  await t.db
    .updateTable(table)
    .set(values as never)
    .where('province_code', '=', provinceCode())
    .where('person_id', '=', child(key))
    .execute();
}

/** The cell of one commune for an indicator, 2025H2. */
async function cell(code: string, commune: 'A' | 'B'): Promise<number[]> {
  return (await cells(code))[commune];
}

describe('a write to any record table reaches the next count', () => {
  test('growth measurements: insert, update, delete', async () => {
    expect((await cells('NPA-04a')).A).toEqual([1, 3]);
    // a3 (54 months) was weighed in May only; now also on 01/12, severely underweight.
    const id = newId();
    await t.db
      .insertInto('growth_measurement')
      .values({
        province_code: provinceCode(),
        id,
        person_id: child('a3'),
        measured_on: '2025-12-01',
        weight_kg: 11,
        scored_sex: 'female',
        scored_birth_date: '2021-06-01',
        scored_birth_precision: 'day',
        underweight: 'severe',
        malnourished: true,
        f_wfa: false,
        f_lhfa: false,
        f_wflh: false,
        f_bmifa: false,
        f_hcfa: false,
        f_acfa: false,
      })
      .execute();
    expect(await staleCount()).toBe(1);
    expect((await cells('NPA-04a')).A).toEqual([2, 4]);
    expect(await staleCount()).toBe(0);
    await t.db.updateTable('growth_measurement').set({ underweight: 'none' }).where('id', '=', id).execute();
    expect((await cells('NPA-04a')).A).toEqual([1, 4]);
    await t.db.deleteFrom('growth_measurement').where('id', '=', id).execute();
    expect((await cells('NPA-04a')).A).toEqual([1, 3]);
  });

  test('doses: a measles dose moved before the first birthday, then deleted', async () => {
    // a10 (born 02/10/2024) had measles on 05/10/2025, after the first birthday.
    expect((await cells('NPA-05a')).A).toEqual([1, 2]);
    const where = { province_code: provinceCode(), person_id: child('a10'), vaccine_code: 'measles' };
    await t.db
      .updateTable('immunization_dose')
      .set({ given_on: '2025-09-20' })
      .where((eb) => eb.and(where))
      .execute();
    expect((await cells('NPA-05a')).A).toEqual([2, 2]);
    await t.db
      .deleteFrom('immunization_dose')
      .where((eb) => eb.and(where))
      .execute();
    expect((await cells('NPA-05a')).A).toEqual([1, 2]);
  });

  test('screenings: a later screening on track', async () => {
    expect(await cell('NPA-15', 'A')).toEqual([1, 2]);
    const id = newId();
    await t.db
      .insertInto('development_screening')
      .values({
        province_code: provinceCode(),
        id,
        person_id: child('a12'),
        screened_on: '2025-10-01',
        tool: 'checklist',
        domains: ['motor'],
        result: 'on_track',
      })
      .execute();
    expect(await cell('NPA-15', 'A')).toEqual([2, 2]);
    await t.db.deleteFrom('development_screening').where('id', '=', id).execute();
    expect(await cell('NPA-15', 'A')).toEqual([1, 2]);
  });

  test('enrolment: last school year corrected to this one', async () => {
    expect(await cell('NPA-16', 'A')).toEqual([1, 2]);
    await setFor('school_enrolment', 'a5', { school_year: '2025-2026' });
    expect(await cell('NPA-16', 'A')).toEqual([2, 2]);
    await setFor('school_enrolment', 'a5', { school_year: '2024-2025' });
    expect(await cell('NPA-16', 'A')).toEqual([1, 2]);
  });

  test('service contacts: a care service', async () => {
    expect(await cell('ECD-CARE', 'B')).toEqual([0, 6]);
    const id = newId();
    await t.db
      .insertInto('ecd_service_contact')
      .values({
        province_code: provinceCode(),
        id,
        person_id: child('b1'),
        service_code: 'parenting_session',
        domain: 'care',
        received_on: '2025-12-31',
      })
      .execute();
    expect(await cell('ECD-CARE', 'B')).toEqual([1, 6]);
    await t.db.deleteFrom('ecd_service_contact').where('id', '=', id).execute();
    expect(await cell('ECD-CARE', 'B')).toEqual([0, 6]);
  });

  test('circumstances and at-risk flags: an end date removed, then put back', async () => {
    expect((await cells('NPA-08a')).B).toEqual([1, 8]);
    await setFor('circumstance_assignment', 'b4', { valid_to: null });
    expect((await cells('NPA-08a')).B).toEqual([2, 8]);
    await setFor('circumstance_assignment', 'b4', { valid_to: '2025-12-31' });
    expect((await cells('NPA-08a')).B).toEqual([1, 8]);

    // b7 is at risk and followed by a case; the flag ended in June: no longer at risk on 31/12.
    expect(await cell('CP-03', 'B')).toEqual([1, 2]);
    await setFor('at_risk_flag', 'b7', { valid_to: '2025-06-01' });
    expect(await cell('CP-03', 'B')).toEqual([0, 1]);
    await setFor('at_risk_flag', 'b7', { valid_to: null });
    expect(await cell('CP-03', 'B')).toEqual([1, 2]);
  });

  test('cases and their events: received in the period; a plan put in force', async () => {
    // b7's sexual-abuse case was received in March: moved to August, it counts for H2.
    expect(await cell('NPA-09', 'B')).toEqual([0, 8]);
    await setFor('protection_case', 'b7', { received_at: new Date('2025-08-01T03:00:00Z') });
    expect(await cell('NPA-09', 'B')).toEqual([1, 8]);
    await setFor('protection_case', 'b7', { received_at: new Date('2025-03-01T02:00:00Z') });
    expect(await cell('NPA-09', 'B')).toEqual([0, 8]);

    // a6 (special circumstances) has a case being assessed: its plan put in force in September supports them.
    expect((await cells('NPA-08b')).A).toEqual([1, 2]);
    const a6Case = await t.db
      .selectFrom('protection_case')
      .select('id')
      .where('province_code', '=', provinceCode())
      .where('person_id', '=', child('a6'))
      .executeTakeFirstOrThrow();
    const eventId = newId();
    await t.db
      .insertInto('case_event')
      .values({
        province_code: provinceCode(),
        id: eventId,
        case_id: a6Case.id,
        at: new Date('2025-09-01T03:00:00Z'),
        kind: 'action',
        from_step: 'awaiting_approval',
        to_step: 'implementing',
        data: '{}',
      })
      .execute();
    expect((await cells('NPA-08b')).A).toEqual([2, 2]);
    await t.db.deleteFrom('case_event').where('id', '=', eventId).execute();
    expect((await cells('NPA-08b')).A).toEqual([1, 2]);
  });

  test('referrals: answered for a case, counted for the case’s child', async () => {
    const a6Case = await t.db
      .selectFrom('protection_case')
      .select(['id', 'commune_id', 'org_path'])
      .where('province_code', '=', provinceCode())
      .where('person_id', '=', child('a6'))
      .executeTakeFirstOrThrow();
    const providerId = newId();
    await t.db
      .insertInto('service_provider')
      .values({
        province_code: provinceCode(),
        id: providerId,
        owner_unit_id: fixture.province.id,
        org_path: fixture.province.path,
        name: 'Trung tâm Công tác xã hội Thử',
        name_search: 'trung tam cong tac xa hoi thu',
        sector: 'social_work_centre',
        level: 'province',
        services: ['counselling'],
      })
      .execute();
    const worker = await seedUser(t.db, { role: 'commune_worker', scope: [fixture.communeA] });
    const referralId = newId();
    await t.db
      .insertInto('referral')
      .values({
        province_code: provinceCode(),
        id: referralId,
        case_id: a6Case.id,
        person_id: null,
        org_path: a6Case.org_path,
        provider_id: providerId,
        service_code: 'counselling',
        reason: 'Tư vấn tâm lý',
        urgency: 'routine',
        consent_noted: true,
        status: 'accepted',
        sent_at: new Date('2025-09-01T03:00:00Z'),
        sent_by: worker.id,
        response_due_at: new Date('2025-09-08T03:00:00Z'),
        responded_at: new Date('2025-09-02T03:00:00Z'),
      } as never)
      .execute();
    expect((await cells('NPA-08b')).A).toEqual([2, 2]);
    // Completed before the period: no support in it.
    await t.db
      .updateTable('referral')
      .set({
        status: 'completed',
        responded_at: new Date('2025-03-02T03:00:00Z'),
        completed_at: new Date('2025-06-01T03:00:00Z'),
      } as never)
      .where('id', '=', referralId)
      .execute();
    expect((await cells('NPA-08b')).A).toEqual([1, 2]);
    await t.db.deleteFrom('referral').where('id', '=', referralId).execute();
    expect((await cells('NPA-08b')).A).toEqual([1, 2]);
  });

  test('alternative care: a placement that ended before the period', async () => {
    expect((await cells('NPA-08b')).B).toEqual([1, 1]);
    await setFor('care_placement', 'b8', { status: 'terminated', terminated_on: '2025-06-01' });
    expect((await cells('NPA-08b')).B).toEqual([0, 1]);
    await setFor('care_placement', 'b8', { status: 'placed', terminated_on: null });
    expect((await cells('NPA-08b')).B).toEqual([1, 1]);
  });

  test('the register: a move, a death, a new child and its deletion', async () => {
    expect(await cells('TT13-CHILDREN')).toEqual({ A: [10, 10], B: [8, 8] });
    const a1 = { province_code: provinceCode(), id: child('a1') };
    const before = await t.db
      .selectFrom('person')
      .select(['org_path', 'village_id'])
      .where((eb) => eb.and(a1))
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('person')
      .set({ org_path: fixture.villageB1.path, village_id: fixture.villageB1.id })
      .where((eb) => eb.and(a1))
      .execute();
    expect(await cells('TT13-CHILDREN')).toEqual({ A: [9, 9], B: [9, 9] });
    await t.db
      .updateTable('person')
      .set(before)
      .where((eb) => eb.and(a1))
      .execute();
    const b3 = { province_code: provinceCode(), id: child('b3') };
    await t.db
      .updateTable('person')
      .set({ status: 'deceased', death_date: '2025-11-01' })
      .where((eb) => eb.and(b3))
      .execute();
    expect(await cells('TT13-CHILDREN')).toEqual({ A: [10, 10], B: [7, 7] });
    await t.db
      .updateTable('person')
      .set({ status: 'active', death_date: null })
      .where((eb) => eb.and(b3))
      .execute();

    const id = newId();
    await t.db
      .insertInto('person')
      .values({
        province_code: provinceCode(),
        id,
        village_id: fixture.villageB1.id,
        org_path: fixture.villageB1.path,
        full_name: 'Trẻ Mới Sinh',
        name_search: 'tre moi sinh',
        sex: 'female',
        birth_date: '2025-12-20',
      })
      .execute();
    expect(await cells('TT13-CHILDREN')).toEqual({ A: [10, 10], B: [9, 9] });
    // Deleted (as a register entry made by mistake is): its early-childhood summary goes first.
    await t.db.deleteFrom('ecd_child_summary').where('person_id', '=', id).execute();
    await t.db.deleteFrom('person').where('id', '=', id).execute();
    expect(await cells('TT13-CHILDREN')).toEqual({ A: [10, 10], B: [8, 8] });
    const row = await t.db
      .selectFrom('indicator_fact')
      .select('person_id')
      .where('person_id', '=', id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

test('rows built with other rules are all rebuilt before the next count', async () => {
  const expected = await cells('NPA-04a');
  // Rows lost or out of date, and the build marked as another version's: nothing is stale, yet all are rebuilt.
  await t.db.deleteFrom('indicator_fact').where('province_code', '=', provinceCode()).execute();
  await t.db
    .updateTable('indicator_fact_build')
    .set({ version: 'facts/0' })
    .where('province_code', '=', provinceCode())
    .execute();
  expect(await staleCount()).toBe(0);
  expect(await cells('NPA-04a')).toEqual(expected);
  const build = await t.db
    .selectFrom('indicator_fact_build')
    .select('version')
    .where('province_code', '=', provinceCode())
    .executeTakeFirstOrThrow();
  expect(build.version.startsWith(`${FACT_VERSION};`)).toBe(true);
  // Every child of the fixture has a row again, and nobody else.
  const rows = await t.db
    .selectFrom('indicator_fact')
    .select('person_id')
    .where('province_code', '=', provinceCode())
    .execute();
  expect(rows.map((r) => r.person_id).sort()).toEqual(Object.values(fixture.children).sort());
});

test('an adult of the register (a parent) gets no row, and a second refresh finds nothing to do', async () => {
  const id = newId();
  await t.db
    .insertInto('person')
    .values({
      province_code: provinceCode(),
      id,
      village_id: fixture.villageA1.id,
      org_path: fixture.villageA1.path,
      full_name: 'Mẹ Của Trẻ',
      name_search: 'me cua tre',
      sex: 'female',
      birth_date: '1985-03-03',
    })
    .execute();
  // Beyond the horizon, the trigger does not even mark them.
  expect(await staleCount()).toBe(0);
  await t.db.updateTable('person').set({ birth_date: '2015-03-03' }).where('id', '=', id).execute();
  expect(await refreshIndicatorFacts(t.db, provinceCode())).toBe(1);
  expect(await refreshIndicatorFacts(t.db, provinceCode())).toBe(0);
  // Corrected back to an adult: the row goes.
  await t.db.updateTable('person').set({ birth_date: '1985-03-03' }).where('id', '=', id).execute();
  expect(await refreshIndicatorFacts(t.db, provinceCode())).toBe(1);
  const row = await t.db
    .selectFrom('indicator_fact')
    .select('person_id')
    .where('person_id', '=', id)
    .executeTakeFirst();
  expect(row).toBeUndefined();
  await t.db.deleteFrom('ecd_child_summary').where('person_id', '=', id).execute();
  await t.db.deleteFrom('person').where('id', '=', id).execute();
});

test('a period older than the facts reach is refused with its own code', async () => {
  const today = (await sql<{ d: string }>`select current_date::text as d`.execute(t.db)).rows[0]!.d;
  const oldest = Number(oldestPeriodEnd(today).slice(0, 4));
  const query = new URLSearchParams({ unitId: fixture.province.id, period: String(oldest - 1) });
  const response = await officer.get(`/api/indicators/TT13-CHILDREN/values?${query}`);
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBe('PERIOD_BEFORE_FACTS');
  const fine = new URLSearchParams({ unitId: fixture.province.id, period: String(oldest + 1) });
  expect((await officer.get(`/api/indicators/TT13-CHILDREN/values?${fine}`)).status).toBe(200);
});

describe('the tallies answer as the facts do', () => {
  const sorted = (rows: EngineRow[]) =>
    [...rows].sort((a, b) =>
      `${a.area}${JSON.stringify(a.dims)}`.localeCompare(`${b.area}${JSON.stringify(b.dims)}`),
    );
  const breakdowns: Disaggregation[][] = [
    [],
    ['sex', 'age_group'],
    ['ethnicity_group', 'residence'],
    ['ethnicity', 'disability'],
  ];
  for (const period of ['2025H1', '2025H2', '2025', '2024']) {
    for (const by of breakdowns) {
      test(`${period} by ${by.join(' × ') || 'area'}: every computed indicator, every cell`, async () => {
        for (const unit of [fixture.province, fixture.communeA]) {
          const request = {
            provinceCode: provinceCode(),
            unitPath: unit.path,
            period: parsePeriod(period),
            indicators: computedIndicators,
            by,
          };
          const tallied = await computeCounts(t.db, request);
          const counted = await computeCounts(t.db, request, { tallies: false });
          expect(counted.length).toBeGreaterThan(0);
          expect(sorted(tallied)).toEqual(sorted(counted));
        }
      });
    }
  }

  test('only the tallied periods have tallies; a new year moves them without rebuilding the facts', async () => {
    const today = (await sql<{ d: string }>`select current_date::text as d`.execute(t.db)).rows[0]!.d;
    const periodsOf = async () =>
      (
        await sql<{ period: string }>`select distinct period from indicator_tally
          where province_code = ${provinceCode()} order by period`.execute(t.db)
      ).rows.map((r) => r.period);
    await refreshIndicatorFacts(t.db, provinceCode(), today);
    expect(await periodsOf()).toEqual(
      tallyPeriods(today)
        .map((p) => p.code)
        .sort(),
    );
    const request = {
      provinceCode: provinceCode(),
      unitPath: fixture.province.path,
      period: parsePeriod('2025H2'),
      indicators: computedIndicators,
      by: ['sex'] as Disaggregation[],
    };
    const before = await computeCounts(t.db, request, { tallies: false });
    const next = `${Number(today.slice(0, 4)) + 1}-01-15`;
    // No child is rebuilt: the facts are the same; the tallies are counted afresh for the new years.
    expect(await refreshIndicatorFacts(t.db, provinceCode(), next)).toBe(0);
    expect(await periodsOf()).toEqual(
      tallyPeriods(next)
        .map((p) => p.code)
        .sort(),
    );
    const sum = await sql<{ n: number }>`select coalesce(sum(counts[1]), 0)::int as n from indicator_tally
      where province_code = ${provinceCode()} and period = '2025H2'`.execute(t.db);
    expect(sum.rows[0]!.n).toBeGreaterThan(0);
    // Back to today's years (the next count would do it), and the answer is unchanged.
    await refreshIndicatorFacts(t.db, provinceCode(), today);
    expect(sorted(await computeCounts(t.db, request))).toEqual(sorted(before));
  });
});
