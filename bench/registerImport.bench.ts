// registerImport: throughput of the register import (issue 3) — N children (default 1,000,000; `--rows N` or
// BENCH_ROWS) from CSV through the whole pipeline (store the upload, dry run, run), against a baseline measured in
// the same run: `COPY` of the same CSV bytes into a bare table (21 text columns, no index, no check).
//
// Database: native PostgreSQL only (DATABASE_URL): a scratch database, dropped afterwards. Units: the shipped
// administrative units, then `BENCH_VILLAGES` villages in each commune used. The rows are split into one file per
// commune (`--files`, default N / 20,000: a commune's register is what an official uploads), each imported as a
// job of its own commune, one after another, through the service functions the HTTP routes call (no HTTP).
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadAdminUnits, migrate, openDatabase } from '@treem/server';
import { foldVietnamese, importFields, newId, type ImportField } from '@treem/shared';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { systemActor } from '../packages/server/src/audit/audit.ts';
import type { DB } from '../packages/server/src/db/schema.ts';
import type { Operator } from '../packages/server/src/http/context.ts';
import { csvField } from '../packages/server/src/modules/register/files/csv.ts';
import { headerOf } from '../packages/server/src/modules/register/files/importColumns.ts';
import {
  importRegisterFile,
  uploadImport,
  validateRegisterImport,
} from '../packages/server/src/modules/register/files/import.service.ts';
import {
  envInt,
  loadNote,
  machineInfo,
  row,
  scratchPostgres,
  seededRandom,
  writeResult,
  type ResultRow,
} from './support.ts';

/** rows per second the issue asks of the import, dry run and duplicate checks included */
const TARGET_ROWS_PER_SECOND = 25_000;

function argInt(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const ROWS = argInt('rows') ?? envInt('BENCH_ROWS', 1_000_000);
const FILES = argInt('files') ?? envInt('BENCH_FILES', Math.max(1, Math.round(ROWS / 20_000)));
const VILLAGES = envInt('BENCH_VILLAGES', 12);
/** Files imported at once (communes are independent); 1 = one official after another. */
const CONCURRENCY = argInt('concurrency') ?? envInt('BENCH_CONCURRENCY', 1);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const random = seededRandom(envInt('BENCH_SEED', 20260703));

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
  'Dương',
  'Lý',
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
  'Hải Yến',
  'Phương Thảo',
];
const BOY = [
  'Văn Hùng',
  'Minh Đức',
  'Quốc Bảo',
  'Gia Huy',
  'Đức Anh',
  'Hoàng Long',
  'Văn Tuấn',
  'Thành Đạt',
  'Minh Khôi',
  'Đăng Khoa',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thu', 'Quang', 'Hải', 'Thanh', 'Xuân'];
const ETHNIC = [
  'Kinh',
  'Kinh',
  'Kinh',
  'Kinh',
  'Kinh',
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'HMông',
  'Nùng',
  'Dao',
];
const LIVING = [
  'Sống với cả cha và mẹ',
  'Sống với cả cha và mẹ',
  'Sống với cả cha và mẹ',
  'Chỉ sống với mẹ',
  'Sống với người thân',
];
const VILLAGE_NAMES = [
  'Đông',
  'Đoài',
  'Thượng',
  'Hạ',
  'Trung',
  'Tân Lập',
  'Hòa Bình',
  'Đồng Tâm',
  'Hợp Nhất',
  'Tiến Bộ',
  'Thống Nhất',
  'Quyết Tiến',
  'Nam Sơn',
  'Bắc Sơn',
  'Phú Lộc',
  'Minh Khai',
];

const pickOf = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Serial numbers per (century/sex digit, year): personal IDs stay unique in the province. */
const serials = new Map<string, number>();
function personalId(sex: 'male' | 'female', year: number): string {
  const prefix = `0${PROVINCE}${(year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0)}${pad(year % 100)}`;
  const serial = (serials.get(prefix) ?? 0) + 1;
  serials.set(prefix, serial);
  return `${prefix}${pad(serial, 6)}`;
}

/**
 * One commune's register as CSV: households of 1–4 children, Vietnamese names with diacritics, 10% without a
 * personal ID, some month/year-only dates, ~3% in a special-circumstance group, the parents named on every row.
 */
function communeCsv(rows: number, villages: readonly string[]): Buffer {
  const lines: string[] = [`\uFEFF${importFields.map((f) => csvField(headerOf(f))).join(',')}`];
  let household = 0;
  let written = 0;
  while (written < rows) {
    household += 1;
    const size = 1 + Math.floor(random() * 4);
    const family = pickOf(FAMILY);
    const father = `${family} Văn ${pickOf(BOY).split(' ')[1]!}`;
    const mother = `${pickOf(FAMILY)} Thị ${pickOf(GIRL).split(' ')[1]!}`;
    const village = pickOf(villages);
    const poverty = random() < 0.06 ? 'Hộ nghèo 2025' : random() < 0.05 ? 'Hộ cận nghèo' : '';
    const address = `Số ${household}, xóm ${pickOf(MIDDLE)}, ${village}`;
    for (let k = 0; k < size && written < rows; k += 1, written += 1) {
      const sex = random() < 0.51 ? 'male' : 'female';
      const year = 2011 + Math.floor(random() * 15);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const precision = random();
      const birth =
        precision < 0.02
          ? String(year)
          : precision < 0.05
            ? `${pad(month)}/${year}`
            : `${pad(day)}/${pad(month)}/${year}`;
      const values: Record<ImportField, string> = {
        householdNumber: String(household),
        village,
        address,
        povertyStatus: poverty,
        headName: father,
        fullName: `${family} ${pickOf(sex === 'female' ? GIRL : BOY)} ${pickOf(MIDDLE)} ${written + 1}`,
        sex: sex === 'female' ? 'Nữ' : 'Nam',
        birthDate: birth,
        personalId: random() < 0.1 ? '' : personalId(sex, year),
        ethnicity: pickOf(ETHNIC),
        relationshipToHead: 'Con',
        motherName: mother,
        fatherName: father,
        caregiverName: '',
        birthRegistered: random() < 0.97 ? 'Có' : 'Không',
        disability: random() < 0.01 ? 'Vận động (nặng)' : '',
        schoolName: year < 2021 ? `Trường Tiểu học ${village}` : '',
        hasHealthInsurance: random() < 0.95 ? 'Có' : 'Không',
        livingArrangement: pickOf(LIVING),
        circumstances: random() < 0.03 ? pickOf(['a1', 'b', 'c', 'd', 'h', 'n', 'a3, d']) : '',
        notes: '',
      };
      lines.push(importFields.map((f) => csvField(values[f])).join(','));
    }
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

interface Commune {
  id: string;
  path: string;
  name: string;
}

async function addVillages(db: Kysely<DB>, communes: Commune[]): Promise<void> {
  const rows = communes.flatMap((commune) =>
    VILLAGE_NAMES.slice(0, VILLAGES).map((name, i) => {
      const id = newId();
      return {
        id,
        generation: 'village' as const,
        level: 'village' as const,
        code: pad(i + 1, 3),
        name,
        full_name: `Thôn ${name}`,
        name_search: foldVietnamese(name),
        type: 'Thôn',
        type_code: 'thon',
        parent_id: commune.id,
        path: `${commune.path}.v${id.replace(/-/g, '').slice(-12)}`,
        province_code: PROVINCE,
        valid_from: '2025-07-01',
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('org_unit')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** The baseline: the same CSV bytes through COPY into a bare table, one COPY per file, in one transaction. */
async function copyBaseline(url: string, files: Buffer[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `create table bench_copy (${importFields.map((f) => `${f.toLowerCase()} text`).join(', ')})`,
    );
    const started = performance.now();
    await client.query('begin');
    for (const file of files) {
      const stream = client.query(copyFrom('copy bench_copy from stdin with (format csv, header true)'));
      // COPY's CSV reader does not skip a byte-order mark: it would be part of the first header cell only.
      await pipeline(Readable.from([file]), stream);
    }
    await client.query('commit');
    const ms = performance.now() - started;
    const counted = await client.query<{ n: number }>('select count(*)::int as n from bench_copy');
    if (counted.rows[0]!.n !== ROWS)
      throw new Error(`COPY loaded ${counted.rows[0]!.n} rows, expected ${ROWS}`);
    await client.query('drop table bench_copy');
    return ms;
  } finally {
    await client.end();
  }
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error(
      'registerImport measures native PostgreSQL: set DATABASE_URL=postgres://… (a user with CREATEDB)',
    );
    process.exit(2);
  }
  const notes: string[] = [loadNote('at start')];
  const scratch = await scratchPostgres(adminUrl);
  try {
    const database = await openDatabase({ databaseUrl: scratch.url });
    const { db } = database;
    try {
      await migrate(db);
      await loadAdminUnits(db);
      // BENCH_ECD_TRIGGERS=off measures the import without the person triggers that keep the early-childhood
      // summary in step (docs/early-childhood.md): run it beside a default run to see what they cost.
      if (process.env.BENCH_ECD_TRIGGERS === 'off') {
        await sql`alter table person disable trigger person_ecd_summary_insert`.execute(db);
        await sql`alter table person disable trigger person_ecd_summary_update`.execute(db);
        notes.push('person triggers of the early-childhood summary disabled (BENCH_ECD_TRIGGERS=off)');
      }
      // BENCH_FACT_TRIGGERS=off: the same for the triggers that mark the children's indicator facts stale
      // (migration 0018, docs/indicators.md).
      if (process.env.BENCH_FACT_TRIGGERS === 'off') {
        for (const trigger of ['person_facts_insert', 'person_facts_update', 'person_facts_delete'])
          await sql`alter table person disable trigger ${sql.id(trigger)}`.execute(db);
        notes.push('person triggers of the indicator facts disabled (BENCH_FACT_TRIGGERS=off)');
      }
      const province = await db
        .selectFrom('org_unit')
        .select(['id', 'path'])
        .where('generation', '=', 'current')
        .where('level', '=', 'province')
        .where('province_code', '=', PROVINCE)
        .executeTakeFirstOrThrow();
      const communes = (await db
        .selectFrom('org_unit')
        .select(['id', 'path', 'name'])
        .where('parent_id', '=', province.id)
        .where('generation', '=', 'current')
        .orderBy('code')
        .limit(FILES)
        .execute()) as Commune[];
      if (communes.length < FILES)
        throw new Error(`province ${PROVINCE} has only ${communes.length} communes`);
      await addVillages(db, communes);
      await sql`analyze`.execute(db);
      const version =
        (await sql<{ version: string }>`select version()`.execute(db)).rows[0]?.version ?? 'unknown';

      const generated = performance.now();
      const files = communes.map((_, i) =>
        communeCsv(Math.floor(ROWS / FILES) + (i < ROWS % FILES ? 1 : 0), VILLAGE_NAMES.slice(0, VILLAGES)),
      );
      const bytes = files.reduce((sum, f) => sum + f.length, 0);
      console.log(
        `registerImport: ${ROWS} rows in ${FILES} files (${(bytes / 1e6).toFixed(1)} MB), generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
      );

      const copyMs = await copyBaseline(scratch.url, files);
      const copyRate = ROWS / (copyMs / 1000);
      console.log(`  COPY baseline: ${(copyMs / 1000).toFixed(1)} s, ${Math.round(copyRate)} rows/s`);

      const operator: Operator = {
        db,
        scope: { userId: newId(), role: 'province_admin', sector: null, paths: [province.path] },
        actor: systemActor('bench'),
        userId: null,
      };
      // As the server runs it: the run writes through COPY on its own connection to the same database.
      const jobOptions = { databaseUrl: scratch.url };
      const phases = { upload: 0, validate: 0, run: 0 };
      // This process's CPU time (user + system): the JavaScript share of the work, little moved by other load.
      const cpuStart = process.cpuUsage();
      let created = 0;
      let households = 0;
      let peakRss = 0;
      const started = performance.now();
      let done = 0;
      const importCommune = async (index: number) => {
        const commune = communes[index]!;
        let t0 = performance.now();
        const job = await uploadImport(
          operator,
          { communeId: commune.id, fileName: `${commune.name}.csv` },
          files[index]!,
        );
        phases.upload += performance.now() - t0;
        t0 = performance.now();
        const validated = await validateRegisterImport(operator, job.id, jobOptions);
        phases.validate += performance.now() - t0;
        if (validated.status !== 'validated' || validated.errorCount !== 0) {
          throw new Error(`dry run of ${commune.name}: ${validated.status}, ${validated.errorCount} errors`);
        }
        t0 = performance.now();
        const imported = await importRegisterFile(operator, job.id, jobOptions);
        phases.run += performance.now() - t0;
        if (imported.status !== 'imported') throw new Error(`run of ${commune.name}: ${imported.failure}`);
        created += imported.createdPersons;
        households += imported.createdHouseholds;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        done += 1;
        if (done % 10 === 0 || done === communes.length) {
          const elapsed = (performance.now() - started) / 1000;
          console.log(
            `  ${done}/${FILES} files, ${Math.round((done * ROWS) / FILES / elapsed)} rows/s so far`,
          );
        }
      };
      // Communes import independently (one advisory lock each): CONCURRENCY officials uploading at the same time.
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, communes.length) }, async () => {
          while (next < communes.length) await importCommune(next++);
        }),
      );
      const totalMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuStart);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const rate = ROWS / (totalMs / 1000);
      const children = (
        await sql<{
          n: number;
        }>`select count(*)::int as n from person where import_key not like '%|adult'`.execute(db)
      ).rows[0]!.n;
      if (children !== ROWS) throw new Error(`imported ${children} children, expected ${ROWS}`);

      // The issue's question, re-run: the same files again must add nothing (and how fast a no-op import is).
      const again = performance.now();
      const sample = communes[0]!;
      const repeat = await uploadImport(operator, { communeId: sample.id, fileName: 'again.csv' }, files[0]!);
      await validateRegisterImport(operator, repeat.id, jobOptions);
      const second = await importRegisterFile(operator, repeat.id, jobOptions);
      const againMs = performance.now() - again;
      if (second.createdPersons !== 0) throw new Error(`re-import created ${second.createdPersons} persons`);

      const msPer1000 = totalMs / (ROWS / 1000);
      const results: ResultRow[] = [
        row({
          metric: 'rows imported',
          value: ROWS,
          unit: 'rows',
          target: 'report',
          note: `${FILES} files (one per commune), ${(bytes / 1e6).toFixed(1)} MB of CSV; ${households} households and ${created} persons created (children and the parents named on the rows)`,
        }),
        row({
          metric: 'COPY into a bare table (baseline)',
          value: copyRate,
          unit: 'rows/s',
          target: 'report',
          note: `${(copyMs / 1000).toFixed(1)} s for the same bytes`,
        }),
        row({
          metric: 'import pipeline: upload + dry run + run',
          value: rate,
          unit: 'rows/s',
          baseline: copyRate,
          target: 'report',
          note: `${(totalMs / 1000).toFixed(1)} s; the issue's target is ≥ ${TARGET_ROWS_PER_SECOND} rows/s, checked in the next row`,
        }),
        row({
          metric: 'import pipeline time per 1,000 rows',
          value: msPer1000,
          unit: 'ms',
          baseline: copyMs / (ROWS / 1000),
          target: 1_000_000 / TARGET_ROWS_PER_SECOND,
          note: `≤ 40 ms per 1,000 rows is ≥ ${TARGET_ROWS_PER_SECOND} rows/s; of it, ${(cpuMs / (ROWS / 1000)).toFixed(1)} ms is this process's CPU time (reading, checking, planning, COPY text) and the rest PostgreSQL (inserts with their indexes) and waiting`,
        }),
        row({
          metric: 'phase: upload (parse to count rows, store the file)',
          note: CONCURRENCY > 1 ? 'phase times are summed over files imported at the same time' : undefined,
          value: phases.upload,
          unit: 'ms',
          target: 'report',
        }),
        row({
          metric: 'phase: dry run (read, check every row, plan against the register)',
          value: phases.validate,
          unit: 'ms',
          target: 'report',
        }),
        row({
          metric: 'phase: run (check again, plan, write, audit) in one transaction per file',
          value: phases.run,
          unit: 'ms',
          target: 'report',
        }),
        row({
          metric: `re-import of one file (${files[0] ? Math.floor(ROWS / FILES) : 0} rows, nothing new)`,
          value: againMs,
          unit: 'ms',
          target: 'report',
          note: `${second.skippedPersons} rows skipped, 0 created`,
        }),
        row({ metric: 'peak resident memory', value: peakRss / 1024 ** 2, unit: 'MiB', target: 'report' }),
      ];
      writeResult({
        name: 'register-import',
        scale: `${ROWS} children in ${FILES} commune files, ${VILLAGES} villages per commune, ${CONCURRENCY} at a time; native PostgreSQL`,
        machine: machineInfo(version),
        at: new Date().toISOString(),
        results,
        notes: [...notes, loadNote('at end')],
      });
    } finally {
      await database.close();
    }
  } finally {
    await scratch.drop();
  }
}

await main();
