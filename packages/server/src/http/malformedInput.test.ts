import type { z } from 'zod';
import { hasPermission, newId, type Access } from '@treem/shared';
import { ensureFlagCatalogue } from '../modules/register/flagCatalogue.ts';
import { seedHousehold, seedPerson } from '../testing/registerFactories.ts';
import { seedDoses, seedEnrolment, seedMeasurement, seedScreening } from '../testing/ecdFactories.ts';
import { seedProvider } from '../testing/providerFactories.ts';
import { csvFile, registerRows, upload } from '../modules/register/files/testing/importFiles.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../testing/client.ts';
import {
  seedCommune,
  seedCountry,
  seedProvince,
  seedUser,
  seedVillage,
  tableCounts,
  type SeedUnit,
} from '../testing/factories.ts';
import { createTestApp, type TestApp } from '../testing/testApp.ts';

/**
 * Every write route, fed 20 kinds of malformed body: each must answer 400 with a stable code and leave every
 * table's row count unchanged. Ids in the URL are valid and in scope, so only the body is at fault.
 */

let t: TestApp;
let admin: TestClient;
let commune: SeedUnit;
let village: SeedUnit;
let targetUserId: string;
let worker: TestClient;
let provinceAdmin: TestClient;
let householdId: string;
let personId: string;
let circumstanceId: string;
let flagId: string;
let provinceCode: string;
let importJobId: string;
const ecdIds = { measurement: '', dose: '', screening: '', service: '', enrolment: '' };
let providerId: string;
let leader: TestClient;
let health: TestClient;
const anyId = newId();

function bodyKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  return keys.length > 0 ? keys : ['value'];
}

const fill = (keys: string[], value: unknown) =>
  JSON.stringify(Object.fromEntries(keys.map((k) => [k, value])));

function malformedBodies(keys: string[]): { name: string; payload: string; contentType?: string }[] {
  return [
    { name: 'truncated object', payload: '{' },
    { name: 'truncated member', payload: '{"a":' },
    { name: 'not JSON at all', payload: 'not json' },
    { name: 'unterminated array', payload: '[1,2' },
    { name: 'trailing comma', payload: '{"a": 1,}' },
    { name: 'single quotes', payload: "{'a': 1}" },
    { name: 'two documents', payload: '{"a":1}{"b":2}' },
    { name: 'JSON null', payload: 'null' },
    { name: 'JSON array', payload: '[]' },
    { name: 'JSON number', payload: '123' },
    { name: 'JSON string', payload: '"text"' },
    { name: 'JSON boolean', payload: 'true' },
    { name: 'unknown field only', payload: '{"zzUnknownField": 1}' },
    { name: 'every field a number', payload: fill(keys, 12345) },
    { name: 'every field an object', payload: fill(keys, { nested: true }) },
    { name: 'every field an array', payload: fill(keys, [1, 2, 3]) },
    { name: 'every field a boolean', payload: fill(keys, true) },
    { name: 'deeply nested arrays', payload: `${'['.repeat(500)}${']'.repeat(500)}` },
    { name: 'oversize body', payload: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }) },
    { name: 'wrong content type', payload: '{"a":1}', contentType: 'text/plain' },
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  const country = await seedCountry(t.db);
  const province = await seedProvince(t.db);
  provinceCode = province.code;
  commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  const household = await seedHousehold(t.db, village);
  householdId = household.id;
  personId = (await seedPerson(t.db, household)).id;
  await ensureFlagCatalogue(t.db, province.code);
  circumstanceId = newId();
  flagId = newId();
  const common = {
    province_code: province.code,
    person_id: personId,
    org_path: village.path,
    valid_from: '2024-01-01',
  };
  await t.db
    .insertInto('circumstance_assignment')
    .values({ ...common, id: circumstanceId, group_code: 'c' })
    .execute();
  await t.db
    .insertInto('at_risk_flag')
    .values({ ...common, id: flagId, flag_code: 'parents_away' })
    .execute();
  worker = t.client();
  const workerUser = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  await worker.login(workerUser.username, workerUser.password);
  const uploaded = await upload(
    t.app,
    worker,
    commune.id,
    'so.csv',
    csvFile(registerRows(2, [`Thôn ${village.name}`])),
    'text/csv',
  );
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  importJobId = uploaded.body.id;
  const ecdChild = {
    id: personId,
    provinceCode: province.code,
    fullName: '',
    sex: 'female' as const,
    birthDate: '2018-05-20',
  };
  ecdIds.measurement = await seedMeasurement(t.db, ecdChild, '2024-01-01', { weightKg: 20 });
  await seedDoses(t.db, ecdChild, [['je', '2019-06-01']]);
  ecdIds.dose = (await t.db.selectFrom('immunization_dose').select('id').executeTakeFirstOrThrow()).id;
  ecdIds.screening = await seedScreening(t.db, ecdChild, {
    screenedOn: '2024-01-01',
    result: 'needs_follow_up',
    followUpOn: '2024-02-01',
  });
  ecdIds.enrolment = await seedEnrolment(t.db, ecdChild, '2024-2025');
  ecdIds.service = newId();
  await t.db
    .insertInto('ecd_service_contact')
    .values({
      province_code: province.code,
      id: ecdIds.service,
      person_id: personId,
      service_code: 'deworming',
      domain: 'health',
      received_on: '2024-01-01',
    })
    .execute();
  providerId = (await seedProvider(t.db, commune)).id;
  for (const [role, assign] of [
    ['commune_leader', (c: TestClient) => (leader = c)],
    ['health_worker', (c: TestClient) => (health = c)],
  ] as const) {
    const user = await seedUser(t.db, { role, scope: [commune] });
    const client = t.client();
    await client.login(user.username, user.password);
    assign(client);
  }
  provinceAdmin = t.client();
  const provinceAdminUser = await seedUser(t.db, { role: 'province_admin', scope: [province] });
  await provinceAdmin.login(provinceAdminUser.username, provinceAdminUser.password);
  targetUserId = (await seedUser(t.db, { role: 'village_collaborator', scope: [village] })).id;
  const adminUser = await seedUser(t.db, { role: 'system_admin', scope: [country] });
  admin = t.client();
  await admin.login(adminUser.username, adminUser.password);
});
afterAll(() => t.close());

function concreteUrl(path: string): string {
  if (path === '/api/register/imports') return `${path}?communeId=${commune.id}&fileName=so.csv`;
  if (path.startsWith('/api/register/imports/:id')) return path.replace(':id', importJobId);
  if (path.startsWith('/api/register/households/:id')) return path.replace(':id', householdId);
  if (path.startsWith('/api/register/persons/:id')) return path.replace(':id', personId);
  if (path.startsWith('/api/register/circumstances/:id')) return path.replace(':id', circumstanceId);
  if (path.startsWith('/api/register/flags/:id')) return path.replace(':id', flagId);
  if (path.startsWith('/api/register/flag-types/')) {
    return path.replace(':provinceCode', provinceCode).replace(':code', 'parents_away');
  }
  if (path === '/api/ecd/imports/doses') return `${path}?unitId=${village.id}`;
  if (path.startsWith('/api/ecd/persons/:id')) return path.replace(':id', personId);
  if (path.startsWith('/api/ecd/measurements/:id')) return path.replace(':id', ecdIds.measurement);
  if (path.startsWith('/api/ecd/doses/:id')) return path.replace(':id', ecdIds.dose);
  if (path.startsWith('/api/ecd/screenings/:id')) return path.replace(':id', ecdIds.screening);
  if (path.startsWith('/api/ecd/services/:id')) return path.replace(':id', ecdIds.service);
  if (path.startsWith('/api/ecd/enrolments/:id')) return path.replace(':id', ecdIds.enrolment);
  if (path.startsWith('/api/providers/:id')) return path.replace(':id', providerId);
  if (path.startsWith('/api/org-units/:id/villages')) return path.replace(':id', commune.id);
  if (path.startsWith('/api/org-units/:id')) return path.replace(':id', village.id);
  if (path.startsWith('/api/users/:id')) return path.replace(':id', targetUserId);
  // Cases, referrals and placements: the body is parsed before any record is looked up, so any id will do.
  if (/^\/api\/(cases|referrals|care-placements)\//.test(path)) return path.replace(/:[A-Za-z]+/g, anyId);
  if (path.startsWith('/api/case-settings/')) return path.replace(':provinceCode', provinceCode);
  // Indicators, aggregate entry and plans: the body is parsed before any record is looked up.
  if (
    /^\/api\/(indicators|aggregate|plans|plan-activities|plan-targets|trainings|budget-lines)\//.test(path)
  ) {
    return path.replace(/:[A-Za-z]+/g, anyId);
  }
  return path;
}

/** A session allowed to call the route, so only the body is at fault. */
function callerFor(permission: Access): TestClient {
  if (
    permission === 'public' ||
    permission === 'authenticated' ||
    hasPermission('system_admin', permission)
  ) {
    return admin;
  }
  if (hasPermission('commune_worker', permission)) return worker;
  if (hasPermission('commune_leader', permission)) return leader;
  if (hasPermission('health_worker', permission)) return health;
  return provinceAdmin;
}

test('there are write routes to check', () => {
  expect(t.endpoints.filter((e) => e.method !== 'GET').length).toBeGreaterThanOrEqual(37);
});

test('every write route rejects 20 malformed bodies with 400 and changes nothing', async () => {
  for (const endpoint of t.endpoints.filter((e) => e.method !== 'GET')) {
    const url = concreteUrl(endpoint.path);
    const before = await tableCounts(t.db);
    const caller = callerFor(endpoint.permission);
    for (const body of malformedBodies(bodyKeys(endpoint.body))) {
      const response = await caller.request(endpoint.method, url, body.payload, {
        'content-type': body.contentType ?? 'application/json',
      });
      const label = `${endpoint.method} ${endpoint.path} — ${body.name}`;
      expect(response.status, `${label}: ${response.raw.body.slice(0, 200)}`).toBe(400);
      expect(typeof response.body.error?.code, label).toBe('string');
      expect(response.raw.body, label).not.toMatch(/at .*\.ts:\d+|stack/i);
    }
    expect(await tableCounts(t.db), `${endpoint.method} ${endpoint.path}`).toEqual(before);
  }
});

test('field problems name the field path', async () => {
  const response = await admin.post(`/api/org-units/${commune.id}/villages`, {
    name: '',
    type: 'castle',
    extra: 1,
  });
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBe('VALIDATION_FAILED');
  const paths = response.body.error.issues.map((i: { path: string }) => i.path);
  expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.type']));
  expect(response.body.error.issues.some((i: { code: string }) => i.code === 'unrecognized_keys')).toBe(true);
});

test('an unexpected failure answers 500 without internal text', async () => {
  const broken = await createTestApp();
  try {
    const user = await seedUser(broken.db, { role: 'viewer', scope: [await seedProvince(broken.db)] });
    const client = broken.client();
    await client.login(user.username, user.password);
    await broken.database.close();
    const response = await client.get('/api/org-units/roots');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: 'INTERNAL_ERROR', requestId: expect.any(String) } });
  } finally {
    await broken.app.close();
  }
});
