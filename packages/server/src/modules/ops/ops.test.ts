import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readMigrations } from '../../db/migrate.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('/healthz answers while the process runs', async () => {
  const response = await t.client().get('/healthz');
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ status: 'ok' });
});

test('/readyz is ready when the database answers and every migration is applied', async () => {
  const response = await t.client().get('/readyz');
  expect(response.status).toBe(200);
  // Every shipped migration file, counted from the folder (5 with the register).
  expect(readMigrations().length).toBeGreaterThanOrEqual(5);
  expect(response.body).toMatchObject({ status: 'ready', migrations: readMigrations().length });
});

test('/readyz is not ready while a migration is pending', async () => {
  await sql`delete from schema_migration where version = 3`.execute(t.db);
  try {
    const response = await t.client().get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'not_ready',
      reason: 'migrations_pending',
      pending: ['0003_audit.sql'],
    });
  } finally {
    const [migration] = (await import('../../db/migrate.ts')).readMigrations().filter((m) => m.version === 3);
    await t.db
      .insertInto('schema_migration')
      .values({ version: 3, name: migration!.name, checksum: migration!.checksum })
      .execute();
  }
});

test('/metrics exposes Prometheus text with request durations by route pattern', async () => {
  await t.client().get('/api/auth/me');
  const response = await t.client().get('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  expect(response.body).toContain('treem_http_request_duration_seconds_bucket');
  expect(response.body).toContain('route="/api/auth/me"');
  expect(response.body).toContain('treem_process_cpu_seconds_total');
});

test('every response carries a request id, and a sane incoming one is kept', async () => {
  const own = await t.client().request('GET', '/healthz', undefined, { 'x-request-id': 'abc-123' });
  expect(own.headers['x-request-id']).toBe('abc-123');
  const hostile = await t.client().request('GET', '/healthz', undefined, { 'x-request-id': '<script>' });
  expect(hostile.headers['x-request-id']).not.toBe('<script>');
});

test('unknown API paths answer 404 with a code', async () => {
  const response = await t.client().get('/api/no-such-thing');
  expect(response.status).toBe(404);
  expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
});

test('OpenAPI 3.1 describes every route with its permission', async () => {
  const response = await t.client().get('/api/openapi.json');
  expect(response.status).toBe(200);
  expect(response.body.openapi).toBe('3.1.0');
  for (const endpoint of t.endpoints) {
    const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = response.body.paths[path]?.[endpoint.method.toLowerCase()];
    expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
    expect(operation['x-permission']).toBe(endpoint.permission);
  }
  const createUser = response.body.paths['/api/users'].post;
  expect(createUser.requestBody.content['application/json'].schema.required).toEqual(
    expect.arrayContaining(['username', 'fullName', 'role', 'scopeOrgUnitIds', 'password']),
  );
  const docs = await t.client().get('/api/docs');
  expect(docs.status).toBe(200);
  expect(docs.body).toContain('/api/org-units/lookup');
});

test('security headers are set', async () => {
  const response = await t.client().get('/healthz');
  expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
});
