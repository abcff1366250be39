import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldVietnamese, referenceId } from '@treem/shared';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, OrgUnitTable } from '../db/schema.ts';

export const adminDataDir = fileURLToPath(new URL('../../data/vn-admin/', import.meta.url));

/** Start of the two-tier system (Resolution 202/2025/QH15 and the commune resolutions). */
export const TWO_TIER_FROM = '2025-07-01';
export const THREE_TIER_TO = '2025-06-30';
/** 30/2026/QH16 and 237/NQ-UBTVQH16: Đồng Nai becomes a centrally-run city; ten of its xã become phường. */
const CURRENT_CHANGES_FROM = '2026-04-30';

/** Reference units get ids derived from their codes, so every installation (and every offline client) agrees. */
export function referenceUnitId(generation: string, level: string, code: string): string {
  return referenceId(`treem:${generation}:${level}:${code}`);
}

export const COUNTRY_ID = referenceUnitId('current', 'country', 'VN');

const files = [
  'provinces_current.csv',
  'communes_current.csv',
  'provinces_2008.csv',
  'districts_2008.csv',
  'communes_2008.csv',
  'mapping_provinces_2008_to_2025.csv',
  'mapping_communes_2008_to_2025.csv',
  'changes_2025_to_current.csv',
] as const;

type Row = Record<string, string>;

/** The GSO extracts hold no quoted fields; a quote would mean a changed format, so it is refused, not guessed. */
export function parseSimpleCsv(text: string, name: string): Row[] {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const header = (lines.shift() ?? '').split(',');
  return lines.map((line, index) => {
    if (line.includes('"')) throw new Error(`${name}:${index + 2}: quoted fields are not supported`);
    const cells = line.split(',');
    if (cells.length !== header.length)
      throw new Error(`${name}:${index + 2}: expected ${header.length} columns`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function readAll(dir: string) {
  const hash = createHash('sha256');
  const data = {} as Record<(typeof files)[number], Row[]>;
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    hash.update(file).update(text);
    data[file] = parseSimpleCsv(text, file);
  }
  return { data, checksum: hash.digest('hex') };
}

export interface AdminUnitsLoad {
  loaded: boolean;
  units: number;
  links: number;
  skippedLinks: number;
}

function unit(
  generation: 'current' | 'y2008',
  level: 'country' | 'province' | 'district' | 'commune',
  row: Row,
  parentId: string | null,
  pathText: string,
  provinceCode: string | null,
): Insertable<OrgUnitTable> {
  return {
    id: referenceUnitId(generation, level, row.code!),
    generation,
    level,
    code: row.code!,
    name: row.name!.normalize('NFC'),
    full_name: row.full_name!.normalize('NFC'),
    name_search: foldVietnamese(row.name!),
    type: row.type!,
    type_code: row.type_code!,
    parent_id: parentId,
    path: pathText,
    province_code: provinceCode,
    region: row.region ?? null,
    name_en: row.name_en ?? null,
    valid_from: generation === 'current' ? TWO_TIER_FROM : null,
    valid_to: generation === 'y2008' ? THREE_TIER_TO : null,
  };
}

async function insertChunks<T>(items: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

/**
 * Loads the administrative units shipped in data/vn-admin: the units in force (34 provinces, 3,321 communes), the
 * 2008 three-tier units as history (valid to 30/06/2025), the old→new links, and dated attribute changes since
 * 2025. Runs once per data checksum; re-running with changed files updates names in place (ids are stable).
 */
export async function loadAdminUnits(db: Kysely<DB>, dir = adminDataDir): Promise<AdminUnitsLoad> {
  const { data, checksum } = readAll(dir);
  const previous = await db
    .selectFrom('reference_data_load')
    .select('checksum')
    .where('name', '=', 'vn-admin')
    .executeTakeFirst();
  if (previous?.checksum === checksum) return { loaded: false, units: 0, links: 0, skippedLinks: 0 };

  const units: Insertable<OrgUnitTable>[] = [];
  units.push({
    id: COUNTRY_ID,
    generation: 'current',
    level: 'country',
    code: 'VN',
    name: 'Việt Nam',
    full_name: 'Nước Cộng hòa xã hội chủ nghĩa Việt Nam',
    name_search: foldVietnamese('Việt Nam'),
    type: 'Quốc gia',
    type_code: 'quoc_gia',
    parent_id: null,
    path: 'vn',
    province_code: null,
    name_en: 'Viet Nam',
  });
  for (const row of data['provinces_current.csv']) {
    units.push(unit('current', 'province', row, COUNTRY_ID, `vn.p${row.code}`, row.code!));
  }
  for (const row of data['communes_current.csv']) {
    const parent = referenceUnitId('current', 'province', row.province_code!);
    units.push(
      unit('current', 'commune', row, parent, `vn.p${row.province_code}.c${row.code}`, row.province_code!),
    );
  }
  for (const row of data['provinces_2008.csv']) {
    units.push(unit('y2008', 'province', row, COUNTRY_ID, `vn.h${row.code}`, null));
  }
  for (const row of data['districts_2008.csv']) {
    const parent = referenceUnitId('y2008', 'province', row.province_code!);
    units.push(unit('y2008', 'district', row, parent, `vn.h${row.province_code}.d${row.code}`, null));
  }
  for (const row of data['communes_2008.csv']) {
    const parent = referenceUnitId('y2008', 'district', row.district_code!);
    const unitPath = `vn.h${row.province_code}.d${row.district_code}.c${row.code}`;
    units.push(unit('y2008', 'commune', row, parent, unitPath, null));
  }

  const knownIds = new Set(units.map((u) => u.id));
  const links: {
    predecessor_id: string;
    successor_id: string;
    merge_type: 'full' | 'partial';
    note: string | null;
  }[] = [];
  let skippedLinks = 0;
  for (const row of data['mapping_provinces_2008_to_2025.csv']) {
    links.push({
      predecessor_id: referenceUnitId('y2008', 'province', row.old_code!),
      successor_id: referenceUnitId('current', 'province', row.new_code!),
      merge_type: 'full',
      note: null,
    });
  }
  for (const row of data['mapping_communes_2008_to_2025.csv']) {
    const link = {
      predecessor_id: referenceUnitId(
        'y2008',
        row.old_level === 'district' ? 'district' : 'commune',
        row.old_code!,
      ),
      successor_id: referenceUnitId('current', 'commune', row.new_code!),
      merge_type: row.merge_type === 'partial' ? ('partial' as const) : ('full' as const),
      note: row.qa_note || null,
    };
    // 12 codes of the mapping are absent from the 2008 list (see data/vn-admin/README.md); they have no unit.
    if (!knownIds.has(link.predecessor_id) || !knownIds.has(link.successor_id)) {
      skippedLinks += 1;
      continue;
    }
    links.push(link);
  }

  await db.transaction().execute(async (trx) => {
    await insertChunks(units, 500, (chunk) =>
      trx
        .insertInto('org_unit')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            full_name: eb.ref('excluded.full_name'),
            name_search: eb.ref('excluded.name_search'),
            type: eb.ref('excluded.type'),
            type_code: eb.ref('excluded.type_code'),
            name_en: eb.ref('excluded.name_en'),
            updated_at: new Date(),
          })),
        )
        .execute(),
    );
    await insertChunks(links, 1000, (chunk) =>
      trx
        .insertInto('org_unit_successor')
        .values(chunk.map((l) => ({ ...l, effective_date: TWO_TIER_FROM })))
        .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doNothing())
        .execute(),
    );
    // Where each old unit's area went, as current paths: what lets a scoped user resolve old codes.
    await sql`update org_unit o set reach_paths = sub.paths
      from (select l.predecessor_id, array_agg(distinct s.path order by s.path) as paths
            from org_unit_successor l join org_unit s on s.id = l.successor_id group by l.predecessor_id) sub
      where o.id = sub.predecessor_id`.execute(trx);
    await sql`update org_unit d set reach_paths = (
        select array_agg(distinct p order by p) from org_unit c, unnest(c.reach_paths) as p where c.parent_id = d.id)
      where d.generation = 'y2008' and d.level = 'district' and d.reach_paths is null`.execute(trx);

    const changes = data['changes_2025_to_current.csv'].map((row) => ({
      org_unit_id: referenceUnitId('current', row.level === 'province' ? 'province' : 'commune', row.code!),
      field: row.field!,
      old_value: row.value_2025 ?? null,
      new_value: row.value_current ?? null,
      effective_date: CURRENT_CHANGES_FROM,
      reason:
        row.code === '00745'
          ? 'Sửa chính tả tên theo danh mục mới nhất'
          : 'Nghị quyết 30/2026/QH16 và Nghị quyết 237/NQ-UBTVQH16',
    }));
    await trx
      .deleteFrom('org_unit_change')
      .where('effective_date', '=', CURRENT_CHANGES_FROM)
      .where('org_unit_id', 'in', [...new Set(changes.map((c) => c.org_unit_id))])
      .execute();
    if (changes.length > 0) await trx.insertInto('org_unit_change').values(changes).execute();

    await trx
      .insertInto('reference_data_load')
      .values({ name: 'vn-admin', checksum, row_count: units.length })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ checksum, row_count: units.length, loaded_at: new Date() }),
      )
      .execute();
  });
  // Planner statistics for the freshly loaded tables; without them PostgreSQL guesses and picks scans.
  await sql`analyze org_unit, org_unit_successor, org_unit_change`.execute(db);
  return { loaded: true, units: units.length, links: links.length, skippedLinks };
}
