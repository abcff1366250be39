import { importFields, type ImportField, type ImportJob } from '@treem/shared';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../../../db/schema.ts';
import type { TestClient } from '../../../../testing/client.ts';
import { testTarget } from '../../../../testing/testDatabase.ts';
import type { TestApp } from '../../../../testing/testApp.ts';
import { csvField } from '../csv.ts';
import { headerOf } from '../importColumns.ts';

/** One row of a register file, by field; missing fields are empty cells. */
export type FileRow = Partial<Record<ImportField, string>>;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
];
const GIRL = [
  'Thị Hằng',
  'Thị Lan',
  'Ngọc Ánh',
  'Thu Trang',
  'Minh Thư',
  'Khánh Linh',
  'Bảo Ngọc',
  'Thị Hương',
];
const BOY = ['Văn Hùng', 'Minh Đức', 'Quốc Bảo', 'Gia Huy', 'Đức Anh', 'Hoàng Long', 'Văn Tuấn', 'Thành Đạt'];

/** A valid 12-digit personal ID for a child born in 20yy (province 001, century/sex digit 2 or 3). */
export function personalIdFor(sex: 'male' | 'female', birthYear: number, serial: number): string {
  const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  return `001${centurySex}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

/**
 * A deterministic register of `children` children in households of 1–3 children spread over `villages`, every row
 * valid: what an official's clean file looks like. Names are unique per row so rows never collide by accident.
 */
export function registerRows(
  children: number,
  villages: readonly string[],
  options: { serialBase?: number } = {},
) {
  const rows: FileRow[] = [];
  let household = 0;
  let i = 0;
  while (i < children) {
    household += 1;
    const size = 1 + (household % 3);
    const family = FAMILY[household % FAMILY.length]!;
    const mother = `${FAMILY[(household + 3) % FAMILY.length]!} Thị Mẹ ${household}`;
    const father = `${family} Văn Cha ${household}`;
    const village = villages[household % villages.length]!;
    for (let k = 0; k < size && i < children; k += 1, i += 1) {
      const sex = i % 2 === 0 ? 'female' : 'male';
      const year = 2010 + (i % 15);
      const month = 1 + (i % 12);
      const day = 1 + (i % 28);
      const given = (sex === 'female' ? GIRL : BOY)[i % 8]!;
      rows.push({
        householdNumber: String(household),
        village,
        address: `Số ${household}, ${village}`,
        povertyStatus: household % 17 === 0 ? 'Hộ nghèo 2025' : household % 13 === 0 ? 'Hộ cận nghèo' : '',
        headName: father,
        fullName: `${family} ${given} ${i + 1}`,
        sex: sex === 'female' ? 'Nữ' : 'Nam',
        birthDate: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
        personalId: i % 10 === 9 ? '' : personalIdFor(sex, year, (options.serialBase ?? 0) + i + 1),
        ethnicity: i % 7 === 0 ? 'Tày' : 'Kinh',
        relationshipToHead: 'Con',
        motherName: mother,
        fatherName: father,
        caregiverName: '',
        birthRegistered: i % 10 === 9 ? 'Không' : 'Có',
        disability: i % 97 === 0 ? 'Vận động (nặng)' : '',
        schoolName: year < 2020 ? 'Trường Tiểu học Hòa Bình' : '',
        hasHealthInsurance: 'Có',
        livingArrangement: 'Sống với cả cha và mẹ',
        circumstances: i % 41 === 0 ? 'a1, d' : '',
        notes: '',
      });
    }
  }
  return rows;
}

export function headersFor(fields: readonly ImportField[] = importFields): string[] {
  return fields.map(headerOf);
}

/** A CSV file: UTF-8 (with a byte-order mark unless told), comma or semicolon, CRLF. */
export function csvFile(
  rows: readonly FileRow[],
  options: { delimiter?: string; bom?: boolean; headers?: Partial<Record<ImportField, string>> } = {},
): Buffer {
  const delimiter = options.delimiter ?? ',';
  const header = importFields.map((f) => options.headers?.[f] ?? headerOf(f));
  const lines = [header, ...rows.map((r) => importFields.map((f) => r[f] ?? ''))].map((cells) =>
    cells.map((c) => csvField(c, delimiter)).join(delimiter),
  );
  return Buffer.from(`${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An XLSX file with the rows under the template's headers (cells as text). */
export async function xlsxFile(rows: readonly FileRow[], sheetName = 'Sổ theo dõi trẻ em'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headersFor());
  for (const row of rows) sheet.addRow(importFields.map((f) => row[f] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** POSTs raw file bytes as the web client does (session cookie, CSRF header, a file content type). */
export async function upload(
  app: FastifyInstance,
  client: TestClient,
  communeId: string,
  fileName: string,
  bytes: Buffer,
  contentType = 'application/octet-stream',
) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/register/imports?communeId=${communeId}&fileName=${encodeURIComponent(fileName)}`,
    payload: bytes,
    headers: {
      'content-type': contentType,
      ...(client.sessionCookie ? { cookie: client.sessionCookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
  });
  return { status: response.statusCode, body: response.json() };
}

/** Polls the job until its background work ends; fails the test if it does not within the time limit. */
export async function waitForJob(client: TestClient, id: string, timeoutMs = 60_000): Promise<ImportJob> {
  const started = Date.now();
  for (;;) {
    const response = await client.get<ImportJob>(`/api/register/imports/${id}`);
    expect(response.status).toBe(200);
    if (response.body.status !== 'validating' && response.body.status !== 'importing') return response.body;
    if (Date.now() - started > timeoutMs) throw new Error(`import ${id} still ${response.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Upload → validate; returns the validated job. */
export async function uploadAndValidate(
  app: FastifyInstance,
  client: TestClient,
  communeId: string,
  fileName: string,
  bytes: Buffer,
): Promise<ImportJob> {
  const uploaded = await upload(app, client, communeId, fileName, bytes);
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const started = await client.post(`/api/register/imports/${uploaded.body.id}/validate`);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return waitForJob(client, uploaded.body.id);
}

/** Starts the run of a validated job and waits for its end. */
export async function runJob(client: TestClient, id: string): Promise<ImportJob> {
  const started = await client.post(`/api/register/imports/${id}/run`);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return waitForJob(client, id);
}

/** Row counts of the register's tables: "writes nothing" is checked against these. */
export async function registerCounts(db: Kysely<DB>) {
  const counts: Record<string, number> = {};
  for (const table of [
    'household',
    'person',
    'circumstance_assignment',
    'at_risk_flag',
    'person_move',
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The text of every page of a PDF (pdf.js), so a test reads what a person would see. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n');
}

/**
 * On native PostgreSQL, gives the app the test database's URL, as a server has it, so runs write through COPY on
 * their own connection (copySession.ts); PGlite keeps the shared connection and `unnest`. True when COPY is used.
 */
export function writeThroughCopy(t: TestApp): boolean {
  if (testTarget() !== 'postgres') return false;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = new URL(t.database.describe).pathname;
  t.config.databaseUrl = url.toString();
  return true;
}
