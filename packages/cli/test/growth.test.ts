import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readTestCsv } from '../../shared/src/domain/growth/testdata/readCsv.ts';

const bin = fileURLToPath(new URL('../bin/treem.js', import.meta.url));
let dir: string;

function treem(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A minimal reader of the scored file: it is written by the command under test, quoted only where needed. */
function readScored(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-growth-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('treem growth zscore', () => {
  test('scores the igrowup demo survey as WHO did, keeps the input columns, marks bad rows', () => {
    const demo = readTestCsv('igrowup-example-expected.csv').filter((row) => row.age_ge_60mo === '0');
    const input = ['id;sex;age_days;weight_kg;lenhei_cm;measure;oedema;headc_cm;muac_cm'];
    for (const row of demo) {
      const cells = [row.id, row.sex, row.age_days, row.weight_kg, row.lenhei_cm, row.measure, row.oedema];
      input.push([...cells, row.headc_cm, row.muac_cm].join(';'));
    }
    input.push('bad-1;3;100;5;60;l;n;;', 'bad-2;1;100;năm;60;l;n;;', '', 'dob-1;2;;9;75;l;n;;');
    // Semicolon-separated, as Excel writes CSV with a European list separator; dob/date column only on one row.
    fs.writeFileSync(path.join(dir, 'in.csv'), input.join('\r\n').replace('dob-1;2;;', 'dob-1;2;365;'));
    const result = treem([
      'growth',
      'zscore',
      '--in',
      path.join(dir, 'in.csv'),
      '--out',
      path.join(dir, 'out.csv'),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Scored ${demo.length + 3} rows (2 with an error`);

    const scored = readScored(path.join(dir, 'out.csv'));
    expect(Object.keys(scored[0]!)).toEqual([
      ...['id', 'sex', 'age_days', 'weight_kg', 'lenhei_cm', 'measure', 'oedema', 'headc_cm', 'muac_cm'],
      ...['z_wfa', 'z_lhfa', 'z_wflh', 'z_bmifa', 'z_hcfa', 'z_acfa'],
      ...['f_wfa', 'f_lhfa', 'f_wflh', 'f_bmifa', 'f_hcfa', 'f_acfa', 'error'],
    ]);
    const byId = new Map(scored.map((row) => [row.id, row]));
    for (const row of demo) {
      const out = byId.get(row.id)!;
      const two = (text: string | undefined) =>
        text === '' || text === undefined ? '' : Number(text).toFixed(2);
      expect([row.id, out.z_wfa, out.z_lhfa, out.z_wflh, out.z_bmifa, out.z_hcfa, out.z_acfa]).toEqual([
        row.id,
        ...[two(row.zwei), two(row.zlen), two(row.zwfl), two(row.zbmi), two(row.zhc), two(row.zac)],
      ]);
      expect([row.id, out.f_wfa, out.f_lhfa, out.error]).toEqual([row.id, row.fwei, row.flen, '']);
    }
    expect(byId.get('bad-1')).toMatchObject({ error: 'sex_invalid', z_wfa: '' });
    expect(byId.get('bad-2')).toMatchObject({ error: 'weight_kg_invalid', z_lhfa: '' });
    expect(byId.get('dob-1')!.z_wfa).toMatch(/^-?\d+\.\d\d$/);
  });

  test('a file without a sex column, or that cannot be read, stops with exit code 2 and a message', () => {
    fs.writeFileSync(path.join(dir, 'nosex.csv'), 'age_days,weight_kg\n100,5\n');
    const missing = treem([
      'growth',
      'zscore',
      '--in',
      path.join(dir, 'nosex.csv'),
      '--out',
      path.join(dir, 'x.csv'),
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('has no "sex" column');
    const absent = treem([
      'growth',
      'zscore',
      '--in',
      path.join(dir, 'none.csv'),
      '--out',
      path.join(dir, 'x.csv'),
    ]);
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('cannot read');
    expect(absent.stderr).not.toContain('    at ');
  });
});
