import { sql } from 'kysely';
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
import { pdfText } from './testing/importFiles.ts';

let t: TestApp;
let client: TestClient;
let village: SeedUnit;
let emptyVillage: SeedUnit;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db, { name: 'Thử Nghiệm' });
  const commune = await seedCommune(t.db, province, { name: 'Hưng Thịnh' });
  village = await seedVillage(t.db, commune, { name: 'Quyết Tiến' });
  emptyVillage = await seedVillage(t.db, commune, { name: 'Thống Nhất' });
  const first = await seedHousehold(t.db, village, {
    bookNumber: '1',
    address: 'Số 1, Quyết Tiến',
    povertyStatus: 'poor',
  });
  await seedPerson(t.db, first, { fullName: 'Nguyễn Thị Hằng', sex: 'female', birthDate: '2019-08-15' });
  await seedPerson(t.db, first, { fullName: 'Nguyễn Đức Trường', sex: 'male', birthDate: '2016-01-02' });
  await seedPerson(t.db, first, { fullName: 'Nguyễn Văn Người Lớn', sex: 'male', birthDate: '1980-01-01' });
  const second = await seedHousehold(t.db, village, { bookNumber: '2' });
  await seedPerson(t.db, second, { fullName: 'Phạm Ngọc Ánh', sex: 'female', birthDate: '2021-11-30' });
  const worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  client = t.client();
  await client.login(worker.username, worker.password);
});

afterAll(async () => {
  await t.close();
});

describe('GET /api/register/villages/:id/book.pdf', () => {
  test('is an A4 PDF with the national header, one page per household and the children’s names', async () => {
    const response = await client.get(`/api/register/villages/${village.id}/book.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.raw.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5_000);
    // A4 is 595.28 × 841.89 points.
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/);

    const text = await pdfText(bytes);
    const pages = text.split('\n');
    // The cover, then one page for each of the two households.
    expect(pages).toHaveLength(3);
    expect(text).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(pages[0]).toContain('SỔ THEO DÕI TRẺ EM');
    expect(pages[1]).toContain('Nguyễn Thị Hằng');
    expect(pages[1]).toContain('Nguyễn Đức Trường');
    expect(pages[1]).toContain('15/08/2019');
    expect(pages[1]).toContain('Hộ nghèo');
    // Only children under 16 are in the book.
    expect(text).not.toContain('Nguyễn Văn Người Lớn');
    expect(pages[2]).toContain('Phạm Ngọc Ánh');
    expect(pages[2]).toContain('Trang 3/3');
  });

  test('prints a village without children as a cover page alone', async () => {
    const response = await client.get(`/api/register/villages/${emptyVillage.id}/book.pdf`);
    expect(response.status).toBe(200);
    const text = await pdfText(response.raw.rawPayload);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain('Thống Nhất');
  });

  test('is audited as a printed book of that village', async () => {
    await client.get(`/api/register/villages/${village.id}/book.pdf`);
    const audit = await sql<any>`
      select action, entity_id, org_path::text as org_path, after from audit_event order by seq desc limit 1`.execute(
      t.db,
    );
    expect(audit.rows[0]).toMatchObject({
      action: 'register.book_printed',
      entity_id: village.id,
      org_path: village.path,
      after: { households: 2, children: 3 },
    });
  });
});
