import { computedIndicators } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedUser } from '../../testing/factories.ts';
import { indicatorTestApp, type IndicatorFixture } from '../../testing/indicatorFixture.ts';
import type { TestApp } from '../../testing/testApp.ts';

/**
 * Every computed indicator on the hand-made province of testing/indicatorFixture.ts. The expected numbers are
 * worked out by hand from the fixture (the reasoning is in the comments and in the fixture's child list), never
 * by the engine. Period 2025H2: 01/07/2025 – 31/12/2025, ages on 31/12/2025.
 *
 * Commune A (rural): a1 33 m, a2 47 m, a3 54 m, a4 60 m, a5 69 m, a6 127 m, a9 15 m, a10 14 m, a11 31 m, a12 46 m
 * (a7 is 16, a8 died). Commune B (urban): b1 35 m, b2 48 m, b3 82 m, b4 107 m, b5 108 m, b6 6 m, b7 92 m, b8 142 m.
 */

let t: TestApp;
let fixture: IndicatorFixture;
let officer: TestClient;

beforeAll(async () => {
  ({ t, fixture, officer } = await indicatorTestApp());
});
afterAll(() => t.close());

type Expected = { A: [number, number]; B: [number, number] };

/** [numerator, denominator] per commune, 2025H2. */
const expectedH2: Record<string, Expected> = {
  // Children under 16 alive on 31/12/2025: A 10 (not a7, 16; not a8, died), B 8.
  'TT13-CHILDREN': { A: [10, 10], B: [8, 8] },
  // Under 5 with a weight-for-age class at their last weighing of H2: A a1 (moderate), a2, a11; a3 weighed in May;
  // a4 is 60 months. B b1, b2 (moderate).
  'NPA-04a': { A: [1, 3], B: [1, 2] },
  // a2: severe on 10/10 but normal on 11/10, the later one. b2 moderate.
  'NPA-04b': { A: [0, 3], B: [1, 2] },
  // a2's last weight-for-height class is 10/10's (11/10 had none). a11 overweight, b1 obese.
  'NPA-04c': { A: [1, 3], B: [1, 2] },
  'NUT-WASTING': { A: [0, 3], B: [1, 2] },
  // First birthday in H2: a9 (every dose before it), a10 (measles after it). None in B.
  'NPA-05a': { A: [1, 2], B: [0, 0] },
  // Under 5 with every due dose: only b6 (6 months, BCG and three 5-in-1 and OPV doses). a9 and a10 lack the
  // Japanese encephalitis doses due at 12 months; the others have no doses.
  'NPA-05b': { A: [0, 7], B: [1, 3] },
  // In a special-circumstance group on 31/12: a5, a6 (until 31/01/2026); b8. b4's group ended on 31/12.
  'NPA-08a': { A: [2, 10], B: [1, 8] },
  // a5 had a social-welfare service; a6's case is still being assessed; b8 is in alternative care.
  'NPA-08b': { A: [1, 2], B: [1, 1] },
  // a6: violence case received 15/08. b6's case was closed as unverified; b7's was received in March.
  'NPA-09': { A: [1, 10], B: [0, 8] },
  'TT13-ABUSED': { A: [1, 10], B: [0, 8] },
  'TT13-CSC': { A: [2, 10], B: [1, 8] },
  // At risk on 31/12: b6, b7. b7's case is open (plan in force); b6's was closed as unverified.
  'CP-03': { A: [0, 0], B: [1, 2] },
  // Under 5 registered by 31/12: a1 (a2 no, the rest unknown); b2 (b1 registered on 05/01/2026).
  'NPA-14': { A: [1, 7], B: [1, 3] },
  // Screened under 5: a11 (on track at the later screening), a12 (referred).
  'NPA-15': { A: [1, 2], B: [0, 0] },
  // Aged 5 (60–71 months): a4 in kindergarten in 2025-2026; a5 was in 2024-2025 only.
  'NPA-16': { A: [1, 2], B: [0, 0] },
  // 3–35 months: a1, a9, a10, a11; b1, b6 (in nursery).
  'TT13-NURSERY': { A: [0, 4], B: [1, 2] },
  // 36–71 months: a2, a3, a4, a5, a12 (a4, a12 in kindergarten); b2.
  'TT13-KINDERGARTEN': { A: [2, 5], B: [0, 1] },
  // Under 6: A 9 (a11 insured), B 3.
  'TT13-INSURANCE': { A: [1, 9], B: [0, 3] },
  'TT13-DISABILITY': { A: [1, 10], B: [0, 8] },
  // 0–8 (under 108 months): A 9 (not a6); reached in H2: a1, a2, a4 (weighed), a5 (social welfare), a10 (measles in
  // October), a11, a12 (screened) — not a3 (May), not a9 (doses before July). B 6 (b1, b2, b3, b4, b6, b7): b1, b2
  // weighed, b3 a health check, b6 doses and nursery.
  'NPA-02': { A: [7, 9], B: [4, 6] },
  'ECD-HEALTH': { A: [3, 9], B: [2, 6] },
  'ECD-NUTRITION': { A: [4, 9], B: [2, 6] },
  'ECD-EDUCATION': { A: [2, 9], B: [1, 6] },
  'ECD-CARE': { A: [0, 9], B: [0, 6] },
  'ECD-PROTECTION': { A: [0, 9], B: [0, 6] },
  'ECD-SOCIAL-WELFARE': { A: [1, 9], B: [0, 6] },
};

const factorOf = (code: string) =>
  code.startsWith('TT13-') &&
  !code.includes('NURSERY') &&
  !code.includes('KINDER') &&
  !code.includes('INSURANCE')
    ? null
    : 100;

async function values(code: string, unitId: string, period: string, by?: string) {
  const query = new URLSearchParams({ unitId, period, ...(by ? { by } : {}) });
  const response = await officer.get(`/api/indicators/${code}/values?${query}`);
  expect(response.status, `${code}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

test('the fixture covers every computed indicator of the catalogue', () => {
  expect(Object.keys(expectedH2).sort()).toEqual(computedIndicators.map((i) => i.code).sort());
});

describe('every computed indicator, 2025H2, by commune and rolled up to the province', () => {
  for (const [code, expected] of Object.entries(expectedH2)) {
    test(code, async () => {
      const result = await values(code, fixture.province.id, '2025H2');
      const byName = Object.fromEntries(
        result.areas.map((a: { unit: { name: string } }) => [a.unit.name, a]),
      );
      const areaA = byName['Xã An'];
      const areaB = byName['Phường Bình'];
      expect([areaA.cell.numerator, areaA.cell.denominator]).toEqual(expected.A);
      expect([areaB.cell.numerator, areaB.cell.denominator]).toEqual(expected.B);
      // The province is the sum of its communes' numerators over the sum of their denominators.
      const numerator = expected.A[0] + expected.B[0];
      const denominator = expected.A[1] + expected.B[1];
      expect([result.total.numerator, result.total.denominator]).toEqual([numerator, denominator]);
      const factor = factorOf(code);
      if (factor === null) expect(result.total.value).toBe(numerator);
      else if (denominator === 0) expect(result.total.value).toBeNull();
      else expect(result.total.value).toBeCloseTo((numerator / denominator) * factor, 10);
    });
  }
});

test('a commune breaks down into its villages', async () => {
  const result = await values('NPA-04a', fixture.communeA.id, '2025H2');
  const cells = Object.fromEntries(
    result.areas.map((a: { unit: { name: string }; cell: { numerator: number; denominator: number } }) => [
      a.unit.name,
      [a.cell.numerator, a.cell.denominator],
    ]),
  );
  // Village An Một: a1 (underweight), a2. Village An Hai: a11.
  expect(cells).toEqual({ 'An Một': [1, 2], 'An Hai': [0, 1] });
  expect([result.total.numerator, result.total.denominator]).toEqual([1, 3]);
  const village = await values('NPA-04a', fixture.villageA1.id, '2025H2');
  expect([village.total.numerator, village.total.denominator]).toEqual([1, 2]);
  expect(village.areas).toEqual([]);
});

test('the year counts records of the whole year', async () => {
  // 2025: a3's severe underweight of May counts (54 months on 31/12).
  const underweight = await values('NPA-04a', fixture.province.id, '2025');
  expect([underweight.total.numerator, underweight.total.denominator]).toEqual([3, 6]);
  // 2025: b7's sexual-abuse case of March counts.
  const abused = await values('NPA-09', fixture.province.id, '2025');
  expect([abused.total.numerator, abused.total.denominator]).toEqual([2, 18]);
});

test('completeness: the share of the population with the data the number needs', async () => {
  // NPA-04a: 5 of the 10 children under 5 weighed in H2.
  expect((await values('NPA-04a', fixture.province.id, '2025H2')).total.completeness).toBeCloseTo(5 / 10, 10);
  // NPA-14: registration known (yes or no) for a1, a2, b1, b2 of 10.
  expect((await values('NPA-14', fixture.province.id, '2025H2')).total.completeness).toBeCloseTo(4 / 10, 10);
  // A count of every child has no completeness to report.
  expect((await values('TT13-CHILDREN', fixture.province.id, '2025H2')).total.completeness).toBeNull();
});

describe('disaggregations', () => {
  const rows = (result: {
    breakdown: { dims: Record<string, string>; cell: { numerator: number; denominator: number } }[];
  }) =>
    Object.fromEntries(
      result.breakdown.map((row) => [
        Object.values(row.dims).join('|'),
        [row.cell.numerator, row.cell.denominator],
      ]),
    );

  test('underweight by sex: girls a1 (underweight), a11, b1; boys a2, b2 (underweight)', async () => {
    expect(rows(await values('NPA-04a', fixture.province.id, '2025H2', 'sex'))).toEqual({
      female: [1, 3],
      male: [1, 2],
    });
  });

  test('underweight by age group: 0–2 a1, a11, b1; 3–5 a2, b2', async () => {
    expect(rows(await values('NPA-04a', fixture.province.id, '2025H2', 'age_group'))).toEqual({
      '0-2': [1, 3],
      '3-5': [1, 2],
    });
  });

  test('underweight by sex × age group', async () => {
    // Every combination with children in the population shows, weighed or not: a3 (girl, 3–5) was weighed in
    // May only; a9, a10 and b6 (boys, 0–2) were not weighed.
    expect(rows(await values('NPA-04a', fixture.province.id, '2025H2', 'sex,age_group'))).toEqual({
      'female|0-2': [1, 3],
      'female|3-5': [0, 0],
      'male|0-2': [0, 0],
      'male|3-5': [1, 2],
    });
  });

  test('overweight by residence: the commune is rural, the ward urban', async () => {
    expect(rows(await values('NPA-04c', fixture.province.id, '2025H2', 'residence'))).toEqual({
      rural: [1, 3],
      urban: [1, 2],
    });
  });

  test('ECD reach by Kinh / ethnic minority: a2 is Tày', async () => {
    expect(rows(await values('NPA-02', fixture.province.id, '2025H2', 'ethnicity_group'))).toEqual({
      kinh: [10, 14],
      minority: [1, 1],
    });
  });

  test('children in special circumstances supported, by group; areas still count each child once', async () => {
    const result = await values('NPA-08b', fixture.province.id, '2025H2', 'circumstance_group');
    // `none`: the children under 16 in no group, outside this indicator's denominator.
    expect(rows(result)).toEqual({ a: [0, 1], b: [1, 1], c: [1, 1], none: [0, 0] });
    expect([result.total.numerator, result.total.denominator]).toEqual([2, 3]);
  });

  test('a disaggregation the indicator does not allow is refused', async () => {
    const response = await officer.get(
      `/api/indicators/NPA-09/values?unitId=${fixture.province.id}&period=2025H2&by=circumstance_group`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('DISAGGREGATION_NOT_ALLOWED');
  });
});

describe('lineage: the children behind each number', () => {
  async function lineage(client: TestClient, code: string, unitId: string, part: string, extra = '') {
    const response = await client.get(
      `/api/indicators/${code}/lineage?unitId=${unitId}&period=2025H2&part=${part}&pageSize=200${extra}`,
    );
    expect(response.status, `${code} ${part}: ${JSON.stringify(response.body)}`).toBe(200);
    return response.body;
  }

  test('for every computed indicator, as many children as the numerator and the denominator', async () => {
    for (const [code, expected] of Object.entries(expectedH2)) {
      const numerator = await lineage(officer, code, fixture.province.id, 'numerator');
      const denominator = await lineage(officer, code, fixture.province.id, 'denominator');
      expect(numerator.total, code).toBe(expected.A[0] + expected.B[0]);
      expect(numerator.items.length, code).toBe(expected.A[0] + expected.B[0]);
      expect(denominator.total, code).toBe(expected.A[1] + expected.B[1]);
      expect(numerator.hidden, code).toBe(0);
    }
  });

  test('names the children, for a commune and a disaggregation cell', async () => {
    const ids = (body: { items: { personId: string }[] }) => body.items.map((i) => i.personId).sort();
    const c = fixture.children;
    expect(ids(await lineage(officer, 'NPA-04a', fixture.province.id, 'numerator'))).toEqual(
      [c.a1, c.b2].sort(),
    );
    expect(ids(await lineage(officer, 'NPA-04a', fixture.communeA.id, 'denominator'))).toEqual(
      [c.a1, c.a2, c.a11].sort(),
    );
    expect(ids(await lineage(officer, 'NPA-04a', fixture.province.id, 'denominator', '&sex=female'))).toEqual(
      [c.a1, c.a11, c.b1].sort(),
    );
    const detail = await lineage(officer, 'NPA-04a', fixture.communeA.id, 'numerator');
    expect(detail.items[0].detail).toBe('Z-score CN/T -2,5 (01/09/2025)');
    expect(detail.items[0].inNumerator).toBe(true);
  });

  test('children of protection cases are listed only to readers of the case', async () => {
    const health = await seedUser(t.db, { role: 'health_worker', scope: [fixture.communeA] });
    const client = t.client();
    await client.login(health.username, health.password);
    const hiddenList = await lineage(client, 'NPA-09', fixture.communeA.id, 'numerator');
    expect(hiddenList.total).toBe(0);
    expect(hiddenList.hidden).toBe(1);
    const denominator = await lineage(client, 'NPA-09', fixture.communeA.id, 'denominator');
    expect(denominator.total).toBe(9);
    expect(denominator.items.map((i: { personId: string }) => i.personId)).not.toContain(fixture.children.a6);
  });

  test('pages through the list', async () => {
    const first = await officer.get(
      `/api/indicators/TT13-CHILDREN/lineage?unitId=${fixture.province.id}&period=2025H2&page=1&pageSize=5`,
    );
    const fourth = await officer.get(
      `/api/indicators/TT13-CHILDREN/lineage?unitId=${fixture.province.id}&period=2025H2&page=4&pageSize=5`,
    );
    expect(first.body.items).toHaveLength(5);
    expect(fourth.body.items).toHaveLength(3);
    expect(first.body.total).toBe(18);
  });

  test('exports the list as a spreadsheet and as CSV', async () => {
    const csv = await officer.get(
      `/api/indicators/NPA-04a/lineage/export?unitId=${fixture.province.id}&period=2025H2&part=denominator&format=csv`,
    );
    expect(csv.status).toBe(200);
    const lines = String(csv.raw.body).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('Họ và tên');
    const xlsx = await officer.get(
      `/api/indicators/NPA-04a/lineage/export?unitId=${fixture.province.id}&period=2025H2&part=numerator`,
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.headers['content-type']).toContain('spreadsheetml');
  });

  test('an aggregate indicator has no children to list', async () => {
    const response = await officer.get(
      `/api/indicators/NPA-03a/lineage?unitId=${fixture.province.id}&period=2025`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INDICATOR_NOT_COMPUTED');
  });
});

describe('scope', () => {
  test('a unit outside the caller’s scope is not found', async () => {
    const worker = await seedUser(t.db, { role: 'commune_worker', scope: [fixture.communeB] });
    const client = t.client();
    await client.login(worker.username, worker.password);
    for (const url of [
      `/api/indicators/NPA-04a/values?unitId=${fixture.communeA.id}&period=2025H2`,
      `/api/indicators/NPA-04a/lineage?unitId=${fixture.communeA.id}&period=2025H2`,
      `/api/indicators/overview?unitId=${fixture.province.id}&period=2025H2`,
    ]) {
      const response = await client.get(url);
      expect(response.status, url).toBe(404);
    }
    const own = await client.get(
      `/api/indicators/NPA-04a/values?unitId=${fixture.communeB.id}&period=2025H2`,
    );
    expect([own.body.total.numerator, own.body.total.denominator]).toEqual([1, 2]);
  });
});

test('the overview computes the whole computed catalogue in one query, equal to each indicator alone', async () => {
  const response = await officer.get(`/api/indicators/overview?unitId=${fixture.province.id}&period=2025H2`);
  expect(response.status).toBe(200);
  for (const [code, expected] of Object.entries(expectedH2)) {
    const item = response.body.items.find((i: { code: string }) => i.code === code);
    expect([item.cell.numerator, item.cell.denominator], code).toEqual([
      expected.A[0] + expected.B[0],
      expected.A[1] + expected.B[1],
    ]);
  }
});
