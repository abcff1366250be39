import { afterAll, beforeAll, expect, test } from 'vitest';
import { readDocx } from '../../documents/caseForms/testing/documentText.ts';
import type { TestClient } from '../../testing/client.ts';
import { intakeFor, signedInWithSector, walkTo } from '../../testing/caseFactories.ts';
import { seedCommune, seedProvince, seedVillage } from '../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let worker: TestClient;
let leader: TestClient;
let supervisor: TestClient;
let caseId: string;
let childName: string;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province);
  const village = await seedVillage(t.db, commune);
  const collaborator = await signedIn(t, 'village_collaborator', [village]);
  worker = await signedIn(t, 'commune_worker', [commune]);
  leader = await signedIn(t, 'commune_leader', [commune]);
  supervisor = (await signedInWithSector(t, 'province_officer', [province], 'social_protection')).client;
  const child = await seedPerson(t.db, await seedHousehold(t.db, village), {
    fullName: 'Lường Thị Ánh',
    birthDate: '2014-03-08',
    sex: 'female',
  });
  childName = child.fullName;
  const reported = await collaborator.post('/api/cases', intakeFor(child.id));
  caseId = reported.body.id;
  await worker.post(`/api/cases/${caseId}/take`);
  await walkTo(caseId, 'implementing', { worker, approver: leader });
});
afterAll(() => t.close());

test('the plan (Mẫu 04) prints the case’s goals and actions, as DOCX to edit and PDF to print', async () => {
  const docx = await worker.get(`/api/cases/${caseId}/forms/mau04?format=docx`);
  expect(docx.status).toBe(200);
  const text = readDocx(docx.raw.rawPayload).paragraphs.join('\n');
  expect(text).toContain(childName);
  expect(text).toContain('Cháu được an toàn, không bị bạo lực');
  expect(text).toContain('Tư vấn tâm lý 4 buổi');
  expect(text).toContain('Trung tâm CTXH tỉnh');
  const pdf = await leader.get(`/api/cases/${caseId}/forms/mau05`);
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  expect(String(pdf.headers['content-disposition'])).toContain('.pdf');
});

test('the report (Mẫu 01) names the reporter only for those who act on the case; printing is audited', async () => {
  const forWorker = readDocx(
    (await worker.get(`/api/cases/${caseId}/forms/mau01?format=docx`)).raw.rawPayload,
  ).paragraphs.join('\n');
  expect(forWorker).toContain('Lò Văn Tám');
  const forSupervisor = readDocx(
    (await supervisor.get(`/api/cases/${caseId}/forms/mau01?format=docx`)).raw.rawPayload,
  ).paragraphs.join('\n');
  expect(forSupervisor).not.toContain('Lò Văn Tám');
  expect(forSupervisor).not.toContain('0912345678');
  expect(forSupervisor).toContain('Đã được bảo mật');
  const printed = await t.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'case.form_printed')
    .where('entity_id', '=', caseId)
    .executeTakeFirstOrThrow();
  expect(Number(printed.n)).toBe(4);
});
