import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let village: SeedUnit;
let health: TestClient;
let school: TestClient;
let worker: TestClient;
let leader: TestClient;
let provinceAdmin: TestClient;
let collaborator: TestClient;
let healthUsername: string;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Kon Tum' });
  commune = await seedCommune(t.db, province, { name: 'Đăk Hà' });
  village = await seedVillage(t.db, commune);
  const healthUser = await seedUser(t.db, { role: 'health_worker', scope: [commune] });
  healthUsername = healthUser.username;
  health = t.client();
  await health.login(healthUser.username, healthUser.password);
  school = await signedIn(t, 'school_staff', [commune]);
  worker = await signedIn(t, 'commune_worker', [commune]);
  leader = await signedIn(t, 'commune_leader', [commune]);
  provinceAdmin = await signedIn(t, 'province_admin', [province]);
  collaborator = await signedIn(t, 'village_collaborator', [village]);
});
afterAll(() => t.close());

const formUrl = (unit: SeedUnit, period: string, query = '') =>
  `/api/aggregate/units/${unit.id}/entries?period=${period}${query}`;
const put = (client: TestClient, unit: SeedUnit, period: string, code: string, body: object) =>
  client.put(`/api/aggregate/units/${unit.id}/entry`, { period, indicatorCode: code, ...body });
const historyUrl = (unit: SeedUnit, period: string, code: string) =>
  `/api/aggregate/units/${unit.id}/entry-history?period=${period}&indicatorCode=${code}`;
const codesOf = (body: { rows: { indicatorCode: string }[] }) =>
  body.rows.map((row) => row.indicatorCode).sort();

const healthCommuneYearly = ['NPA-03a', 'NPA-03b', 'NPA-03c'];
const educationCommuneYearly = [
  'NPA-07',
  'NPA-17a',
  'NPA-17b',
  'NPA-18a',
  'NPA-18b',
  'NPA-19',
  'NPA-20a',
  'NPA-20b',
];
const socialAndCultureCommuneYearly = [
  'ECD-TRAINED',
  'NPA-01',
  'NPA-10',
  'NPA-11a',
  'NPA-11b',
  'NPA-12',
  'NPA-21',
  'NPA-22',
  'NPA-23',
  'NPA-24',
];

describe('the form lists what the caller enters at the unit’s level', () => {
  test('each sector’s staff see their own indicators of a commune, editable', async () => {
    const healthForm = await health.get(formUrl(commune, '2025'));
    expect(healthForm.status).toBe(200);
    expect(codesOf(healthForm.body)).toEqual(healthCommuneYearly.sort());
    expect(healthForm.body).toMatchObject({
      unit: { id: commune.id, level: 'commune' },
      period: '2025',
      locked: false,
      locks: [],
    });
    expect(healthForm.body.rows.every((row: { editable: boolean }) => row.editable)).toBe(true);
    expect(codesOf((await school.get(formUrl(commune, '2025'))).body)).toEqual(educationCommuneYearly.sort());
    expect(codesOf((await worker.get(formUrl(commune, '2025'))).body)).toEqual(
      socialAndCultureCommuneYearly.sort(),
    );
  });

  test('a half year lists only the indicators entered every six months', async () => {
    expect(codesOf((await worker.get(formUrl(commune, '2025H2'))).body)).toEqual(['ECD-TRAINED']);
    expect(codesOf((await health.get(formUrl(commune, '2025H2'))).body)).toEqual([]);
  });

  test('a sector filter narrows the form', async () => {
    expect(codesOf((await worker.get(formUrl(commune, '2025', '&sector=culture'))).body)).toEqual(['NPA-21']);
  });

  test('the province enters its own indicators once; the admin sees every sector', async () => {
    expect(codesOf((await provinceAdmin.get(formUrl(province, '2025'))).body)).toEqual(['NPA-06', 'NPA-13']);
    expect(codesOf((await provinceAdmin.get(formUrl(commune, '2025'))).body)).toEqual(
      [...healthCommuneYearly, ...educationCommuneYearly, ...socialAndCultureCommuneYearly].sort(),
    );
  });

  test('a commune leader reads every indicator of the commune without entering any', async () => {
    const form = await leader.get(formUrl(commune, '2025'));
    expect(form.status).toBe(200);
    expect(form.body.rows).toHaveLength(21);
    expect(form.body.rows.some((row: { editable: boolean }) => row.editable)).toBe(false);
  });

  test('a village enters nothing', async () => {
    const form = await collaborator.get(formUrl(village, '2025'));
    expect(form.status).toBe(200);
    expect(form.body.rows).toEqual([]);
  });
});

describe('last period and history', () => {
  test('the form shows the entry, last period’s value and the earlier values oldest first; the history lists each change', async () => {
    // Neonatal deaths per 1,000 live births: 3 / 250 = 12, 2 / 250 = 8, 3 / 300 = 10.
    for (const [period, numerator, denominator] of [
      ['2022', 3, 250],
      ['2023', 2, 250],
      ['2024', 3, 300],
    ] as const) {
      const saved = await put(health, commune, period, 'NPA-03a', { numerator, denominator });
      expect(saved.status, `${period}: ${JSON.stringify(saved.body)}`).toBe(200);
    }
    const before = await health.get(formUrl(commune, '2025'));
    const row = before.body.rows.find((r: { indicatorCode: string }) => r.indicatorCode === 'NPA-03a');
    expect(row).toEqual({
      indicatorCode: 'NPA-03a',
      sector: 'health',
      editable: true,
      entry: null,
      lastPeriod: { period: '2024', value: 10 },
      history: [
        { period: '2022', value: 12 },
        { period: '2023', value: 8 },
        { period: '2024', value: 10 },
      ],
    });

    expect((await put(health, commune, '2025', 'NPA-03a', { numerator: 2, denominator: 280 })).status).toBe(
      200,
    );
    expect(
      (
        await put(health, commune, '2025', 'NPA-03a', {
          numerator: 3,
          denominator: 280,
          comment: 'Bổ sung 1 ca từ trạm y tế',
        })
      ).status,
    ).toBe(200);
    const form = await leader.get(formUrl(commune, '2025'));
    const entered = form.body.rows.find((r: { indicatorCode: string }) => r.indicatorCode === 'NPA-03a');
    // 3 / 280 × 1000 = 10.714…
    expect(entered.entry).toMatchObject({ numerator: 3, denominator: 280, version: 2 });
    expect(entered.entry.value).toBeCloseTo(10.7143, 4);

    const history = await leader.get(historyUrl(commune, '2025', 'NPA-03a'));
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      username: healthUsername,
      before: null,
      after: { numerator: 2, denominator: 280, comment: null },
    });
    expect(history.body.items[1]).toMatchObject({
      before: { numerator: 2, denominator: 280 },
      after: { numerator: 3, denominator: 280, comment: 'Bổ sung 1 ca từ trạm y tế' },
    });
    const none = await leader.get(historyUrl(commune, '2025', 'NPA-03b'));
    expect(none.body.items).toEqual([]);
  });
});
