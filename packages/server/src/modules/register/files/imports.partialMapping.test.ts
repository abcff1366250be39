import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage } from '../../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import { upload, waitForJob } from './testing/importFiles.ts';

/** A file of an official's own making carries some of the fields only: the mapping names just those. */
let t: TestApp;
let client: TestClient;
let communeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const commune = await seedCommune(t.db, await seedProvince(t.db), { name: 'Tân Lập' });
  await seedVillage(t.db, commune, { name: 'Đồng Tâm' });
  communeId = commune.id;
  const worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  client = t.client();
  await client.login(worker.username, worker.password);
});
afterAll(() => t.close());

test('a mapping of only some fields is accepted and the file validates', async () => {
  const csv = [
    'Số hộ gia đình,Thôn xóm,Họ tên trẻ,Nam/Nữ,Ngày tháng năm sinh',
    '1,Thôn Đồng Tâm,Hà Thị Xuân,Nữ,02/03/2019',
    '1,Thôn Đồng Tâm,Hà Văn Đông,Nam,15/11/2021',
  ].join('\r\n');
  const uploaded = await upload(t.app, client, communeId, 'danh-sach.csv', Buffer.from(csv), 'text/csv');
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const mapping = {
    householdNumber: 'Số hộ gia đình',
    village: 'Thôn xóm',
    fullName: 'Họ tên trẻ',
    sex: 'Nam/Nữ',
    birthDate: 'Ngày tháng năm sinh',
  };
  const saved = await client.put(`/api/register/imports/${uploaded.body.id}/mapping`, { mapping });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect(saved.body.mapping).toEqual(mapping);
  expect((await client.post(`/api/register/imports/${uploaded.body.id}/validate`)).status).toBe(202);
  const job = await waitForJob(client, uploaded.body.id);
  expect(job).toMatchObject({ status: 'validated', totalRows: 2, errorCount: 0 });
});

test('a mapping without a required field is refused with IMPORT_MAPPING_INCOMPLETE', async () => {
  const csv = 'Họ tên trẻ,Ngày sinh\r\nHà Thị Xuân,02/03/2019\r\n';
  const uploaded = await upload(t.app, client, communeId, 'thieu.csv', Buffer.from(csv), 'text/csv');
  expect(uploaded.status).toBe(201);
  const saved = await client.put(`/api/register/imports/${uploaded.body.id}/mapping`, {
    mapping: { fullName: 'Họ tên trẻ', birthDate: 'Ngày sinh' },
  });
  expect(saved.status).toBe(422);
  expect(saved.body.error.code).toBe('IMPORT_MAPPING_INCOMPLETE');
});
