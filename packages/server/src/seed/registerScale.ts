// The register at benchmark scale: a whole province (default 2,500,000 children in ~1,000,000 households) written
// through COPY FROM STDIN on native PostgreSQL. One transaction per commune, so an interrupted run leaves whole
// communes behind and the next run fills only the villages without households (and a finished province is reused
// as it is).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import {
  defaultAtRiskFlags,
  foldVietnamese,
  newId,
  todayInVietnam,
  villageTypeNames,
  type PlainDate,
} from '@treem/shared';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  ageOn,
  generateRegisterHouseholds,
  hashSeed,
  type AtRiskFlagRow,
  type CircumstanceRow,
  type HouseholdRow,
  type PersonRow,
  type RegisterVillage,
} from './registerGenerator.ts';

export const SCALE_REGISTER_SEED = 20260702;

export interface RegisterScaleOptions {
  /** Native PostgreSQL, migrated and with the administrative units loaded. */
  databaseUrl: string;
  /** Current province code, e.g. `01` (Hà Nội, 126 communes). */
  provinceCode: string;
  /** Children to write (approximately: whole households of 1–4 children, ~2.5 on average). */
  children: number;
  seed?: number;
  /** Only the first N communes of the province (by code); default all. */
  communes?: number;
  /** Villages created in a commune that has none: between min and max (default 8–12). */
  villagesPerCommune?: readonly [number, number];
  today?: PlainDate;
  log?: (line: string) => void;
}

export interface RegisterScaleReport {
  communes: number;
  villages: number;
  villagesCreated: number;
  /** Villages that already had households and were kept (a resumed or repeated run). */
  villagesKept: number;
  households: number;
  persons: number;
  children: number;
  circumstances: number;
  flags: number;
  duplicates: number;
  /** Wall time of generation + COPY (without ANALYZE). */
  writeMs: number;
  analyzeMs: number;
}

/** Average children per generated household (the generator's 1–4 mix). */
const CHILDREN_PER_HOUSEHOLD = 2.5;

const RURAL_VILLAGE_NAMES = [
  'Đông',
  'Đoài',
  'Trung',
  'Thượng',
  'Hạ',
  'Hòa Bình',
  'Tân Lập',
  'Phú Mỹ',
  'An Phú',
  'Bình An',
  'Xuân Hòa',
  'Thanh Sơn',
  'Đồng Tâm',
  'Hợp Nhất',
  'Tiến Bộ',
  'Đoàn Kết',
];

// ---------------------------------------------------------------------------------------------------------------
// COPY text format
// ---------------------------------------------------------------------------------------------------------------

type CopyValue = string | number | boolean | null;

/** One value in COPY's text format: \N for null, backslash escapes for the characters that delimit. */
function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

const HOUSEHOLD_COLUMNS = [
  'province_code',
  'id',
  'village_id',
  'org_path',
  'book_number',
  'address',
  'head_person_id',
  'poverty_status',
  'poverty_year',
  'phone',
  'notes',
  'status',
  'import_key',
  'created_by',
] as const satisfies readonly (keyof HouseholdRow)[];

const PERSON_COLUMNS = [
  'province_code',
  'id',
  'household_id',
  'village_id',
  'org_path',
  'full_name',
  'name_search',
  'sex',
  'birth_date',
  'birth_date_precision',
  'personal_id',
  'ethnicity_code',
  'nationality',
  'relationship_to_head',
  'birth_registered',
  'birth_registration_date',
  'birth_registration_place',
  'disability_type',
  'disability_level',
  'school_name',
  'school_level',
  'health_insurance_number',
  'has_health_insurance',
  'living_arrangement',
  'mother_id',
  'father_id',
  'caregiver_id',
  'phone',
  'notes',
  'status',
  'death_date',
  'death_cause',
  'merged_into_id',
  'import_key',
  'created_by',
] as const satisfies readonly (keyof PersonRow)[];

const CIRCUMSTANCE_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'org_path',
  'group_code',
  'sub_group_code',
  'valid_from',
  'valid_to',
  'evidence',
  'notes',
  'end_reason',
  'created_by',
] as const satisfies readonly (keyof CircumstanceRow)[];

const FLAG_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'org_path',
  'flag_code',
  'valid_from',
  'valid_to',
  'notes',
  'end_reason',
  'created_by',
] as const satisfies readonly (keyof AtRiskFlagRow)[];

/** Fails loudly when a row type gains a column the COPY column list does not name (it would be left at default). */
function checkColumns(table: string, columns: readonly string[], row: object | undefined): void {
  if (!row) return;
  const missing = Object.keys(row).filter((key) => !columns.includes(key));
  if (missing.length > 0) throw new Error(`COPY into ${table} misses columns: ${missing.join(', ')}`);
}

/** The rows as COPY text in chunks of ~1 MB. */
function* copyChunks<T>(rows: readonly T[], columns: readonly (keyof T)[]): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i += 1) {
      if (i > 0) line += '\t';
      line += copyText(row[columns[i]!] as CopyValue);
    }
    chunk += `${line}\n`;
    if (chunk.length > 1_000_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** COPY FROM STDIN of `rows` into `table` (text format, ~1 MB chunks); also used by the ECD scale writer. */
export async function copyRows<T extends object>(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  checkColumns(table, columns, rows[0]);
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(copyChunks(rows, columns)), stream);
}

// ---------------------------------------------------------------------------------------------------------------
// Villages
// ---------------------------------------------------------------------------------------------------------------

interface CommuneRow {
  id: string;
  path: string;
  code: string;
  name: string;
  type_code: string;
}

interface VillageRow {
  id: string;
  path: string;
  code: string;
  full_name: string;
  type_code: string;
  parent_id: string;
}

async function createVillages(
  client: pg.Client,
  commune: CommuneRow,
  count: number,
  provinceCode: string,
): Promise<void> {
  const urban = commune.type_code === 'phuong';
  const type = urban ? 'to_dan_pho' : 'thon';
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = newId();
    const name = urban ? `Số ${i + 1}` : (RURAL_VILLAGE_NAMES[i] ?? `Số ${i + 1}`);
    const row = [
      id,
      String(i + 1).padStart(3, '0'),
      name,
      `${villageTypeNames[type]} ${name}`,
      foldVietnamese(name),
      villageTypeNames[type],
      type,
      commune.id,
      `${commune.path}.v${id.replace(/-/g, '').slice(-12)}`,
      provinceCode,
    ];
    tuples.push(
      `('village', 'village', ${row.map((_, j) => `$${values.length + j + 1}`).join(', ')}, '2025-07-01')`,
    );
    values.push(...row);
  }
  await client.query(
    `insert into org_unit (generation, level, id, code, name, full_name, name_search, type, type_code, parent_id,
       path, province_code, valid_from) values ${tuples.join(', ')}`,
    values,
  );
}

/** Spreads `total` households over villages of uneven size (weights 0.6–1.4), by largest remainder. */
function householdsPerVillage(villages: readonly VillageRow[], total: number, seed: number): number[] {
  const weights = villages.map((v) => 0.6 + (hashSeed(seed, v.id) % 81) / 100);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// The writer
// ---------------------------------------------------------------------------------------------------------------

export async function writeRegisterScale(options: RegisterScaleOptions): Promise<RegisterScaleReport> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? SCALE_REGISTER_SEED;
  const today = options.today ?? todayInVietnam();
  const [minVillages, maxVillages] = options.villagesPerCommune ?? [8, 12];
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const province = await client.query<{ id: string; path: string }>(
      `select id, path from org_unit
        where generation = 'current' and level = 'province' and province_code = $1 and valid_to is null`,
      [options.provinceCode],
    );
    if (!province.rows[0]) {
      throw new Error(
        `Province ${options.provinceCode} not found: load the administrative units first (treem seed).`,
      );
    }
    const communes = (
      await client.query<CommuneRow>(
        `select id, path, code, name, type_code from org_unit
          where generation = 'current' and level = 'commune' and parent_id = $1 and valid_to is null
          order by code`,
        [province.rows[0].id],
      )
    ).rows.slice(0, options.communes ?? Number.MAX_SAFE_INTEGER);

    // Villages: those the province has; a commune without any gets 8–12 (a number fixed by the seed).
    const villageQuery = () =>
      client.query<VillageRow>(
        `select id, path, code, full_name, type_code, parent_id from org_unit
          where generation = 'village' and parent_id = any($1::uuid[]) and valid_to is null
          order by path`,
        [communes.map((c) => c.id)],
      );
    let villageRows = (await villageQuery()).rows;
    const withVillages = new Set(villageRows.map((v) => v.parent_id));
    let villagesCreated = 0;
    for (const commune of communes) {
      if (withVillages.has(commune.id)) continue;
      const count = minVillages + (hashSeed(seed, commune.code) % (maxVillages - minVillages + 1));
      await createVillages(client, commune, count, options.provinceCode);
      villagesCreated += count;
    }
    if (villagesCreated > 0) {
      villageRows = (await villageQuery()).rows;
      log(`created ${villagesCreated} villages in ${communes.length - withVillages.size} communes`);
    }

    const communeById = new Map(communes.map((c) => [c.id, c]));
    const households = householdsPerVillage(
      villageRows,
      Math.round(options.children / CHILDREN_PER_HOUSEHOLD),
      seed,
    );
    const villages: RegisterVillage[] = villageRows.map((row, index) => ({
      id: row.id,
      path: row.path,
      fullName: row.full_name,
      communeName: communeById.get(row.parent_id)!.name,
      urban: row.type_code === 'to_dan_pho',
      households: households[index]!,
    }));
    const filled = new Set(
      (
        await client.query<{ village_id: string }>(
          `select distinct village_id from household where province_code = $1`,
          [options.provinceCode],
        )
      ).rows.map((row) => row.village_id),
    );
    const pendingByCommune = new Map<string, number[]>();
    villageRows.forEach((row, index) => {
      if (filled.has(row.id)) return;
      const list = pendingByCommune.get(row.parent_id) ?? [];
      list.push(index);
      pendingByCommune.set(row.parent_id, list);
    });
    const villagesKept = villageRows.filter((row) => filled.has(row.id)).length;
    if (villagesKept > 0) log(`${villagesKept} villages already have households: kept as they are`);

    await client.query(
      `insert into at_risk_flag_type (province_code, code, name_vi, name_en)
       select $1, code, name_vi, name_en from jsonb_to_recordset($2::jsonb) as f(code text, name_vi text, name_en text)
       on conflict (province_code, code) do nothing`,
      [
        options.provinceCode,
        JSON.stringify(
          defaultAtRiskFlags.map((f) => ({
            code: f.code,
            name_vi: f.vi,
            name_en: f.en,
          })),
        ),
      ],
    );

    const totals = { households: 0, persons: 0, children: 0, circumstances: 0, flags: 0, duplicates: 0 };
    const generatorOptions = { seed, today, villages };
    const start = performance.now();
    let done = 0;
    for (const [communeId, indexes] of pendingByCommune) {
      const batch = {
        households: [] as HouseholdRow[],
        persons: [] as PersonRow[],
        circumstances: [] as CircumstanceRow[],
        flags: [] as AtRiskFlagRow[],
      };
      for (const generated of generateRegisterHouseholds(generatorOptions, new Set(indexes))) {
        batch.households.push(generated.household);
        for (const person of generated.persons) batch.persons.push(person);
        for (const c of generated.circumstances) batch.circumstances.push(c);
        for (const f of generated.flags) batch.flags.push(f);
        totals.duplicates += generated.duplicates.length;
      }
      await client.query('begin');
      try {
        await copyRows(client, 'household', HOUSEHOLD_COLUMNS, batch.households);
        await copyRows(client, 'person', PERSON_COLUMNS, batch.persons);
        await copyRows(client, 'circumstance_assignment', CIRCUMSTANCE_COLUMNS, batch.circumstances);
        await copyRows(client, 'at_risk_flag', FLAG_COLUMNS, batch.flags);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      done += 1;
      totals.households += batch.households.length;
      totals.persons += batch.persons.length;
      totals.children += batch.persons.filter((p) => ageOn(p.birth_date, today) < 16).length;
      totals.circumstances += batch.circumstances.length;
      totals.flags += batch.flags.length;
      const seconds = (performance.now() - start) / 1000;
      log(
        `commune ${done}/${pendingByCommune.size} (${communeById.get(communeId)!.name}): ` +
          `${totals.children.toLocaleString('en-US')} children, ${totals.persons.toLocaleString('en-US')} persons ` +
          `in ${seconds.toFixed(0)} s (${Math.round(totals.persons / seconds).toLocaleString('en-US')} persons/s)`,
      );
    }
    const writeMs = performance.now() - start;
    const analyzeStart = performance.now();
    // Fresh statistics before anyone queries: autovacuum would get there, minutes later.
    if (totals.persons > 0) {
      await client.query('analyze household, person, circumstance_assignment, at_risk_flag');
      log(`analyze: ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
    }
    const analyzeMs = performance.now() - analyzeStart;
    return {
      communes: communes.length,
      villages: villageRows.length,
      villagesCreated,
      villagesKept,
      ...totals,
      writeMs,
      analyzeMs,
    };
  } finally {
    await client.end();
  }
}
