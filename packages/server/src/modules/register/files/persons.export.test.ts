import { addYears, importFields, todayInVietnam } from '@treem/shared';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import {
  seedCommune,
  seedProvince,
  seedUser,
  seedVillage,
  type SeedUnit,
  type SeedUser,
} from '../../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import { csvRecords, neutraliseFormula, restoreFormulaText } from './csv.ts';
import { exportPersons } from './export.service.ts';
import { headerOf } from './importColumns.ts';
import { csvFile, registerCounts, registerRows, runJob, uploadAndValidate } from './testing/importFiles.ts';

let t: TestApp;
let client: TestClient;
let commune: SeedUnit;
let worker: SeedUser;
const rows = registerRows(120, ['Đông', 'Tây']);
// The export lists children (under 16) unless asked for everyone: the file's oldest were born in 2010.
const childSince = addYears(todayInVietnam(), -16);
const isChild = (row: (typeof rows)[number]) => row.birthDate!.split('/').reverse().join('-') > childSince;
const children = rows.filter(isChild);

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province, { name: 'Vĩnh An' });
  await seedVillage(t.db, commune, { name: 'Đông' });
  await seedVillage(t.db, commune, { name: 'Tây' });
  worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  client = t.client();
  await client.login(worker.username, worker.password);
  const job = await uploadAndValidate(t.app, client, commune.id, 'goc.csv', csvFile(rows));
  expect(job.errorCount).toBe(0);
  expect((await runJob(client, job.id)).status).toBe('imported');
});

afterAll(async () => {
  await t.close();
});

async function download(url: string) {
  const response = await client.get(url);
  expect(response.status, response.body).toBe(200);
  return response;
}

describe('GET /api/register/persons/export', () => {
  test('XLSX: every child in the template’s columns and wording', async () => {
    const response = await download(`/api/register/persons/export?format=xlsx&orgUnitId=${commune.id}`);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toMatch(/\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw.rawPayload as never);
    const sheet = workbook.getWorksheet('Sổ theo dõi trẻ em')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(importFields.map(headerOf));
    expect(children.length).toBeLessThan(rows.length);
    expect(sheet.actualRowCount).toBe(children.length + 1);
    const byName = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) byName.set(row.getCell(importFields.indexOf('fullName') + 1).text, row.values as unknown[]);
    });
    const sample = children.find((r) => r.circumstances)!;
    const exported = byName.get(sample.fullName!)!;
    const cell = (field: (typeof importFields)[number]) => exported[importFields.indexOf(field) + 1] ?? '';
    expect(cell('birthDate')).toBe(sample.birthDate);
    expect(cell('personalId')).toBe(sample.personalId);
    expect(cell('sex')).toBe(sample.sex);
    expect(cell('motherName')).toBe(sample.motherName);
    expect(cell('headName')).toBe(sample.headName);
    expect(cell('circumstances')).toBe('a1, d');
    expect(cell('livingArrangement')).toBe('Sống với cả cha và mẹ');
  });

  test('CSV: UTF-8 with a byte-order mark, filtered as on screen', async () => {
    const response = await download(
      `/api/register/persons/export?format=csv&search=${encodeURIComponent('thi hang')}`,
    );
    expect(response.headers['content-type']).toContain('text/csv');
    const bytes = response.raw.rawPayload;
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = [...csvRecords(bytes)];
    expect(records[0]).toEqual(importFields.map(headerOf));
    const expected = children.filter((r) => r.fullName!.includes('Thị Hằng')).length;
    expect(expected).toBeGreaterThan(0);
    expect(records.length - 1).toBe(expected);
    for (const record of records.slice(1))
      expect(record[importFields.indexOf('fullName')]).toContain('Thị Hằng');
  });

  test('CSV: a cell that a spreadsheet would run as a formula is written as text, and read back as it was', async () => {
    const target = children[0]!.fullName!;
    await sql`update person set notes = '=HYPERLINK("http://x";"y")' where full_name = ${target}`.execute(
      t.db,
    );
    try {
      const response = await download(
        `/api/register/persons/export?format=csv&search=${encodeURIComponent(target)}`,
      );
      const records = [...csvRecords(response.raw.rawPayload)];
      expect(records[1]![importFields.indexOf('notes')]).toBe(`'=HYPERLINK("http://x";"y")`);
      expect(restoreFormulaText(records[1]![importFields.indexOf('notes')]!)).toBe(
        '=HYPERLINK("http://x";"y")',
      );
      expect(restoreFormulaText("'không phải công thức")).toBe("'không phải công thức");
      expect(neutraliseFormula('+84 912 345 678')).toBe("'+84 912 345 678");
      expect(neutraliseFormula('Nguyễn Thị Hằng')).toBe('Nguyễn Thị Hằng');
    } finally {
      await sql`update person set notes = null where full_name = ${target}`.execute(t.db);
    }
  });

  test('an exported file imports back without adding anyone, as XLSX and as CSV, adults included', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const response = await download(
        `/api/register/persons/export?format=${format}&orgUnitId=${commune.id}&kind=all`,
      );
      const counts = await registerCounts(t.db);
      expect(counts.person).toBeGreaterThan(rows.length);
      const job = await uploadAndValidate(
        t.app,
        client,
        commune.id,
        `xuat.${format}`,
        response.raw.rawPayload,
      );
      const errors = await client.get(`/api/register/imports/${job.id}/errors`);
      expect(errors.body.items).toEqual([]);
      const imported = await runJob(client, job.id);
      expect(imported).toMatchObject({
        status: 'imported',
        createdPersons: 0,
        createdHouseholds: 0,
        skippedPersons: counts.person,
      });
      expect(await registerCounts(t.db)).toEqual(counts);
    }
  });

  test('refuses more rows than the limit with a clear error, and writes no audit event', async () => {
    const operator = {
      db: t.db,
      scope: { userId: worker.id, role: 'commune_worker' as const, sector: null, paths: [commune.path] },
      actor: { userId: worker.id, username: worker.username, requestId: null, ip: null },
      userId: worker.id,
    };
    const before = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(t.db);
    await expect(
      exportPersons(operator, { format: 'csv', kind: 'child', sort: 'name', order: 'asc' }, { rowLimit: 10 }),
    ).rejects.toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      details: { limit: 10 },
    });
    const after = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(t.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const small = await exportPersons(
      operator,
      { format: 'csv', kind: 'child', sort: 'name', order: 'asc' },
      { rowLimit: 1_000 },
    );
    expect([...csvRecords(small.body)]).toHaveLength(children.length + 1);
  });

  test('is audited with the filters and the count, once per export', async () => {
    await download(`/api/register/persons/export?format=csv&sex=female`);
    const audit = await sql<any>`
      select action, entity_type, org_path::text as org_path, after from audit_event order by seq desc limit 1`.execute(
      t.db,
    );
    expect(audit.rows[0]).toMatchObject({
      action: 'register.exported',
      entity_type: 'register',
      org_path: commune.path,
    });
    expect(audit.rows[0].after).toMatchObject({
      format: 'csv',
      count: children.filter((r) => r.sex === 'Nữ').length,
      filters: { sex: 'female' },
    });
  });
});
