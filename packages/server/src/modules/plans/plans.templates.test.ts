import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

/**
 * Loading each seed plan as a template reproduces it exactly: every target's code, text, unit, direction,
 * comparator and every value object, and every activity — checked against the JSON files themselves
 * (data/plans/*.json, copies of shared/data/plans).
 */

const dataDir = fileURLToPath(new URL('../../../data/plans/', import.meta.url));
const sharedDir = fileURLToPath(new URL('../../../../../../shared/data/plans/', import.meta.url));
const files = [
  'ha-noi-child-protection-2016-2020.json',
  'ha-noi-ecd-2019-2025.json',
  'hai-duong-npa-2021-2030.json',
  'kon-tum-ecd-2018-2025.json',
  'thanh-hoa-commune-ecd-2024.json',
];

interface JsonValue {
  year: number;
  value: number | boolean;
  comparator?: string;
  group?: string;
  implied?: boolean;
  to_year?: number;
  value_max?: number;
}
interface JsonTarget {
  code: string;
  text: string;
  unit: string;
  direction: string;
  comparator: string | null;
  values: JsonValue[];
  disaggregation: string[];
}
interface JsonActivity {
  code: string;
  title: string;
  kind: string;
  lead: string | null;
  partners: string[];
  details: string[];
}
interface JsonPlan {
  code: string;
  title: string;
  document_number: string | null;
  issued_by: string;
  issued_date: string | null;
  legal_basis: string[];
  admin_level: 'province' | 'commune';
  period: { start: number; end: number };
  targets: JsonTarget[];
  activities: JsonActivity[];
  agencies: unknown[];
  funding_sources: string[];
}

const readPlan = (file: string): JsonPlan =>
  (JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as { plan: JsonPlan }).plan;

/** The API spells the file's `to_year` and `value_max` in camel case; every other key is the file's. */
function apiValue(value: JsonValue): Record<string, unknown> {
  const { to_year, value_max, ...rest } = value;
  return {
    ...rest,
    ...(to_year !== undefined ? { toYear: to_year } : {}),
    ...(value_max !== undefined ? { valueMax: value_max } : {}),
  };
}

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let officer: TestClient;
let worker: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Hải Dương' });
  commune = await seedCommune(t.db, province, { name: 'Thành Hòa' });
  officer = await signedIn(t, 'province_officer', [province]);
  worker = await signedIn(t, 'commune_worker', [commune]);
});
afterAll(() => t.close());

test('the templates shipped with the server are the shared seed plans, unchanged', () => {
  if (!fs.existsSync(sharedDir)) return;
  for (const file of [...files, 'README.md'])
    expect(fs.readFileSync(path.join(dataDir, file), 'utf8'), file).toBe(
      fs.readFileSync(path.join(sharedDir, file), 'utf8'),
    );
});

test('the five templates are listed with their level, period and counts', async () => {
  const response = await worker.get('/api/plan-templates');
  expect(response.status).toBe(200);
  const rows = response.body.items.map(
    (item: Record<string, unknown>) =>
      `${String(item.code)} ${String(item.level)} ${String(item.periodStart)}-${String(item.periodEnd)} ` +
      `${String(item.targetCount)}/${String(item.activityCount)}/${String(item.agencyCount)}`,
  );
  // As data/plans/README.md lists them.
  expect(rows).toEqual([
    'ha-noi-child-protection-2016-2020 province 2016-2020 6/9/13',
    'ha-noi-ecd-2019-2025 province 2019-2025 3/8/10',
    'hai-duong-npa-2021-2030 province 2021-2030 34/8/14',
    'kon-tum-ecd-2018-2025 province 2018-2025 5/10/9',
    'thanh-hoa-commune-ecd-2024 commune 2024-2024 0/4/7',
  ]);
  const one = await worker.get('/api/plan-templates/hai-duong-npa-2021-2030');
  expect(one.status).toBe(200);
  expect(one.body).toMatchObject({ documentNumber: '2716/KH-UBND', issuedDate: '2021-07-27' });
  expect(one.body.targets).toHaveLength(34);
  expect((await worker.get('/api/plan-templates/no-such-plan')).status).toBe(404);
});

describe.each(files)('loading %s', (file) => {
  const json = readPlan(file);
  let plan: Record<string, any>;

  beforeAll(async () => {
    const client = json.admin_level === 'province' ? officer : worker;
    const unit = json.admin_level === 'province' ? province : commune;
    const created = await client.post('/api/plans/from-template', {
      unitId: unit.id,
      templateCode: json.code,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Read back from the database, not the creating call's answer.
    const read = await client.get(`/api/plans/${created.body.id}`);
    expect(read.status).toBe(200);
    plan = read.body;
  });

  test('reproduces every target exactly', () => {
    expect(plan.targets).toHaveLength(json.targets.length);
    json.targets.forEach((expected, index) => {
      const target = plan.targets[index];
      expect(
        {
          code: target.code,
          text: target.text,
          unit: target.unit,
          direction: target.direction,
          comparator: target.comparator,
          disaggregation: target.disaggregation,
        },
        expected.code,
      ).toEqual({
        code: expected.code,
        text: expected.text,
        unit: expected.unit,
        direction: expected.direction,
        comparator: expected.comparator,
        disaggregation: expected.disaggregation,
      });
      // Exactly the file's keys: no key added (not even as undefined), none lost.
      expect(target.values, expected.code).toStrictEqual(expected.values.map(apiValue));
    });
  });

  test('reproduces every activity and the header', () => {
    expect(
      plan.activities.map((a: Record<string, unknown>) => ({
        code: a.code,
        title: a.title,
        kind: a.kind,
        lead: a.lead,
        partners: a.partners,
        details: a.details,
        status: a.status,
      })),
    ).toEqual(
      json.activities.map((a) => ({
        code: a.code,
        title: a.title,
        kind: a.kind,
        lead: a.lead,
        partners: a.partners,
        details: a.details,
        status: 'planned',
      })),
    );
    expect(plan).toMatchObject({
      title: json.title,
      documentNumber: json.document_number,
      issuedBy: json.issued_by,
      issuedDate: json.issued_date,
      legalBasis: json.legal_basis,
      periodStart: json.period.start,
      periodEnd: json.period.end,
      fundingSources: json.funding_sources,
      status: 'draft',
      templateCode: json.code,
    });
    expect(plan.agencies).toHaveLength(json.agencies.length);
  });

  test('every target can be saved unchanged: the templates keep the editing rules', async () => {
    const client = json.admin_level === 'province' ? officer : worker;
    for (const target of plan.targets) {
      const saved = await client.put(`/api/plan-targets/${target.id}`, {
        code: target.code,
        text: target.text,
        en: target.en,
        measure: target.measure,
        unit: target.unit,
        direction: target.direction,
        comparator: target.comparator,
        values: target.values,
        disaggregation: target.disaggregation,
        population: target.population,
        responsibleAgency: target.responsibleAgency,
        note: target.note,
      });
      expect(saved.status, `${target.code}: ${JSON.stringify(saved.body)}`).toBe(200);
      expect(saved.body.values).toStrictEqual(target.values);
    }
  });
});

test('the Hải Dương plan has its 34 targets, each linked to its NPA indicator, and its reporting dates', async () => {
  const created = await officer.post('/api/plans/from-template', {
    unitId: province.id,
    templateCode: 'hai-duong-npa-2021-2030',
  });
  expect(created.status).toBe(201);
  const plan = created.body;
  expect(plan.targets).toHaveLength(34);
  const byCode = new Map(plan.targets.map((target: { code: string }) => [target.code, target]));
  expect(byCode.get('CT04a')).toMatchObject({
    indicatorCode: 'NPA-04a',
    comparator: '<',
    values: [
      { year: 2025, value: 9 },
      { year: 2030, value: 6 },
    ],
  });
  expect(byCode.get('CT04c')).toMatchObject({
    values: [
      { year: 2025, value: 5, group: 'rural' },
      { year: 2025, value: 10, group: 'urban' },
      { year: 2030, value: 5, group: 'rural' },
      { year: 2030, value: 10, group: 'urban' },
    ],
  });
  expect(byCode.get('CT03b')).toMatchObject({
    values: [
      { year: 2025, value: 1 },
      { year: 2030, value: 1, comparator: '<' },
    ],
  });
  expect(byCode.get('CT13')).toMatchObject({
    indicatorCode: 'NPA-13',
    values: [{ year: 2025, toYear: 2030, value: 2, valueMax: 3 }],
  });
  expect(byCode.get('CT24')).toMatchObject({ indicatorCode: 'NPA-24' });
  expect(plan.reporting.deadlines.map((d: { due: string }) => d.due)).toEqual(['--06-15', '--12-15']);
  expect(plan.activities).toHaveLength(8);
});

test('the other templates link their targets as the catalogue maps them, and Thành Hòa has only activities', async () => {
  const hanoi = await officer.post('/api/plans/from-template', {
    unitId: province.id,
    templateCode: 'ha-noi-ecd-2019-2025',
  });
  expect(
    hanoi.body.targets.map((t: { code: string; indicatorCode: string | null }) => [t.code, t.indicatorCode]),
  ).toEqual([
    ['ECD-01', 'NPA-02'],
    ['ECD-02', 'ECD-TRAINED'],
    ['ECD-03', 'ECD-NETWORK'],
  ]);
  const cp = await officer.post('/api/plans/from-template', {
    unitId: province.id,
    templateCode: 'ha-noi-child-protection-2016-2020',
  });
  const cp03 = cp.body.targets.find((t: { code: string }) => t.code === 'CP-03');
  expect(cp03).toMatchObject({ unit: 'boolean', values: [{ year: 2020, value: true, implied: true }] });
  const thanhHoa = await worker.post('/api/plans/from-template', {
    unitId: commune.id,
    templateCode: 'thanh-hoa-commune-ecd-2024',
  });
  expect(thanhHoa.status).toBe(201);
  expect(thanhHoa.body.targets).toEqual([]);
  expect(thanhHoa.body.activities).toHaveLength(4);
  expect(thanhHoa.body).toMatchObject({ periodStart: 2024, periodEnd: 2024, documentNumber: null });
});

test('a unit that takes another’s plan as its model gives it its own title and number', async () => {
  const created = await officer.post('/api/plans/from-template', {
    unitId: province.id,
    templateCode: 'ha-noi-ecd-2019-2025',
    title: 'Kế hoạch chăm sóc phát triển toàn diện trẻ em tỉnh Hải Dương',
    documentNumber: '88/KH-UBND',
    issuedDate: '2019-09-02',
    issuedBy: 'Ủy ban nhân dân tỉnh Hải Dương',
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    title: 'Kế hoạch chăm sóc phát triển toàn diện trẻ em tỉnh Hải Dương',
    documentNumber: '88/KH-UBND',
    issuedDate: '2019-09-02',
    issuedBy: 'Ủy ban nhân dân tỉnh Hải Dương',
    unit: { id: province.id, level: 'province' },
  });
  expect(created.body.targets).toHaveLength(3);
});

test('an unknown template is refused on its field and writes nothing', async () => {
  const before = await t.db
    .selectFrom('plan')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const response = await officer.post('/api/plans/from-template', {
    unitId: province.id,
    templateCode: 'quang-ngai-2030',
  });
  expect(response.status).toBe(400);
  expect(response.body.error).toMatchObject({
    code: 'VALIDATION_FAILED',
    issues: [{ path: 'body.templateCode', code: 'unknown_template' }],
  });
  const after = await t.db
    .selectFrom('plan')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(after.n)).toBe(Number(before.n));
});
