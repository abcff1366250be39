import { importFields } from '@treem/shared';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage } from '../../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import { headerOf } from './importColumns.ts';
import { runJob, upload, waitForJob } from './testing/importFiles.ts';

let t: TestApp;
let client: TestClient;
let communeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province, { name: 'Tân Lập' });
  await seedVillage(t.db, commune, { name: 'Đồng Tâm' });
  await seedVillage(t.db, commune, { name: 'Hợp Nhất' });
  communeId = commune.id;
  const worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  client = t.client();
  await client.login(worker.username, worker.password);
});

afterAll(async () => {
  await t.close();
});

async function downloadTemplate(): Promise<ExcelJS.Workbook> {
  const response = await client.get('/api/register/import/template');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  expect(String(response.headers['content-disposition'])).toContain("filename*=UTF-8''M%E1%BA%ABu");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.raw.rawPayload as never);
  return workbook;
}

describe('GET /api/register/import/template', () => {
  test('has the data sheet with every field’s Vietnamese header, the guide and the catalogue', async () => {
    const workbook = await downloadTemplate();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sổ theo dõi trẻ em', 'Hướng dẫn', 'Danh mục']);
    const data = workbook.getWorksheet('Sổ theo dõi trẻ em')!;
    const headers = (data.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(importFields.map(headerOf));
    expect(headers).toContain('Ngày sinh (dd/MM/yyyy)');
    expect(headers).toContain('Nhóm HCĐB (mã a–o, cách nhau bởi dấu phẩy)');
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const guideText = JSON.stringify(guide.getSheetValues());
    for (const field of importFields) expect(guideText).toContain(headerOf(field));
    expect(guideText).toContain('Hộ cận nghèo');
    const catalogue = JSON.stringify(workbook.getWorksheet('Danh mục')!.getSheetValues());
    expect(catalogue).toContain('HMông');
    expect(catalogue).toContain('Trẻ em mồ côi cả cha và mẹ');
  });

  test('offers drop-down lists for the coded columns', async () => {
    const workbook = await downloadTemplate();
    const data = workbook.getWorksheet('Sổ theo dõi trẻ em')!;
    const sexColumn = importFields.indexOf('sex') + 1;
    const cell = data.getRow(10).getCell(sexColumn);
    expect(cell.dataValidation?.type).toBe('list');
    expect(cell.dataValidation?.formulae?.[0]).toBe('"Nam,Nữ"');
    const ethnicity = data.getRow(3).getCell(importFields.indexOf('ethnicity') + 1);
    expect(ethnicity.dataValidation?.formulae?.[0]).toContain('Danh mục');
  });

  test('filled in as an official would, it uploads with every column mapped and passes the dry run', async () => {
    const workbook = await downloadTemplate();
    const data = workbook.getWorksheet('Sổ theo dõi trẻ em')!;
    const row = (values: Record<string, string | Date | number>) =>
      data.addRow(importFields.map((field) => values[field] ?? null));
    row({
      householdNumber: '7',
      village: 'Đồng Tâm',
      address: 'Xóm Trại, Đồng Tâm',
      povertyStatus: 'Hộ nghèo',
      headName: 'Lò Văn Páo',
      fullName: 'Lò Thị Mai',
      sex: 'Nữ',
      // An Excel date cell, as the date picker makes.
      birthDate: new Date(Date.UTC(2017, 5, 3)),
      personalId: '011317000123',
      ethnicity: 'Thái',
      relationshipToHead: 'Con',
      motherName: 'Quàng Thị Xuân',
      fatherName: 'Lò Văn Páo',
      birthRegistered: 'Có',
      disability: 'Nghe, nói (nhẹ)',
      schoolName: 'Trường Tiểu học Đồng Tâm',
      hasHealthInsurance: 'Có',
      livingArrangement: 'Sống với cả cha và mẹ',
      circumstances: 'd',
      notes: 'Cần hỗ trợ máy trợ thính',
    });
    row({
      householdNumber: '7',
      village: 'Đồng Tâm',
      headName: 'Lò Văn Páo',
      fullName: 'Lò Văn Tú',
      sex: 'Nam',
      birthDate: '03/2021',
      relationshipToHead: 'Con',
      motherName: 'Quàng Thị Xuân',
      fatherName: 'Lò Văn Páo',
    });
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const uploaded = await upload(t.app, client, communeId, 'Mẫu đã điền.xlsx', bytes);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.fileFormat).toBe('xlsx');
    expect(uploaded.body.totalRows).toBe(2);
    expect(Object.keys(uploaded.body.mapping).sort()).toEqual([...importFields].sort());
    for (const field of importFields) expect(uploaded.body.mapping[field]).toBe(headerOf(field));

    expect((await client.post(`/api/register/imports/${uploaded.body.id}/validate`)).status).toBe(202);
    const validated = await waitForJob(client, uploaded.body.id);
    const errors = await client.get(`/api/register/imports/${uploaded.body.id}/errors`);
    expect(errors.body.items).toEqual([]);
    expect(validated.errorCount).toBe(0);

    const imported = await runJob(client, uploaded.body.id);
    expect(imported.status).toBe('imported');
    const mai = await sql<any>`
      select p.*, m.full_name as mother, f.full_name as father, h.book_number, h.poverty_status,
             hp.full_name as head
      from person p
      left join person m on m.id = p.mother_id
      left join person f on f.id = p.father_id
      join household h on h.id = p.household_id
      left join person hp on hp.id = h.head_person_id
      where p.full_name = 'Lò Thị Mai'`.execute(t.db);
    const child = mai.rows[0];
    expect(child).toMatchObject({
      birth_date: '2017-06-03',
      birth_date_precision: 'day',
      personal_id: '011317000123',
      ethnicity_code: '03',
      disability_type: 'hearing_speech',
      disability_level: 'mild',
      has_health_insurance: true,
      birth_registered: true,
      living_arrangement: 'both_parents',
      relationship_to_head: 'child',
      mother: 'Quàng Thị Xuân',
      father: 'Lò Văn Páo',
      head: 'Lò Văn Páo',
      book_number: '7',
      poverty_status: 'poor',
    });
    const tu =
      await sql<any>`select birth_date, birth_date_precision from person where full_name = 'Lò Văn Tú'`.execute(
        t.db,
      );
    expect(tu.rows[0]).toEqual({ birth_date: '2021-03-01', birth_date_precision: 'month' });
    const circumstances = await sql<any>`
      select group_code, sub_group_code from circumstance_assignment where person_id = ${child.id}`.execute(
      t.db,
    );
    expect(circumstances.rows).toEqual([{ group_code: 'd', sub_group_code: null }]);
  });
});
