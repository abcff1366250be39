// ecdActionLists: the six commune action lists (GET /api/ecd/action-lists/:kind?unitId=<commune>, first page of 50)
// for the most populous commune of the scale province, through the real server (`treem start`) on native
// PostgreSQL, signed in as that commune's worker. Target (issue 4): p95 ≤ 100 ms for a commune of ~20,000 children,
// judged under a modest concurrent load (autocannon, 10 connections, 15 s per list); the same requests one at a
// time (interleaved rounds, ~200 each) are reported too, and so is each list called through its repository function
// without HTTP. Baseline in the same run under the same load: GET /api/auth/me (session and user, no list query).
//
// Database: `treem_bench_register_<children>` (shared with register-search and ecd-rescore, kept between runs) with
// the ECD records of `writeEcdScale`; both are written on the first run and reused after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@treem/server';
import { actionListKinds, foldVietnamese, newId, todayInVietnam, type ActionListKind } from '@treem/shared';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import type { Scope } from '../packages/server/src/modules/access/scope.ts';
import { hashPassword } from '../packages/server/src/modules/auth/password.ts';
import { actionList } from '../packages/server/src/modules/ecd/actionLists.ts';
import { SUMMARY_VERSION } from '../packages/server/src/modules/ecd/childSummary.ts';
import { writeEcdScale } from '../packages/server/src/seed/ecdScale.ts';
import { writeRegisterScale } from '../packages/server/src/seed/registerScale.ts';
import {
  ensurePostgresDatabase,
  envInt,
  loadNote,
  machineInfo,
  round,
  row,
  sampleInterleaved,
  signIn,
  startTreemServer,
  summarize,
  waitForIdleDatabase,
  writeResult,
  type ResultRow,
  migrateBenchDatabase,
} from './support.ts';

const P95_TARGET_MS = 100;
const CHILDREN = envInt('BENCH_CHILDREN', 2_500_000);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 10);
const DURATION_S = envInt('BENCH_DURATION', 15);
const WARMUP_S = envInt('BENCH_WARMUP_SECONDS', 3);
const SEQUENTIAL = envInt('BENCH_SEQUENTIAL', 200);
const SQL_ITERATIONS = envInt('BENCH_SQL_ITERATIONS', 40);
const PAGE_SIZE = 50;
const USERNAME = 'bench.ecd.xa';
const PASSWORD = 'Bench-treem-2026!';
const adminUrl = process.env.DATABASE_URL;

interface Commune {
  id: string;
  path: string;
  name: string;
  children: number;
  under8: number;
  persons: number;
}

/** The register and its ECD records, written on the first run and reused after (both writers skip what exists). */
async function prepareEcdScale(url: string) {
  const postgres = await migrateBenchDatabase(url);
  const log = (line: string) => console.log(`  ${line}`);
  const register = await writeRegisterScale({
    databaseUrl: url,
    provinceCode: PROVINCE,
    children: CHILDREN,
    log,
  });
  const ecd = await writeEcdScale({ databaseUrl: url, provinceCode: PROVINCE, log });
  return { postgres, register, ecd };
}

/** The province's most populous commune (children under 16), and its worker `bench.ecd.xa` (created or reset). */
async function ensureCommuneWorker(url: string): Promise<Commune & { userId: string }> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const db = database.db;
    const today = todayInVietnam();
    const largest = await sql<{ path: string; children: number }>`
      select subpath(org_path, 0, 3)::text as path, count(*)::int as children from person
       where province_code = ${PROVINCE} and status = 'active'
         and birth_date > ${today}::date - interval '16 years'
       group by 1 order by 2 desc limit 1`.execute(db);
    const top = largest.rows[0];
    if (!top) throw new Error(`province ${PROVINCE} has no children: the scale writer wrote nothing`);
    const unit = await db
      .selectFrom('org_unit')
      .select(['id', 'path', 'name'])
      .where('path', '=', top.path)
      .where('generation', '=', 'current')
      .executeTakeFirstOrThrow();
    const counts = await sql<{ under8: number; persons: number }>`
      select count(*) filter (where birth_date > ${today}::date - interval '8 years')::int as under8,
             count(*)::int as persons
        from person where province_code = ${PROVINCE} and org_path <@ ${unit.path}::ltree and status = 'active'`.execute(
      db,
    );
    const passwordHash = await hashPassword(PASSWORD);
    const userId = await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', USERNAME)
        .executeTakeFirst();
      const id = existing?.id ?? newId();
      const values = {
        full_name: 'Benchmark ECD commune worker',
        full_name_search: foldVietnamese('Benchmark ECD commune worker'),
        role: 'commune_worker' as const,
        sector: null,
        status: 'active' as const,
        password_hash: passwordHash,
        must_change_password: false,
        failed_login_count: 0,
        locked_until: null,
        mfa_enabled: false,
        mfa_secret: null,
      };
      if (existing) await trx.updateTable('app_user').set(values).where('id', '=', id).execute();
      else
        await trx
          .insertInto('app_user')
          .values({ id, username: USERNAME, ...values })
          .execute();
      await trx.deleteFrom('user_scope').where('user_id', '=', id).execute();
      await trx.insertInto('user_scope').values({ user_id: id, org_unit_id: unit.id }).execute();
      return id;
    });
    return {
      id: unit.id,
      path: unit.path,
      name: unit.name,
      children: top.children,
      under8: counts.rows[0]!.under8,
      persons: counts.rows[0]!.persons,
      userId,
    };
  } finally {
    await database.close();
  }
}

const listPath = (kind: ActionListKind, unitId: string) =>
  `/api/ecd/action-lists/${kind}?${new URLSearchParams({ unitId, page: '1', pageSize: String(PAGE_SIZE) }).toString()}`;

interface LoadResult {
  latencies: number[];
  requestsPerSecond: number;
  failed: number;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

async function load(base: string, cookie: string, requestPath: string, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${requestPath}`,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 60,
        headers: { cookie },
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(toError(error)) : resolve(done)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  return {
    latencies,
    requestsPerSecond: result.requests.average,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function main() {
  if (!adminUrl) {
    console.error(
      'ecdActionLists needs native PostgreSQL: set DATABASE_URL=postgres://… (a user with CREATEDB). The province ' +
        `of ${CHILDREN.toLocaleString('en-US')} children and its ECD records are written once into ` +
        `treem_bench_register_${CHILDREN} and reused.`,
    );
    process.exit(2);
  }
  const notes: string[] = [loadNote('at start')];
  const dbName = `treem_bench_register_${CHILDREN}`;
  const url = await ensurePostgresDatabase(adminUrl, dbName);
  console.log(`ecdActionLists: database ${dbName}; writing or reusing the register and its ECD records`);
  const { postgres, ecd } = await prepareEcdScale(url);
  if (ecd.measurements > 0)
    notes.push(`ECD records written in this run (${ecd.measurements.toLocaleString('en-US')} measurements)`);
  const commune = await ensureCommuneWorker(url);
  console.log(
    `  commune ${commune.name}: ${commune.children.toLocaleString('en-US')} children under 16, ` +
      `${commune.under8.toLocaleString('en-US')} under 8, ${commune.persons.toLocaleString('en-US')} persons`,
  );

  // Summaries built by another version or marked stale are rebuilt by the first list request (once); count them.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const stale = Number(
    (
      await admin.query<{ n: string }>(
        `select count(*) as n from ecd_child_summary
          where org_path <@ $1::ltree and (stale or summary_version <> $2)`,
        [commune.path, SUMMARY_VERSION],
      )
    ).rows[0]!.n,
  );
  const firstStart = performance.now();

  // The lists through the repository, one at a time, no HTTP: what the SQL costs alone.
  const repo = await (async () => {
    const database = await openDatabase({ databaseUrl: url });
    try {
      const scope: Scope = {
        userId: commune.userId,
        role: 'commune_worker',
        sector: null,
        paths: [commune.path],
      };
      const query = { unitId: commune.id, months: 3, page: 1, pageSize: PAGE_SIZE };
      for (const kind of actionListKinds) await actionList(database.db, scope, kind, query);
      if (stale > 0) {
        notes.push(
          `${stale.toLocaleString('en-US')} stale summaries of the commune (another summary version) rebuilt by the ` +
            `first requests in ${((performance.now() - firstStart) / 1000).toFixed(1)} s, then VACUUM (ANALYZE) ` +
            'ecd_child_summary; neither is timed',
        );
        await admin.query('vacuum (analyze) ecd_child_summary');
      }
      await admin.end();
      const samples = await sampleInterleaved(
        [
          () => sql`select 1`.execute(database.db),
          ...actionListKinds.map((kind) => () => actionList(database.db, scope, kind, query)),
        ],
        { iterations: SQL_ITERATIONS, warmup: 3 },
      );
      return samples.map((s) => summarize(s.wall));
    } finally {
      await database.close();
    }
  })();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-bench-ecd-'));
  const server = await startTreemServer(url, dataDir);
  try {
    const cookie = await signIn(server.base, USERNAME, PASSWORD);
    const totals = new Map<ActionListKind, number>();
    for (const kind of actionListKinds) {
      const response = await fetch(`${server.base}${listPath(kind, commune.id)}`, { headers: { cookie } });
      const body = (await response.json()) as { total?: number; items?: unknown[] };
      if (response.status !== 200)
        throw new Error(`${kind}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      totals.set(kind, body.total ?? 0);
      console.log(`  ${kind}: ${body.total} children, ${body.items?.length} on the first page`);
    }

    // One at a time: each round asks the baseline and every list once, ~200 rounds.
    const request = (requestPath: string) => async () => {
      const response = await fetch(`${server.base}${requestPath}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${requestPath}: ${response.status}`);
    };
    const sequentialStart = performance.now();
    const sequential = (
      await sampleInterleaved(
        [request('/api/auth/me'), ...actionListKinds.map((kind) => request(listPath(kind, commune.id)))],
        { iterations: SEQUENTIAL, warmup: 10 },
      )
    ).map((s) => summarize(s.wall));
    console.log(`  one at a time: ${((performance.now() - sequentialStart) / 1000).toFixed(0)} s`);

    // Under load: 10 connections, 15 s per list, the baseline first.
    const concurrent = new Map<string, LoadResult & { summary: ReturnType<typeof summarize> }>();
    for (const [label, requestPath] of [
      ['GET /api/auth/me (baseline)', '/api/auth/me'],
      ...actionListKinds.map((kind) => [kind, listPath(kind, commune.id)] as const),
    ] as const) {
      if (WARMUP_S > 0) {
        await load(server.base, cookie, requestPath, WARMUP_S);
        await waitForIdleDatabase(url);
      }
      const result = await load(server.base, cookie, requestPath, DURATION_S);
      await waitForIdleDatabase(url);
      const summary = summarize(result.latencies.length > 0 ? result.latencies : [DURATION_S * 1000]);
      concurrent.set(label, { ...result, summary });
      console.log(
        `  ${label}, ${CONNECTIONS} connections: p50 ${round(summary.p50, 1)} ms, p95 ${round(summary.p95, 1)} ms, ` +
          `${round(result.requestsPerSecond, 0)} req/s${result.failed ? `, ${result.failed} failed` : ''}`,
      );
    }

    const results: ResultRow[] = [];
    const base = concurrent.get('GET /api/auth/me (baseline)')!;
    const seqBase = sequential[0]!;
    results.push(
      row({
        metric: `GET /api/auth/me (baseline), ${CONNECTIONS} connections p50`,
        value: base.summary.p50,
        unit: 'ms',
        target: 'report',
      }),
      row({
        metric: `GET /api/auth/me (baseline), ${CONNECTIONS} connections p95`,
        value: base.summary.p95,
        unit: 'ms',
        target: 'report',
        note: `${round(base.requestsPerSecond, 0)} req/s, ${base.latencies.length} requests`,
      }),
      row({
        metric: 'GET /api/auth/me (baseline), one at a time p50',
        value: seqBase.p50,
        unit: 'ms',
        target: 'report',
      }),
      row({
        metric: 'GET /api/auth/me (baseline), one at a time p95',
        value: seqBase.p95,
        unit: 'ms',
        target: 'report',
      }),
    );
    actionListKinds.forEach((kind, index) => {
      const c = concurrent.get(kind)!;
      const s = sequential[index + 1]!;
      const r = repo[index + 1]!;
      const failedNote = c.failed > 0 ? `; ${c.failed} requests failed` : '';
      const p95 = row({
        metric: `${kind}, ${CONNECTIONS} connections p95`,
        value: c.summary.p95,
        unit: 'ms',
        baseline: base.summary.p95,
        target: P95_TARGET_MS,
        note:
          `${totals.get(kind)?.toLocaleString('en-US')} children on the list, first page of ${PAGE_SIZE}; ` +
          `${round(c.requestsPerSecond, 0)} req/s (baseline ${round(base.requestsPerSecond, 0)}); p99 ${round(c.summary.p99, 1)} ms, max ${round(c.summary.max, 1)} ms${failedNote}`,
      });
      if (c.failed > c.latencies.length / 100) p95.met = false;
      results.push(
        row({
          metric: `${kind}, ${CONNECTIONS} connections p50`,
          value: c.summary.p50,
          unit: 'ms',
          baseline: base.summary.p50,
          target: 'report',
        }),
        p95,
        row({
          metric: `${kind}, one at a time p50`,
          value: s.p50,
          unit: 'ms',
          baseline: seqBase.p50,
          target: 'report',
        }),
        row({
          metric: `${kind}, one at a time p95`,
          value: s.p95,
          unit: 'ms',
          baseline: seqBase.p95,
          target: 'report',
        }),
        row({
          metric: `${kind}, repository call, one at a time p50`,
          value: r.p50,
          unit: 'ms',
          baseline: repo[0]!.p50,
          target: 'report',
        }),
        row({
          metric: `${kind}, repository call, one at a time p95`,
          value: r.p95,
          unit: 'ms',
          baseline: repo[0]!.p95,
          target: 'report',
        }),
      );
    });
    results.push(
      row({
        metric: 'children under 16 in the commune',
        value: commune.children,
        unit: 'persons',
        target: 'report',
        note: `${commune.name}: ${commune.under8.toLocaleString('en-US')} children under 8, ${commune.persons.toLocaleString('en-US')} persons`,
      }),
    );
    notes.push(
      `one at a time: ${SEQUENTIAL} rounds over HTTP, each asking the baseline and every list once (10 rounds of warm-up); ` +
        `repository call: actionList() without HTTP, ${SQL_ITERATIONS} rounds interleaved the same way, baseline select 1`,
      `target judged on the ${CONNECTIONS}-connection runs (${DURATION_S} s each, after a ${WARMUP_S} s warm-up not counted); one-at-a-time and repository rows report`,
      `database: native PostgreSQL, ${dbName} (kept for the next run); the commune is the province's most populous`,
      `load generator (autocannon) runs in the benchmark process on the same ${os.cpus().length}-CPU machine as the server and PostgreSQL`,
      loadNote('at end'),
    );
    writeResult({
      name: 'ecd-action-lists',
      scale: `commune ${commune.name}: ${commune.children.toLocaleString('en-US')} children (${commune.under8.toLocaleString('en-US')} under 8) of a ${CHILDREN.toLocaleString('en-US')}-child province ${PROVINCE}; ${CONNECTIONS} connections × ${DURATION_S} s per list; native PostgreSQL`,
      machine: machineInfo(postgres),
      at: new Date().toISOString(),
      results,
      notes,
    });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
