import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/src/db/database.ts';

const bin = fileURLToPath(new URL('../bin/treem.js', import.meta.url));
let dataDir: string;

function treem(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, TREEM_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the treem command', () => {
  test('every command has --help', () => {
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['migrate', '--help'],
      ['seed', '--help'],
      ['user', '--help'],
      ['user', 'create', '--help'],
      ['audit', 'verify', '--help'],
      ['bench', '--help'],
    ]) {
      const result = treem(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: treem');
    }
  });

  test('seed --demo creates the demo accounts', () => {
    const result = treem(['seed', '--demo']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Loaded 14150 administrative units');
    expect(result.stdout).toContain('Demo child protection: 6 providers, 6 cases added.');
    expect(result.stdout).toMatch(/Demo ready: 12 villages, 10 accounts/);
    expect(result.stdout).toContain('xa.canbo');
  });

  test('migrate reports an up-to-date database', () => {
    const result = treem(['migrate']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('up to date');
  });

  test('user create, reset-password and disable work from the command line', () => {
    const created = treem([
      'user',
      'create',
      '-u',
      'cli.ctv',
      '-n',
      'Nguyễn Văn Dòng',
      '-r',
      'commune_worker',
      '-s',
      '09988',
    ]);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Temporary password: \S+/);
    const duplicate = treem([
      'user',
      'create',
      '-u',
      'cli.ctv',
      '-n',
      'X Y',
      '-r',
      'commune_worker',
      '-s',
      '09988',
    ]);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('USERNAME_TAKEN');
    const badRole = treem(['user', 'create', '-u', 'x.y', '-n', 'X Y', '-r', 'emperor', '-s', '01']);
    expect(badRole.status).not.toBe(0);
    expect(badRole.stderr).toContain('Allowed choices');
    const reset = treem(['user', 'reset-password', 'cli.ctv']);
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/Temporary password: \S+/);
    const disabled = treem(['user', 'disable', 'cli.ctv', '--reason', 'Thử nghiệm']);
    expect(disabled.status, disabled.stderr).toBe(0);
    expect(treem(['user', 'disable', 'khong.co', '--reason', 'x']).stderr).toContain('NOT_FOUND');
  });

  test('audit verify passes on an intact log and finds the first tampered row', async () => {
    const intact = treem(['audit', 'verify']);
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/Audit chain intact: \d+ events verified/);

    const database = await openDatabase({ dataDir });
    await database.db.updateTable('audit_event').set({ reason: 'sửa lén' }).where('seq', '=', 2).execute();
    await database.close();

    const broken = treem(['audit', 'verify']);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toContain('Audit chain BROKEN at event #2 (hash_mismatch)');
  });

  test('a bad configuration value is refused with its name', () => {
    const result = treem(['start'], { PORT: 'eighty' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).not.toContain('    at ');
  });
});
