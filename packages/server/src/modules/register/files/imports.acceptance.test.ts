import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedCommune, seedProvince, seedUser, seedVillage } from '../../../testing/factories.ts';
import type { TestClient } from '../../../testing/client.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import { headerOf } from './importColumns.ts';
import {
  csvFile,
  personalIdFor,
  registerCounts,
  registerRows,
  runJob,
  writeThroughCopy,
  uploadAndValidate,
  type FileRow,
} from './testing/importFiles.ts';

// The acceptance: a 5,000-row file with 50 seeded errors of 10 kinds → the dry run reports exactly those
// 50 and writes nothing; a file with one bad row is refused; the fixed file writes 5,000 children; running it again
// writes none.

let t: TestApp;
let client: TestClient;
let communeId: string;
const villages = ['Đông', 'Đoài', 'Thượng', 'Hạ'];
const clean = registerRows(5_000, villages);

interface Seeded {
  index: number;
  field: FileRow extends Partial<Record<infer F, string>> ? F : never;
  code: string;
}

/** 50 errors, 5 of each kind, on distinct rows spread through the file; each row gets exactly one problem. */
function seedErrors(rows: FileRow[]): Seeded[] {
  const seeded: Seeded[] = [];
  const kinds: { code: string; field: Seeded['field']; apply: (row: FileRow, index: number) => void }[] = [
    { code: 'required', field: 'fullName', apply: (row) => (row.fullName = '') },
    { code: 'invalid_date', field: 'birthDate', apply: (row) => (row.birthDate = '31/02/2015') },
    {
      code: 'birth_date_in_future',
      field: 'birthDate',
      apply: (row) => {
        row.birthDate = '15/06/2099';
        row.personalId = '';
      },
    },
    { code: 'invalid_sex', field: 'sex', apply: (row) => (row.sex = 'Khác') },
    { code: 'unknown_village', field: 'village', apply: (row) => (row.village = 'Thôn Không Có') },
    { code: 'personal_id_format', field: 'personalId', apply: (row) => (row.personalId = '12345') },
    {
      code: 'personal_id_sex_mismatch',
      field: 'personalId',
      apply: (row, index) => {
        const year = Number(row.birthDate!.slice(-4));
        row.personalId = personalIdFor(row.sex === 'Nam' ? 'female' : 'male', year, 900_000 + index);
      },
    },
    { code: 'unknown_ethnicity', field: 'ethnicity', apply: (row) => (row.ethnicity = 'Sao Hỏa') },
    { code: 'unknown_circumstance', field: 'circumstances', apply: (row) => (row.circumstances = 'a, z9') },
    {
      code: 'duplicate_personal_id_in_file',
      field: 'personalId',
      // The same sex, date of birth and ID as the row before it: only the repeated ID is wrong.
      apply: (row, index) => {
        const source = rows[index - 1]!;
        row.sex = source.sex;
        row.birthDate = source.birthDate;
        row.personalId = source.personalId;
      },
    },
  ];
  let index = 37;
  for (let round = 0; round < 5; round += 1) {
    for (const kind of kinds) {
      // Rows whose previous row has a personal ID and is itself untouched (the duplicate kind copies from it).
      while (
        !rows[index - 1]!.personalId ||
        !rows[index]!.personalId ||
        seeded.some((s) => s.index >= index - 1)
      ) {
        index += 1;
      }
      kind.apply(rows[index]!, index);
      seeded.push({ index, field: kind.field, code: kind.code });
      index += 83;
    }
  }
  return seeded;
}

beforeAll(async () => {
  t = await createTestApp();
  writeThroughCopy(t);
  const province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province, { name: 'Hòa Bình' });
  for (const name of villages) await seedVillage(t.db, commune, { name });
  communeId = commune.id;
  const worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  client = t.client();
  await client.login(worker.username, worker.password);
});

afterAll(async () => {
  await t.close();
});

async function auditCount(): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(t.db);
  return Number(result.rows[0]!.n);
}

async function childrenImported(): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from person where import_key is not null and import_key not like '%|adult'`.execute(
    t.db,
  );
  return Number(result.rows[0]!.n);
}

describe('register import acceptance (5,000 rows)', () => {
  test('the dry run reports exactly the 50 seeded errors, by row, column and code, and writes nothing', async () => {
    const rows = clean.map((row) => ({ ...row }));
    const seeded = seedErrors(rows);
    expect(seeded).toHaveLength(50);
    expect(new Set(seeded.map((s) => s.code)).size).toBe(10);
    const countsBefore = await registerCounts(t.db);
    const auditBefore = await auditCount();

    const job = await uploadAndValidate(t.app, client, communeId, 'so-tre-em-loi.csv', csvFile(rows));
    expect(job.status).toBe('validated');
    expect(job.totalRows).toBe(5_000);
    expect(job.errorCount).toBe(50);

    const report = await client.get(`/api/register/imports/${job.id}/errors?page=1&pageSize=100`);
    expect(report.status).toBe(200);
    expect(report.body.total).toBe(50);
    const reported = report.body.items.map((e: any) => `${e.row}|${e.column}|${e.code}`).sort();
    const expected = seeded.map((s) => `${s.index + 2}|${headerOf(s.field)}|${s.code}`).sort();
    expect(reported).toEqual(expected);
    for (const error of report.body.items) expect(error.message).toMatch(/\p{L}/u);

    expect(await registerCounts(t.db)).toEqual(countsBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  test('a file with one bad row is refused by the run and writes nothing', async () => {
    const rows = clean.map((row) => ({ ...row }));
    rows[2_500]!.birthDate = '2015/13/45';
    const countsBefore = await registerCounts(t.db);
    const job = await uploadAndValidate(t.app, client, communeId, 'mot-dong-loi.csv', csvFile(rows));
    expect(job.errorCount).toBe(1);

    const run = await client.post(`/api/register/imports/${job.id}/run`);
    expect(run.status).toBe(409);
    expect(run.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await registerCounts(t.db)).toEqual(countsBefore);
  });

  test('the fixed file writes 5,000 children in their households, and running it again writes none', async () => {
    const households = new Set(clean.map((r) => r.householdNumber)).size;
    const auditBefore = await auditCount();
    const job = await uploadAndValidate(t.app, client, communeId, 'so-tre-em.csv', csvFile(clean));
    expect(job.errorCount).toBe(0);
    const imported = await runJob(client, job.id);
    expect(imported.status, imported.failure ?? '').toBe('imported');
    expect(imported.createdHouseholds).toBe(households);
    expect(imported.skippedPersons).toBe(0);
    expect(await childrenImported()).toBe(5_000);
    const counts = await registerCounts(t.db);
    expect(counts.household).toBe(households);
    // Children plus one mother and one father per household, created from the names.
    expect(counts.person).toBe(5_000 + 2 * households);
    expect(imported.createdPersons).toBe(counts.person);
    expect(await auditCount()).toBe(auditBefore + 1);
    const audit = await sql<{ action: string; after: any }>`
      select action, after from audit_event order by seq desc limit 1`.execute(t.db);
    expect(audit.rows[0]!.action).toBe('register.imported');
    expect(audit.rows[0]!.after.createdChildren).toBe(5_000);

    const again = await uploadAndValidate(t.app, client, communeId, 'so-tre-em.csv', csvFile(clean));
    expect(again.errorCount).toBe(0);
    const second = await runJob(client, again.id);
    expect(second.status).toBe('imported');
    expect(second.createdPersons).toBe(0);
    expect(second.createdHouseholds).toBe(0);
    expect(second.skippedPersons).toBe(5_000);
    expect(await registerCounts(t.db)).toEqual(counts);
  });
});
