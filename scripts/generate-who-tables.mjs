#!/usr/bin/env node
// Writes the WHO growth tables (LMS) into packages/shared/src/domain/growth/tables/ as TypeScript modules, and
// copies the two test-data files beside the code, so the product carries its references and tests read no path
// outside the repository.
//
//   node scripts/generate-who-tables.mjs [data dir]     default: ../shared/data/who-growth from the repo root
//
// The data dir is the WHO growth reference export described in its README.md (CSV copied from the WHO anthro and
// anthroplus R packages). Every file's sha256 is checked against that README before anything is written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, process.argv[2] ?? '../shared/data/who-growth');
const growthDir = path.join(repoRoot, 'packages/shared/src/domain/growth');
const tablesDir = path.join(growthDir, 'tables');
const testdataDir = path.join(growthDir, 'testdata');

const anthro = 'WorldHealthOrganization/anthro@b776d8a12b1c97369c748b561159fd2ec4f4db58';
const anthroplus = 'WorldHealthOrganization/anthroplus@799a7deaf7dff57f2abef5781f74b243f0aa6194';

/**
 * One module per table. `key` is the CSV's key column; `stepsPerUnit` how many rows one unit of the key spans
 * (10 for the 0.1 cm grid). `switchAt` (lhfa, bmifa) checks the L/H column flips from length to height at 731 days.
 */
const tables = [
  {
    csv: 'wfa_0_5y_by_day.csv',
    module: 'weightForAgeByDay',
    title: 'WHO Child Growth Standards (2006): weight-for-age (kg), 0–1826 days',
    source: `${anthro} data-raw/growthstandards/weianthro.txt`,
    key: 'age_days',
    stepsPerUnit: 1,
  },
  {
    csv: 'lhfa_0_5y_by_day.csv',
    module: 'lengthHeightForAgeByDay',
    title:
      'WHO Child Growth Standards (2006): length-for-age below 731 days, height-for-age from 731 days (cm), 0–1826 days',
    source: `${anthro} data-raw/growthstandards/lenanthro.txt`,
    key: 'age_days',
    stepsPerUnit: 1,
    switchAt: { column: 'loh', key: 731 },
  },
  {
    csv: 'wfl_45_110cm.csv',
    module: 'weightForLength',
    title: 'WHO Child Growth Standards (2006): weight-for-length (kg), 45.0–110.0 cm by 0.1 cm',
    source: `${anthro} data-raw/growthstandards/wflanthro.txt`,
    key: 'length_cm',
    stepsPerUnit: 10,
  },
  {
    csv: 'wfh_65_120cm.csv',
    module: 'weightForHeight',
    title: 'WHO Child Growth Standards (2006): weight-for-height (kg), 65.0–120.0 cm by 0.1 cm',
    source: `${anthro} data-raw/growthstandards/wfhanthro.txt`,
    key: 'height_cm',
    stepsPerUnit: 10,
  },
  {
    csv: 'bmifa_0_5y_by_day.csv',
    module: 'bmiForAgeByDay',
    title: 'WHO Child Growth Standards (2006): BMI-for-age (kg/m²), length-based below 731 days, 0–1826 days',
    source: `${anthro} data-raw/growthstandards/bmianthro.txt`,
    key: 'age_days',
    stepsPerUnit: 1,
    switchAt: { column: 'loh', key: 731 },
  },
  {
    csv: 'hcfa_0_5y_by_day.csv',
    module: 'headCircumferenceForAgeByDay',
    title: 'WHO Child Growth Standards (2007): head circumference-for-age (cm), 0–1826 days',
    source: `${anthro} data-raw/growthstandards/hcanthro.txt`,
    key: 'age_days',
    stepsPerUnit: 1,
  },
  {
    csv: 'acfa_3m_5y_by_day.csv',
    module: 'armCircumferenceForAgeByDay',
    title: 'WHO Child Growth Standards (2007): arm circumference-for-age (MUAC, cm), 91–1826 days',
    source: `${anthro} data-raw/growthstandards/acanthro.txt`,
    key: 'age_days',
    stepsPerUnit: 1,
  },
  {
    csv: 'wfa_5_10y_by_month.csv',
    module: 'weightForAgeByMonth2007',
    title: 'WHO Reference 2007: weight-for-age (kg), 60–121 months',
    source: `${anthroplus} data-raw/growthstandards/wfawho2007.txt`,
    key: 'age_months',
    stepsPerUnit: 1,
  },
  {
    csv: 'hfa_5_19y_by_month.csv',
    module: 'heightForAgeByMonth2007',
    title: 'WHO Reference 2007: height-for-age (cm), 60–229 months',
    source: `${anthroplus} data-raw/growthstandards/hfawho2007.txt`,
    key: 'age_months',
    stepsPerUnit: 1,
  },
  {
    csv: 'bmifa_5_19y_by_month.csv',
    module: 'bmiForAgeByMonth2007',
    title: 'WHO Reference 2007: BMI-for-age (kg/m²), 60–229 months',
    source: `${anthroplus} data-raw/growthstandards/bfawho2007.txt`,
    key: 'age_months',
    stepsPerUnit: 1,
  },
];

const copied = ['test-vectors.csv', 'igrowup-example-expected.csv'];

function fail(message) {
  console.error(`generate-who-tables: ${message}`);
  process.exit(1);
}

/** The sha256 list at the end of the data README: `<hex>  <file>` lines. */
function expectedHashes() {
  const readme = fs.readFileSync(path.join(dataDir, 'README.md'), 'utf8');
  const hashes = new Map();
  for (const match of readme.matchAll(/^\s+([0-9a-f]{64})\s+(\S+\.csv)\s*$/gm))
    hashes.set(match[2], match[1]);
  return hashes;
}

function readVerified(file, hashes) {
  const bytes = fs.readFileSync(path.join(dataDir, file));
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  const expected = hashes.get(file);
  if (expected === undefined) fail(`${file} has no sha256 in ${dataDir}/README.md`);
  if (actual !== expected) fail(`${file}: sha256 ${actual}, README says ${expected}`);
  return { bytes, sha256: actual };
}

/**
 * A number as the source wrote it, minus what Prettier would strip anyway (trailing zeros of the fraction, a
 * trailing point), so the generated file is already formatted. The value is checked to be the same double.
 */
function literal(text) {
  if (!/^-?\d+(\.\d+)?$/.test(text)) fail(`not a plain decimal number: "${text}"`);
  let out = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  if (out === '-0') out = '0';
  if (Number(out) !== Number(text)) fail(`literal ${out} does not equal ${text}`);
  return out;
}

function generateTable(table, hashes) {
  const { bytes, sha256 } = readVerified(table.csv, hashes);
  const lines = bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
  const header = lines[0].split(',');
  const column = (name) => {
    const index = header.indexOf(name);
    if (index < 0) fail(`${table.csv}: no column ${name}`);
    return index;
  };
  const [sexAt, keyAt, lAt, mAt, sAt] = ['sex', table.key, 'l', 'm', 's'].map(column);
  const switchAt = table.switchAt ? column(table.switchAt.column) : -1;
  const bySex = { 1: [], 2: [] };
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const sex = cells[sexAt];
    if (sex !== '1' && sex !== '2') fail(`${table.csv}: sex "${sex}"`);
    bySex[sex].push({
      key: Number(cells[keyAt]),
      l: cells[lAt],
      m: cells[mAt],
      s: cells[sAt],
      loh: cells[switchAt],
    });
  }
  const first = bySex[1][0]?.key;
  const count = bySex[1].length;
  for (const sex of ['1', '2']) {
    const rows = bySex[sex];
    if (rows.length !== count) fail(`${table.csv}: ${rows.length} rows for sex ${sex}, ${count} for sex 1`);
    rows.forEach((row, i) => {
      // The key must be first + i steps exactly: the code indexes the arrays by key, it never searches.
      const expected = Math.round(first * table.stepsPerUnit + i) / table.stepsPerUnit;
      if (row.key !== expected)
        fail(`${table.csv}: sex ${sex} row ${i} has key ${row.key}, expected ${expected}`);
      if (table.switchAt) {
        const want = row.key < table.switchAt.key ? 'L' : 'H';
        if (row.loh !== want) fail(`${table.csv}: ${table.key} ${row.key} is ${row.loh}, expected ${want}`);
      }
      if (Number(row.l) === 0) fail(`${table.csv}: L = 0 at ${row.key} (the LMS formula needs L ≠ 0)`);
    });
  }
  const triples = (rows) =>
    rows.map((row) => `${literal(row.l)}, ${literal(row.m)}, ${literal(row.s)}`).join(',\n');
  const text = `// Generated by scripts/generate-who-tables.mjs — do not edit; run the script again instead.
// ${table.title}.
// From ${table.csv} (sha256 ${sha256}) of the WHO growth reference export;
// source: ${table.source} (docs/growth.md, "Tables").
// Numbers are the source's decimal text (trailing zeros dropped); nothing was recomputed or rounded.
import type { LmsTableSource } from '../lmsTable.ts';

export const ${table.module}: LmsTableSource = {
  first: ${first},
  stepsPerUnit: ${table.stepsPerUnit},
  count: ${count},
  // L, M, S of each row in key order: row i is key first + i / stepsPerUnit.
  male: [
${triples(bySex[1])},
  ],
  female: [
${triples(bySex[2])},
  ],
};
`;
  return { file: path.join(tablesDir, `${table.module}.ts`), text };
}

async function main() {
  if (!fs.existsSync(path.join(dataDir, 'README.md'))) fail(`no README.md in ${dataDir}`);
  const hashes = expectedHashes();
  fs.mkdirSync(tablesDir, { recursive: true });
  fs.mkdirSync(testdataDir, { recursive: true });
  for (const table of tables) {
    const { file, text } = generateTable(table, hashes);
    const options = (await prettier.resolveConfig(file)) ?? {};
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  }
  for (const file of copied) {
    const { bytes } = readVerified(file, hashes);
    const target = path.join(testdataDir, file);
    fs.writeFileSync(target, bytes);
    console.log(`copied ${path.relative(repoRoot, target)}`);
  }
}

await main();
