// orgunits: latency of the administrative-unit queries behind the unit browser, pickers and code lookup.
// Database: PGlite in a temp data dir, or native PostgreSQL when DATABASE_URL is set (a scratch database on that
// server, dropped afterwards). Loads the shipped reference units plus generated villages (thôn / tổ dân phố), then
// times each repository call one at a time: p50/p95/p99 over BENCH_ITERATIONS runs after BENCH_WARMUP unmeasured ones.
// Baseline, measured in the same run: `select $1` through the same Kysely instance — the driver round-trip floor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAdminUnits, migrate, openDatabase } from '@treem/server';
import { foldVietnamese, newId } from '@treem/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../packages/server/src/db/schema.ts';
import type { Scope } from '../packages/server/src/modules/access/scope.ts';
import {
  getOrgUnitDetail,
  listOrgUnits,
  lookupByCode,
  toOrgUnit,
} from '../packages/server/src/modules/orgUnits/orgUnit.repo.ts';
import {
  envInt,
  loadNote,
  machineInfo,
  pick,
  row,
  sampleInterleaved,
  scratchPostgres,
  seededRandom,
  summarize,
  timeMs,
  writeResult,
  type ResultRow,
} from './support.ts';

const P95_TARGET_MS = 5;
const ITERATIONS = envInt('BENCH_ITERATIONS', 300);
const WARMUP = envInt('BENCH_WARMUP', 30);
const VILLAGES_PER_COMMUNE = envInt('BENCH_VILLAGES_PER_COMMUNE', 20);
// Statistics as the server keeps them: ANALYZE at every start on PGlite (no autovacuum), autovacuum on PostgreSQL.
const ANALYZE = process.env.BENCH_ANALYZE !== 'false';
const random = seededRandom(envInt('BENCH_SEED', 20260701));

/** Folded name fragments people type: single syllables, and 2–3 word names (some with diacritics, as typed). */
const ONE_WORD = [
  'hoa',
  'binh',
  'nguyen',
  'tan',
  'phu',
  'thanh',
  'son',
  'long',
  'dong',
  'phuoc',
  'xuan',
  'hai',
  'trung',
  'quang',
  'lam',
  'vinh',
  'duc',
  'hung',
  'thuan',
  'loc',
  'tay',
  'bac',
  'nam',
  'cau',
  'giang',
  'Hòa',
  'Phú',
];
/** One- and two-letter input (a type-ahead's first keystrokes): too short for a trigram index. */
const SHORT = ['an', 'my', 'ha', 'la', 'ba', 'vi', 'do', 'ky', 'Hà', 'Mỹ', 'h', 't'];
const MULTI_WORD = [
  'hoa binh',
  'tan phu',
  'phu my',
  'an phu',
  'thanh son',
  'dong hoa',
  'tan thanh',
  'xuan son',
  'binh an',
  'long hai',
  'phu quoc',
  'Hòa Bình',
  'Tân Lập',
  'Phước Lộc',
  'quang trung',
  'ba dinh',
  'hoan kiem',
  'nguyen hue',
  'tan binh',
  'thanh xuan',
  'long bien',
  'dong anh',
  'hai ba trung',
  'hoa vang',
  'cam ranh',
  'my tho',
  'vinh long',
  'an nhon',
  'ha tinh',
  'phu ninh',
  'thang binh',
  'dien ban',
  'chau thanh',
];

/** Rural villages get thôn names, urban wards numbered tổ dân phố — roughly how the country names them. */
const VILLAGE_NAMES = [
  'Hòa Bình',
  'Tân Lập',
  'Đông',
  'Đoài',
  'Trung',
  'Thượng',
  'Hạ',
  'Phú Mỹ',
  'An Phú',
  'Bình An',
  'Xuân Hòa',
  'Thanh Sơn',
  'Long Hải',
  'Tân Thành',
  'Phước Lộc',
  'Quang Trung',
  'Đồng Tâm',
  'Hợp Nhất',
  'Tiến Bộ',
  'Thống Nhất',
  'Đoàn Kết',
  'Quyết Tiến',
  'Nam Sơn',
  'Bắc Sơn',
  'Tân Hòa',
  'Phú Lộc',
  'Vĩnh An',
  'Minh Khai',
  'Hưng Thịnh',
  'Cầu Giang',
];

interface UnitRef {
  id: string;
  code: string;
  path: string;
  generation: string;
  level: string;
  province_code: string | null;
  type_code: string;
  reach_paths: string[] | string | null;
}

function scopeOf(paths: string[]): Scope {
  return { userId: newId(), role: 'system_admin', sector: null, paths };
}

async function generateVillages(db: Kysely<DB>, communes: UnitRef[], perCommune: number): Promise<number> {
  const rows = communes.flatMap((commune) => {
    const urban = commune.type_code === 'phuong';
    return Array.from({ length: perCommune }, (_, i) => {
      const id = newId();
      const name = urban
        ? `Số ${i + 1}`
        : VILLAGE_NAMES[i % VILLAGE_NAMES.length]! + (i >= VILLAGE_NAMES.length ? ` ${i}` : '');
      const type = urban ? 'Tổ dân phố' : 'Thôn';
      return {
        id,
        generation: 'village' as const,
        level: 'village' as const,
        code: String(i + 1).padStart(3, '0'),
        name,
        full_name: `${type} ${name}`,
        name_search: foldVietnamese(name),
        type,
        type_code: urban ? 'to_dan_pho' : 'thon',
        parent_id: commune.id,
        path: `${commune.path}.v${id.replace(/-/g, '').slice(-12)}`,
        province_code: commune.province_code,
        valid_from: '2025-07-01',
      };
    });
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('org_unit')
        .values(rows.slice(i, i + 1000))
        .execute();
  });
  return rows.length;
}

function reachPaths(value: UnitRef['reach_paths']): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-bench-orgunits-'));
  const scratch = adminUrl ? await scratchPostgres(adminUrl) : undefined;
  const notes: string[] = [loadNote('at start')];
  try {
    const opened = await timeMs(() =>
      scratch
        ? openDatabase({ databaseUrl: scratch.url })
        : openDatabase({ dataDir: path.join(tmp, 'data') }),
    );
    const database = opened.value;
    const { db } = database;
    try {
      console.log(
        `orgunits: ${database.kind} (${database.describe}); ${ITERATIONS} iterations after ${WARMUP} warm-up`,
      );
      const migrated = await timeMs(() => migrate(db));
      const loaded = await timeMs(() => loadAdminUnits(db));
      console.log(
        `  loadAdminUnits: ${loaded.value.units} units, ${loaded.value.links} links in ${loaded.ms.toFixed(0)} ms`,
      );

      const units = (await db
        .selectFrom('org_unit')
        .select(['id', 'code', 'path', 'generation', 'level', 'province_code', 'type_code', 'reach_paths'])
        .execute()) as unknown as UnitRef[];
      const by = (generation: string, level: string) =>
        units.filter((u) => u.generation === generation && u.level === level);
      const provinces = by('current', 'province');
      const communes = by('current', 'commune');
      const oldProvinces = by('y2008', 'province');
      const oldDistricts = by('y2008', 'district');
      const oldCommunes = by('y2008', 'commune');

      let villages = 0;
      let villageMs = 0;
      if (VILLAGES_PER_COMMUNE > 0) {
        const generated = await timeMs(() => generateVillages(db, communes, VILLAGES_PER_COMMUNE));
        villages = generated.value;
        villageMs = generated.ms;
        console.log(`  generated ${villages} villages in ${villageMs.toFixed(0)} ms`);
      }
      if (ANALYZE) {
        await sql`analyze`.execute(db);
        notes.push(
          'ran ANALYZE after generating villages, as the server does at start-up on PGlite (BENCH_ANALYZE=false skips it)',
        );
      }
      const [{ total } = { total: 0 }] = await db
        .selectFrom('org_unit')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .execute();
      const version =
        (await sql<{ version: string }>`select version()`.execute(db)).rows[0]?.version ?? 'unknown';

      const national = scopeOf(['vn']);
      const provinceScope = (p: UnitRef) => scopeOf([p.path]);
      // Old communes a province-scoped user can resolve: those whose area went (partly) into that province.
      const oldByProvince = new Map<string, UnitRef[]>();
      for (const old of oldCommunes) {
        for (const reach of reachPaths(old.reach_paths)) {
          const province = reach.split('.').slice(0, 2).join('.');
          const list = oldByProvince.get(province) ?? [];
          if (!list.includes(old)) list.push(old);
          oldByProvince.set(province, list);
        }
      }
      const provincesWithOld = provinces.filter((p) => oldByProvince.has(p.path));
      const detailTargets = [...provinces, ...communes, ...oldProvinces, ...oldDistricts, ...oldCommunes];
      const searchText = () => (random() < 0.5 ? pick(ONE_WORD, random) : pick(MULTI_WORD, random));

      let matched = 0;
      /** Rows on the page, remembering how many rows matched in all (the work a count and a sort have to do). */
      const counted = (page: { items: unknown[]; total: number }) => {
        matched += page.total;
        return page.items.length;
      };

      /** One query type: a name and a call; the call returns how many rows it produced (to show it is not empty). */
      const cases: { metric: string; run: () => Promise<number> }[] = [
        {
          metric: 'children of a province (national scope)',
          run: async () =>
            counted(
              await listOrgUnits(national, db, {
                parentId: pick(provinces, random).id,
                page: 1,
                pageSize: 50,
              }),
            ),
        },
        {
          metric: 'children of a province (province scope)',
          run: async () => {
            const p = pick(provinces, random);
            return counted(
              await listOrgUnits(provinceScope(p), db, { parentId: p.id, page: 1, pageSize: 50 }),
            );
          },
        },
        {
          metric: 'children of a commune (commune scope)',
          run: async () => {
            const c = pick(communes, random);
            return counted(
              await listOrgUnits(scopeOf([c.path]), db, { parentId: c.id, page: 1, pageSize: 50 }),
            );
          },
        },
        {
          metric: 'children of a 2008 district (national, history)',
          run: async () =>
            counted(
              await listOrgUnits(national, db, {
                parentId: pick(oldDistricts, random).id,
                includeHistory: true,
                page: 1,
                pageSize: 50,
              }),
            ),
        },
        {
          metric: 'search one word, ≥3 letters (national)',
          run: async () =>
            counted(
              await listOrgUnits(national, db, { search: pick(ONE_WORD, random), page: 1, pageSize: 20 }),
            ),
        },
        {
          metric: 'search 1–2 letters (national)',
          run: async () =>
            counted(await listOrgUnits(national, db, { search: pick(SHORT, random), page: 1, pageSize: 20 })),
        },
        {
          metric: 'search 2–3 words (national)',
          run: async () =>
            counted(
              await listOrgUnits(national, db, { search: pick(MULTI_WORD, random), page: 1, pageSize: 20 }),
            ),
        },
        {
          metric: 'search incl. history (national)',
          run: async () =>
            counted(
              await listOrgUnits(national, db, {
                search: searchText(),
                includeHistory: true,
                page: 1,
                pageSize: 20,
              }),
            ),
        },
        {
          metric: 'search (one province scope)',
          run: async () =>
            counted(
              await listOrgUnits(provinceScope(pick(provinces, random)), db, {
                search: searchText(),
                page: 1,
                pageSize: 20,
              }),
            ),
        },
        {
          metric: 'lookupByCode new code (national)',
          run: async () =>
            (await lookupByCode(national, db, pick(random() < 0.05 ? provinces : communes, random).code))
              .length,
        },
        {
          metric: 'lookupByCode old code (national)',
          run: async () =>
            (await lookupByCode(national, db, pick(random() < 0.2 ? oldDistricts : oldCommunes, random).code))
              .length,
        },
        {
          metric: 'lookupByCode old code (province scope)',
          run: async () => {
            const p = pick(provincesWithOld, random);
            return (await lookupByCode(provinceScope(p), db, pick(oldByProvince.get(p.path)!, random).code))
              .length;
          },
        },
        {
          metric: 'getOrgUnitDetail (national)',
          run: async () => {
            const d = await getOrgUnitDetail(national, db, pick(detailTargets, random).id);
            return 1 + d.ancestors.length + d.successors.length + d.predecessors.length;
          },
        },
        {
          metric: 'getOrgUnitDetail (commune scope, own commune)',
          run: async () => {
            const c = pick(communes, random);
            const d = await getOrgUnitDetail(scopeOf([c.path]), db, c.id);
            return 1 + d.ancestors.length + d.successors.length + d.predecessors.length;
          },
        },
      ];

      const options = { iterations: ITERATIONS, warmup: WARMUP };
      const rowCounts = cases.map(() => 0);
      const matchedCounts = cases.map(() => 0);
      const works = [
        () => sql`select ${1}::int as one`.execute(db),
        ...cases.map((c, index) => async () => {
          const before = matched;
          rowCounts[index]! += await c.run();
          matchedCounts[index]! += matched - before;
        }),
      ];
      const [baselineSamples, ...caseSamples] = await sampleInterleaved(works, options);
      const baseline = summarize(baselineSamples!.wall);
      console.log(`  baseline select 1: p50 ${baseline.p50.toFixed(3)} p95 ${baseline.p95.toFixed(3)} ms`);
      const measured = cases.map((c, index) => {
        const summary = summarize(caseSamples[index]!.wall);
        const cpu = summarize(caseSamples[index]!.cpu);
        const meanRows = rowCounts[index]! / (ITERATIONS + WARMUP);
        const meanMatched = matchedCounts[index]! / (ITERATIONS + WARMUP);
        console.log(
          `  ${c.metric}: p50 ${summary.p50.toFixed(2)} p95 ${summary.p95.toFixed(2)} p99 ${summary.p99.toFixed(2)} ms; cpu p50 ${cpu.p50.toFixed(2)} p95 ${cpu.p95.toFixed(2)} (${meanRows.toFixed(1)} rows)`,
        );
        return { metric: c.metric, summary, cpu, meanRows, meanMatched };
      });

      // The JS side of a page: turning 50 fetched rows into API objects (no database involved).
      const fifty = await db
        .selectFrom('org_unit')
        .selectAll()
        .where('generation', '=', 'current')
        .limit(50)
        .execute();
      const mapping = summarize(
        (await sampleInterleaved([async () => fifty.map((r) => toOrgUnit(r))], options))[0]!.wall,
      );

      const results: ResultRow[] = [
        row({
          metric: 'units loaded (loadAdminUnits)',
          value: loaded.value.units,
          unit: 'units',
          target: 'report',
          note: `${loaded.value.links} old→new links, ${loaded.value.skippedLinks} skipped`,
        }),
        row({ metric: 'loadAdminUnits time', value: loaded.ms, unit: 'ms', target: 'report' }),
        row({ metric: 'open database', value: opened.ms, unit: 'ms', target: 'report' }),
        row({ metric: 'migrate', value: migrated.ms, unit: 'ms', target: 'report' }),
        row({
          metric: 'villages generated',
          value: villages,
          unit: 'units',
          target: 'report',
          note: `${VILLAGES_PER_COMMUNE} per current commune, inserted in ${Math.round(villageMs)} ms; org_unit holds ${total} rows`,
        }),
      ];
      results.push(
        row({
          metric: 'toOrgUnit × 50 rows (JS only) p50',
          value: mapping.p50,
          unit: 'ms',
          baseline: baseline.p50,
          target: 'report',
          note: 'mapping one 50-row page to API objects, no SQL: part of every listing',
        }),
      );
      for (const p of ['p50', 'p95', 'p99'] as const) {
        results.push(
          row({
            metric: `select 1 round-trip (baseline) ${p}`,
            value: baseline[p],
            unit: 'ms',
            target: 'report',
          }),
        );
      }
      for (const m of measured) {
        results.push(
          row({
            metric: `${m.metric} p50`,
            value: m.summary.p50,
            unit: 'ms',
            baseline: baseline.p50,
            target: 'report',
          }),
          row({
            metric: `${m.metric} p95`,
            value: m.summary.p95,
            unit: 'ms',
            baseline: baseline.p95,
            target: P95_TARGET_MS,
            note: `cpu time p50 ${m.cpu.p50.toFixed(2)} / p95 ${m.cpu.p95.toFixed(2)} ms; mean ${m.meanRows.toFixed(1)} rows per call${m.meanMatched > 0 ? ` (of ${m.meanMatched.toFixed(0)} matching)` : ''}; max ${m.summary.max.toFixed(1)} ms`,
          }),
          row({
            metric: `${m.metric} p99`,
            value: m.summary.p99,
            unit: 'ms',
            baseline: baseline.p99,
            target: 'report',
          }),
        );
      }
      const missed = measured.filter((m) => m.summary.p95 > P95_TARGET_MS).map((m) => m.metric);
      if (missed.length > 0) notes.push(`p95 over ${P95_TARGET_MS} ms: ${missed.join('; ')}`);
      writeResult({
        name: 'orgunits',
        scale: `${loaded.value.units} reference units + ${villages} villages (${total} org_unit rows); ${ITERATIONS} iterations after ${WARMUP} warm-up per query; ${database.kind}`,
        machine: machineInfo(version),
        at: new Date().toISOString(),
        results,
        notes: [
          `database: ${database.kind} (${scratch ? 'scratch database on DATABASE_URL' : 'PGlite in a temp data dir'})`,
          ...notes,
          loadNote('at end'),
        ],
      });
    } finally {
      await database.close();
    }
  } finally {
    await scratch?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
