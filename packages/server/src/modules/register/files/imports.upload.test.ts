import { importFields, type ImportField } from '@treem/shared';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage } from '../../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import { csvField } from './csv.ts';
import { headerOf } from './importColumns.ts';
import {
  csvFile,
  registerRows,
  runJob,
  upload,
  uploadAndValidate,
  waitForJob,
} from './testing/importFiles.ts';

let t: TestApp;
let client: TestClient;
let communeId: string;
let otherCommuneId: string;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province, { name: 'Phú Mỹ' });
  const other = await seedCommune(t.db, province, { name: 'An Phú' });
  await seedVillage(t.db, commune, { name: 'Bình An' });
  await seedVillage(t.db, commune, { name: 'Xuân Hòa' });
  communeId = commune.id;
  otherCommuneId = other.id;
  const worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  client = t.client();
  await client.login(worker.username, worker.password);
});

afterAll(async () => {
  await t.close();
});

describe('POST /api/register/imports', () => {
  test('reads a CSV with a byte-order mark, semicolons, CRLF and quoted fields', async () => {
    const rows = registerRows(6, ['Bình An', 'Xuân Hòa']);
    for (const row of rows.filter((r) => r.householdNumber === rows[0]!.householdNumber)) {
      row.address = 'Số 5; ngõ 3, "Xóm Chùa"';
    }
    rows[0]!.notes = 'Dòng một\nDòng hai';
    const bytes = csvFile(rows, { delimiter: ';', bom: true });
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const job = await uploadAndValidate(t.app, client, communeId, 'so;tre.csv', bytes);
    expect(job.fileFormat).toBe('csv');
    expect(job.headers).toEqual(importFields.map(headerOf));
    expect(job.totalRows).toBe(6);
    expect(job.errorCount).toBe(0);
    const imported = await runJob(client, job.id);
    expect(imported.status).toBe('imported');
    const household = await sql<any>`
      select h.address, p.notes from household h join person p on p.household_id = h.id
      where p.full_name = ${rows[0]!.fullName}`.execute(t.db);
    expect(household.rows[0]).toEqual({ address: 'Số 5; ngõ 3, "Xóm Chùa"', notes: 'Dòng một\nDòng hai' });
  });

  test('reads a CSV without a byte-order mark, comma-separated', async () => {
    const rows = registerRows(3, ['Bình An'], { serialBase: 1_000 }).map((r) => ({
      ...r,
      householdNumber: `K${r.householdNumber}`,
    }));
    const job = await uploadAndValidate(
      t.app,
      client,
      communeId,
      'khong-bom.csv',
      csvFile(rows, { bom: false }),
    );
    expect(job.headers[0]).toBe('Số hộ');
    expect(job.errorCount).toBe(0);
  });

  test('proposes a mapping for a register whose headers differ from the template, and takes a corrected one', async () => {
    const ownHeaders: Partial<Record<ImportField, string>> = {
      householdNumber: 'STT hộ',
      village: 'Thôn',
      fullName: 'Họ tên trẻ',
      sex: 'Giới',
      birthDate: 'Ngày tháng năm sinh',
      personalId: 'CCCD',
      motherName: 'Tên mẹ',
      fatherName: 'Họ tên bố',
      ethnicity: 'DÂN TỘC',
      // Headers treem has never seen: left for the official to map.
      headName: 'Người đứng tên hộ',
      circumstances: 'Diện trẻ đặc biệt',
    };
    const rows = registerRows(4, ['Xuân Hòa'], { serialBase: 2_000 }).map((r) => ({
      ...r,
      householdNumber: `M${r.householdNumber}`,
    }));
    const uploaded = await upload(
      t.app,
      client,
      communeId,
      'so-cu.csv',
      csvFile(rows, { headers: ownHeaders }),
    );
    expect(uploaded.status).toBe(201);
    const mapping = uploaded.body.mapping;
    expect(mapping).toMatchObject({
      householdNumber: 'STT hộ',
      village: 'Thôn',
      fullName: 'Họ tên trẻ',
      sex: 'Giới',
      birthDate: 'Ngày tháng năm sinh',
      personalId: 'CCCD',
      motherName: 'Tên mẹ',
      fatherName: 'Họ tên bố',
      ethnicity: 'DÂN TỘC',
    });
    expect(mapping.headName).toBeUndefined();
    expect(mapping.circumstances).toBeUndefined();

    const headers = importFields.map((f) => ownHeaders[f] ?? headerOf(f));
    const full = Object.fromEntries(importFields.map((f, i) => [f, headers[i]!]));
    const put = await client.request('PUT', `/api/register/imports/${uploaded.body.id}/mapping`, {
      mapping: full,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.mapping.headName).toBe('Người đứng tên hộ');
    expect(put.body.status).toBe('uploaded');

    expect((await client.post(`/api/register/imports/${uploaded.body.id}/validate`)).status).toBe(202);
    const validated = await waitForJob(client, uploaded.body.id);
    expect(validated.errorCount).toBe(0);
  });

  test('refuses a mapping that names a column the file does not have, or one column for two fields', async () => {
    const uploaded = await upload(t.app, client, communeId, 'a.csv', csvFile(registerRows(1, ['Bình An'])));
    const full = Object.fromEntries(importFields.map((f) => [f, headerOf(f)]));
    const unknown = await client.request('PUT', `/api/register/imports/${uploaded.body.id}/mapping`, {
      mapping: { ...full, notes: 'Cột không có' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0]).toMatchObject({
      path: 'body.mapping.notes',
      code: 'unknown_header',
    });
    const twice = await client.request('PUT', `/api/register/imports/${uploaded.body.id}/mapping`, {
      mapping: { ...full, notes: headerOf('fullName') },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.issues[0].code).toBe('header_used_twice');
  });

  test('cannot validate while a required column is unmapped', async () => {
    const rows = registerRows(2, ['Bình An']);
    const uploaded = await upload(
      t.app,
      client,
      communeId,
      'thieu-cot.csv',
      csvFile(rows, { headers: { birthDate: 'Một cột lạ' } }),
    );
    expect(uploaded.body.mapping.birthDate).toBeUndefined();
    const validate = await client.post(`/api/register/imports/${uploaded.body.id}/validate`);
    expect(validate.status).toBe(422);
    expect(validate.body.error).toMatchObject({
      code: 'IMPORT_MAPPING_INCOMPLETE',
      details: { missing: ['birthDate'] },
    });
  });

  test('finds the header under a title block in a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Trang 1');
    sheet.addRow(['SỔ THEO DÕI TRẺ EM']);
    sheet.addRow(['Xã Phú Mỹ — năm 2026']);
    sheet.addRow([]);
    sheet.addRow(['Số hộ', 'Thôn/Tổ dân phố', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số định danh cá nhân']);
    // A number cell for the personal ID: Excel dropped the leading zero.
    sheet.addRow(['21', 'Thôn Bình An', 'Nguyễn Thị Hoa', 'nu', '5/3/2019', 11319000777]);
    const uploaded = await upload(
      t.app,
      client,
      communeId,
      'co-tieu-de.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.headers).toEqual([
      'Số hộ',
      'Thôn/Tổ dân phố',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Số định danh cá nhân',
    ]);
    expect(uploaded.body.totalRows).toBe(1);
    await client.post(`/api/register/imports/${uploaded.body.id}/validate`);
    const validated = await waitForJob(client, uploaded.body.id);
    expect(validated.errorCount).toBe(0);
    const imported = await runJob(client, uploaded.body.id);
    expect(imported.createdPersons).toBe(1);
    const person =
      await sql<any>`select personal_id, birth_date, sex from person where full_name = 'Nguyễn Thị Hoa'`.execute(
        t.db,
      );
    expect(person.rows[0]).toEqual({ personal_id: '011319000777', birth_date: '2019-03-05', sex: 'female' });
  });

  test('answers 422 IMPORT_FILE_UNREADABLE for a file that is neither a workbook nor text with a header', async () => {
    for (const bytes of [
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
      Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]),
      Buffer.from('\r\n\r\n'),
    ]) {
      const response = await upload(t.app, client, communeId, 'hong.xlsx', bytes);
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('IMPORT_FILE_UNREADABLE');
    }
  });

  test('answers 404 for a commune outside the caller’s scope and stores nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from register_import`.execute(t.db);
    const response = await upload(
      t.app,
      client,
      otherCommuneId,
      'x.csv',
      csvFile(registerRows(1, ['Bình An'])),
    );
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
    const after = await sql<{ n: number }>`select count(*)::int as n from register_import`.execute(t.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  test('reports household rows that contradict each other and a child listed twice', async () => {
    const header = importFields.slice(0, 8).map(headerOf);
    const lines = [
      header,
      ['Z1', 'Bình An', 'Số 1', '', 'Trần Văn Ba', 'Trần Thị Út', 'Nữ', '01/01/2020'],
      ['Z1', 'Xuân Hòa', 'Số 1', '', 'Trần Văn Ba', 'Trần Văn Tư', 'Nam', '02/02/2019'],
      ['Z1', 'Bình An', 'Số 1', '', 'Trần Văn Ba', 'Trần Thị Út', 'Nữ', '01/01/2020'],
    ];
    const text = lines.map((l) => l.map((c) => csvField(c)).join(',')).join('\n');
    const job = await uploadAndValidate(t.app, client, communeId, 'mau-thuan.csv', Buffer.from(text));
    const errors = await client.get(`/api/register/imports/${job.id}/errors`);
    expect(errors.body.items.map((e: any) => [e.row, e.column, e.code])).toEqual([
      [3, 'Thôn/Tổ dân phố', 'household_inconsistent'],
      [4, 'Họ và tên', 'duplicate_in_file'],
    ]);
  });
});
