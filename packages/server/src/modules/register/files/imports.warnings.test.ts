import type { ImportRowError } from '@treem/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import {
  seedCommune,
  seedProvince,
  seedUser,
  seedVillage,
  type SeedUnit,
} from '../../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../../testing/registerFactories.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import { headerOf } from './importColumns.ts';
import {
  csvFile,
  registerRows,
  runJob,
  uploadAndValidate,
  writeThroughCopy,
  type FileRow,
} from './testing/importFiles.ts';

let t: TestApp;
let client: TestClient;
let commune: SeedUnit;
let existingId: string;

beforeAll(async () => {
  t = await createTestApp();
  writeThroughCopy(t);
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province, { name: 'Long Hải' });
  const village = await seedVillage(t.db, commune, { name: 'Nam Sơn' });
  await seedVillage(t.db, commune, { name: 'Đông Hà' });
  const worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  // A child entered by hand, in household book number 7.
  const household = await seedHousehold(t.db, village, { bookNumber: '7' });
  existingId = (
    await seedPerson(t.db, household, {
      fullName: 'Nguyễn Thị Hằng',
      sex: 'female',
      birthDate: '2018-05-20',
      personalId: null,
    })
  ).id;
  client = t.client();
  await client.login(worker.username, worker.password);
});

afterAll(async () => {
  await t.close();
});

/** Row 2: the existing child without diacritics, under another household number; row 3: a child matching nothing. */
function fileRows(): FileRow[] {
  const [first, second] = registerRows(2, ['Đông Hà']);
  return [
    {
      ...first,
      householdNumber: '99',
      fullName: 'Nguyen Thi Hang',
      sex: 'Nữ',
      birthDate: '20/05/2018',
      personalId: '',
      birthRegistered: 'Không',
    },
    { ...second, householdNumber: '99', fullName: 'Trần Minh Đức Riêng' },
  ];
}

async function warningsOf(id: string) {
  const response = await client.get<{ items: ImportRowError[]; total: number }>(
    `/api/register/imports/${id}/errors?kind=warnings&page=1&pageSize=50`,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe('register import: likely duplicates are warnings', () => {
  test('the dry run warns about a new child who looks like one in the register, and the run still writes it', async () => {
    const job = await uploadAndValidate(t.app, client, commune.id, 'trung-ten.csv', csvFile(fileRows()));
    expect(job).toMatchObject({ status: 'validated', errorCount: 0, warningCount: 1 });

    const warnings = await warningsOf(job.id);
    expect(warnings.total).toBe(1);
    expect(warnings.items).toEqual([
      {
        row: 2,
        column: headerOf('fullName'),
        code: 'possible_duplicate',
        message: expect.stringContaining('Nguyễn Thị Hằng, sinh ngày 20/05/2018, Thôn Nam Sơn') as string,
        value: 'Nguyen Thi Hang',
      },
    ]);
    // The errors are still the default report, and empty.
    const errors = await client.get<{ total: number }>(`/api/register/imports/${job.id}/errors`);
    expect(errors.body.total).toBe(0);

    const report = await client.get(`/api/register/imports/${job.id}/errors.xlsx`);
    expect(report.status).toBe(200);

    const done = await runJob(client, job.id);
    expect(done).toMatchObject({ status: 'imported', createdPersons: expect.any(Number), warningCount: 1 });
    const written = await t.db
      .selectFrom('person')
      .select(['id', 'full_name'])
      .where('name_search', '=', 'nguyen thi hang')
      .where('birth_date', '=', '2018-05-20')
      .execute();
    expect(written).toHaveLength(2);
    expect(written.map((p) => p.id)).toContain(existingId);
    expect((await warningsOf(job.id)).total).toBe(1);
  });

  test('a re-import of the same file warns about nothing: its rows match the records it wrote', async () => {
    const job = await uploadAndValidate(
      t.app,
      client,
      commune.id,
      'trung-ten-lan-2.csv',
      csvFile(fileRows()),
    );
    expect(job).toMatchObject({ status: 'validated', errorCount: 0, warningCount: 0 });
    expect((await warningsOf(job.id)).total).toBe(0);
    const done = await runJob(client, job.id);
    expect(done).toMatchObject({ status: 'imported', createdPersons: 0, skippedPersons: 2 });
  });

  test('rows matching nothing in the register get no warning', async () => {
    // A new household and child (without the personal ID the first test imported).
    const rows = fileRows()
      .slice(1)
      .map((r) => ({
        ...r,
        householdNumber: '100',
        fullName: 'Lê Bảo Ngọc Mới',
        personalId: '',
        birthRegistered: 'Không',
      }));
    const job = await uploadAndValidate(t.app, client, commune.id, 'khong-trung.csv', csvFile(rows));
    expect(job).toMatchObject({ status: 'validated', errorCount: 0, warningCount: 0 });
    expect((await warningsOf(job.id)).items).toEqual([]);
  });

  test('the workbook report carries the warnings on a sheet of their own', async () => {
    const rows = fileRows()
      .slice(0, 1)
      .map((r) => ({ ...r, householdNumber: '101' }));
    const job = await uploadAndValidate(t.app, client, commune.id, 'bao-cao.csv', csvFile(rows));
    // The register now holds the child twice (entered by hand, imported as household 99): both are named.
    expect(job).toMatchObject({ errorCount: 0, warningCount: 1 });
    const warning = (await warningsOf(job.id)).items[0]!;
    expect(warning.message).toContain('(và 1 trẻ khác)');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/register/imports/${job.id}/errors.xlsx`,
      headers: client.sessionCookie ? { cookie: client.sessionCookie } : {},
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cảnh báo');
    expect(sheet?.getRow(2).getCell(5).value).toBe('possible_duplicate');
  });
});
