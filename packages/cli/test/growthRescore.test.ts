import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/src/db/database.ts';

const bin = fileURLToPath(new URL('../bin/treem.js', import.meta.url));
let dataDir: string;

function treem(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, TREEM_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `work` on the embedded database of `dataDir` (closed again, so the command can open it). */
async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const database = await openDatabase({ dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

interface ScoreState {
  measurements: number;
  withZWfa: number;
  malnourished: number;
  fingerprint: string;
}

const state = () =>
  withDb(async (db) => {
    const row = await sql<ScoreState>`
      select count(*)::int as measurements, count(z_wfa)::int as "withZWfa",
             count(*) filter (where malnourished)::int as malnourished,
             md5(string_agg(concat_ws('|', id, age_days, z_wfa, z_lhfa, z_wflh, z_bmifa, underweight, stunting,
                 wasting, malnourished), ',' order by id)) as fingerprint
        from growth_measurement where province_code = '01'`.execute(db);
    return row.rows[0]!;
  });

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-rescore-'));
  // The demo province has measurements, scored as the API scores them.
  const seeded = treem(['seed', '--demo']);
  if (seeded.status !== 0) throw new Error(`seed --demo failed: ${seeded.stderr}`);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('treem growth rescore', () => {
  test('restores scores that were spoiled, stores only changed rows, prints progress and rows/s', async () => {
    const before = await state();
    expect(before.measurements).toBeGreaterThan(100);
    expect(before.withZWfa).toBeGreaterThan(before.measurements / 2);

    // Spoil the stored scores of every measurement: z_wfa gone, malnutrition inverted on one row in three.
    await withDb((db) =>
      sql`update growth_measurement set z_wfa = null,
            malnourished = case when age_days % 3 = 0 then not malnourished else malnourished end`.execute(
        db,
      ),
    );
    const spoiled = await state();
    expect(spoiled.withZWfa).toBe(0);
    expect(spoiled.fingerprint).not.toBe(before.fingerprint);

    const result = treem(['growth', 'rescore', '--province', '01', '--batch', '50']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Rescoring ${before.measurements.toLocaleString('en-US')} measurements`);
    expect(result.stdout).toMatch(/\d[\d,]* \/ [\d,]+ \(100%\), [\d,]+ rows\/s/);
    const summary = new RegExp(
      `Rescored ${before.measurements.toLocaleString('en-US')} measurements \\(([\\d,]+) changed and stored\\) ` +
        `in [\\d.]+ s: [\\d,]+ rows/s`,
    ).exec(result.stdout);
    expect(summary, result.stdout).not.toBeNull();
    // Every row that had a z_wfa changed; rows without one changed only where malnutrition was inverted.
    const changed = Number(summary![1]!.replace(/,/g, ''));
    expect(changed).toBeGreaterThanOrEqual(before.withZWfa);
    expect(changed).toBeLessThanOrEqual(before.measurements);
    expect(await state()).toEqual(before);

    // Nothing left to change: a second run stores nothing.
    const again = treem(['growth', 'rescore']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('of all provinces');
    expect(again.stdout).toMatch(/\(0 changed and stored\)/);
  });

  test('a bad province code or batch size stops with exit code 2 and a clear message', () => {
    const unknown = treem(['growth', 'rescore', '--province', '99']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('province 99 not found');
    const malformed = treem(['growth', 'rescore', '--province', 'HN']);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('--province must be a 2-digit province code');
    const batch = treem(['growth', 'rescore', '--batch', '0']);
    expect(batch.status).toBe(2);
    expect(batch.stderr).toContain('--batch must be an integer');
    for (const output of [unknown, malformed, batch]) expect(output.stderr).not.toContain('    at ');
  });
});
