import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../bin/treem.js', import.meta.url));
let dataDir: string;

function treem(args: string[], databaseUrl = '') {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, TREEM_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-seed-ecd-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('seed --ecd on the embedded database stops with exit code 2: it needs native PostgreSQL', () => {
  const result = treem(['seed', '--ecd']);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--ecd writes through COPY and needs native PostgreSQL');
});

const onPostgres = process.env.TREEM_TEST_TARGET === 'postgres' && !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)('seed --scale --ecd on native PostgreSQL', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `treem_test_${randomBytes(6).toString('hex')}`;
  let url: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  test('writes the register and then its early-childhood records; a second --ecd keeps them', async () => {
    const result = treem(['seed', '--scale', '1500', '--communes', '2', '--ecd'], url);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Register written for province 01: \d+ households/);
    const written =
      /Early-childhood records written for province 01: ([\d,]+) children under 8, ([\d,]+) measurements, ([\d,]+) doses/.exec(
        result.stdout,
      );
    expect(written, result.stdout).not.toBeNull();
    const [children, measurements, doses] = written!.slice(1).map((n) => Number(n.replace(/,/g, '')));
    expect(children).toBeGreaterThan(500);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const counts = await client.query<{ m: number; d: number; s: number }>(
        `select (select count(*)::int from growth_measurement) as m, (select count(*)::int from immunization_dose) as d,
                (select count(*)::int from ecd_child_summary) as s`,
      );
      expect(counts.rows[0]).toEqual({ m: measurements, d: doses, s: children });
    } finally {
      await client.end();
    }

    const again = treem(['seed', '--ecd', '--communes', '2'], url);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 communes already have ECD records: kept as they are');
    expect(again.stdout).toMatch(/: 0 children under 8, 0 measurements/);
  });
});
