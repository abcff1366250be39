// registerSearch: name search of the register under load — GET /api/register/persons?search=… on a province of
// 2,500,000 children (BENCH_CHILDREN), 50 concurrent connections (autocannon) for 20 s per run, through the real
// server process (`treem start`) on native PostgreSQL.
//
// Database: `treem_bench_register_<children>` on the server DATABASE_URL points at. It is kept between runs: the
// first run writes the province with the scale writer (COPY, several minutes), later runs find it and reuse it.
// Users: a commune worker (one commune, ~20,000 children) and a province officer (the whole province).
// Baseline, measured in the same run under the same load: GET /api/auth/me, an authenticated request that reads
// the session and the user (no register query) — the floor any authenticated API call pays.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadAdminUnits, migrate, openDatabase } from '@treem/server';
import { foldVietnamese, newId, PersonListQuery } from '@treem/shared';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import type { Scope } from '../packages/server/src/modules/access/scope.ts';
import { hashPassword } from '../packages/server/src/modules/auth/password.ts';
import { listPersons } from '../packages/server/src/modules/register/person.repo.ts';
import { writeRegisterScale } from '../packages/server/src/seed/registerScale.ts';
import {
  envInt,
  freePort,
  loadNote,
  machineInfo,
  pick,
  repoRoot,
  round,
  row,
  sampleInterleaved,
  seededRandom,
  summarize,
  writeResult,
  type ResultRow,
} from './support.ts';

const P95_TARGET_MS = 50;
const CHILDREN = envInt('BENCH_CHILDREN', 2_500_000);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const DURATION_S = envInt('BENCH_DURATION', 20);
/**
 * The province-wide run is longer: a search over the whole province takes long enough that 50 connections queue
 * for tens of seconds, and a 20 s run would end before most answers arrive.
 */
const PROVINCE_DURATION_S = envInt('BENCH_PROVINCE_DURATION', 60);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const WARMUP_S = envInt('BENCH_WARMUP_SECONDS', 3);
const SQL_ITERATIONS = envInt('BENCH_SQL_ITERATIONS', 40);
/** A request still unanswered after this many seconds counts as a timeout (autocannon's default is 10). */
const TIMEOUT_S = envInt('BENCH_TIMEOUT', 120);
const PASSWORD = 'Bench-treem-2026!';
const adminUrl = process.env.DATABASE_URL;

/**
 * What people type into the search box, folded or with marks: whole names, given names with their middle name,
 * single common syllables (the broadest matches), family names, and the first letters of a name.
 */
const QUERIES = [
  'nguyen thi hang',
  'tran van minh',
  'le minh anh',
  'pham ngoc linh',
  'hoang duc huy',
  'vu thu trang',
  'dang quang khoi',
  'bui thanh tam',
  'do hai nam',
  'ngo phuong thao',
  'Nguyễn Thị Hằng',
  'Trần Minh Khôi',
  'Lê Ngọc Hân',
  'Phạm Quang Huy',
  'thi hang',
  'van nam',
  'ngoc anh',
  'minh khoi',
  'bao ngoc',
  'thu trang',
  'duc phuc',
  'hai yen',
  'hang',
  'linh',
  'tuan',
  'phuong',
  'khang',
  'thao',
  'nguyen',
  'tran',
  'hoang',
  'duong',
  'nguy',
  'tra',
  'ph',
  'giang a pao',
  'lo van in',
  'bui thi',
];

interface Login {
  cookie: string;
}

function wait(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function ensureDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The bench users (created or reset): a commune worker of the province's most populous commune, a province officer. */
async function ensureUsers(
  url: string,
): Promise<{ communeName: string; communeChildren: number; communePath: string; provincePath: string }> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const db = database.db;
    const province = await db
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('generation', '=', 'current')
      .where('level', '=', 'province')
      .where('province_code', '=', PROVINCE)
      .executeTakeFirstOrThrow();
    // The first commune by code (a stable choice; the communes are of similar size).
    const commune = await db
      .selectFrom('org_unit')
      .select(['id', 'path', 'name'])
      .where('parent_id', '=', province.id)
      .where('generation', '=', 'current')
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow();
    const passwordHash = await hashPassword(PASSWORD);
    for (const [username, role, unitId] of [
      ['bench.xa', 'commune_worker', commune.id],
      ['bench.tinh', 'province_officer', province.id],
    ] as const) {
      await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirst();
        const id = existing?.id ?? newId();
        const values = {
          full_name: `Benchmark ${username}`,
          full_name_search: foldVietnamese(`Benchmark ${username}`),
          role,
          sector: role === 'province_officer' ? 'health' : null,
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
            .values({ id, username, ...values })
            .execute();
        await trx.deleteFrom('user_scope').where('user_id', '=', id).execute();
        await trx.insertInto('user_scope').values({ user_id: id, org_unit_id: unitId }).execute();
      });
    }
    const children = await sql<{ n: number }>`
      select count(*)::int as n from person
       where org_path <@ ${commune.path}::ltree and birth_date > current_date - interval '16 years'`.execute(
      db,
    );
    return {
      communeName: commune.name,
      communeChildren: children.rows[0]!.n,
      communePath: commune.path,
      provincePath: province.path,
    };
  } finally {
    await database.close();
  }
}

async function startServer(
  url: string,
  dataDir: string,
): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['packages/cli/bin/treem.js', 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: url,
      TREEM_DATA_DIR: dataDir,
      TREEM_SEED_DEMO: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = wait(child);
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready:\n${output.join('')}`);
    if (Date.now() > deadline) throw new Error('server not ready in 120 s');
    const ok = await fetch(`${base}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    await sleep(100);
  }
  return {
    base,
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(20_000).then(() => 'timeout' as const)]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

async function login(base: string, username: string): Promise<Login> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body = (await response.json()) as { status?: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('treem_session='));
  if (response.status !== 200 || body.status !== 'ok' || !cookie)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(body)}`);
  return { cookie };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function searchPath(query: string): string {
  return `/api/register/persons?${new URLSearchParams({ search: query }).toString()}`;
}

interface LoadResult {
  latencies: number[];
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** 50 connections for DURATION_S; every request picks its path (seeded), every response's time is kept. */
async function load(base: string, auth: Login, paths: () => string, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: TIMEOUT_S,
        headers: { cookie: auth.cookie },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths() }) }],
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
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * The same searches one at a time, straight through the repository (`listPersons`: count + page), no HTTP and no
 * concurrency: what a single query costs, to tell it apart from queueing under 50 connections.
 */
async function sequentialSearch(url: string, communePath: string, provincePath: string) {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const scope = (role: Scope['role'], path: string): Scope => ({
      userId: newId(),
      role,
      sector: null,
      paths: [path],
    });
    const commune = scope('commune_worker', communePath);
    const province = scope('province_officer', provincePath);
    const random = seededRandom(envInt('BENCH_SEED', 20260701) + 1);
    const query = () => PersonListQuery.parse({ search: pick(QUERIES, random) });
    const [baseline, communeSearch, provinceSearch] = await sampleInterleaved(
      [
        () => sql`select 1`.execute(database.db),
        () => listPersons(database.db, commune, query()),
        () => listPersons(database.db, province, query()),
      ],
      { iterations: SQL_ITERATIONS, warmup: 3 },
    );
    return { baseline: baseline!, communeSearch: communeSearch!, provinceSearch: provinceSearch! };
  } finally {
    await database.close();
  }
}

/**
 * Waits until the database runs no query of this benchmark's server: requests queued by one run (the warm-up's,
 * say) must not be answered during the next.
 */
async function waitForIdle(url: string, maxSeconds = 300): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const start = Date.now();
  try {
    for (;;) {
      const active = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      if (active.rows[0]!.n === 0 || Date.now() - start > maxSeconds * 1000)
        return (Date.now() - start) / 1000;
      await sleep(250);
    }
  } finally {
    await client.end();
  }
}

/** Failed requests are not in the latencies: more than 1% of them and the target cannot count as met. */
function p95Row(result: ResultRow, load: { failed: number; latencies: number[] }): ResultRow {
  if (load.failed > (load.latencies.length + load.failed) / 100) {
    return {
      ...result,
      met: false,
      note: `${result.note ?? ''}; ${load.failed} requests failed or timed out`,
    };
  }
  return result;
}

async function main() {
  if (!adminUrl) {
    console.error(
      'registerSearch needs native PostgreSQL: set DATABASE_URL=postgres://… (a user with CREATEDB). The province ' +
        `of ${CHILDREN.toLocaleString('en-US')} children is written once into treem_bench_register_${CHILDREN} and reused.`,
    );
    process.exit(2);
  }
  const notes: string[] = [loadNote('at start')];
  const dbName = `treem_bench_register_${CHILDREN}`;
  const url = await ensureDatabase(dbName);

  const database = await openDatabase({ databaseUrl: url });
  let postgres = 'unknown';
  try {
    await migrate(database.db);
    await loadAdminUnits(database.db);
    postgres = (await sql<{ version: string }>`select version()`.execute(database.db)).rows[0]!.version;
  } finally {
    await database.close();
  }

  console.log(
    `registerSearch: database ${dbName}; writing or reusing ${CHILDREN.toLocaleString('en-US')} children`,
  );
  const scale = await writeRegisterScale({
    databaseUrl: url,
    provinceCode: PROVINCE,
    children: CHILDREN,
    log: (line) => console.log(`  ${line}`),
  });
  const counts = await (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const result = await client.query<{ children: number; persons: number; households: number }>(
        `select (select count(*)::int from person where province_code = $1
                  and birth_date > current_date - interval '16 years') as children,
                (select count(*)::int from person where province_code = $1) as persons,
                (select count(*)::int from household where province_code = $1) as households`,
        [PROVINCE],
      );
      return result.rows[0]!;
    } finally {
      await client.end();
    }
  })();
  if (scale.persons > 0)
    notes.push(
      `province written in this run: ${scale.persons.toLocaleString('en-US')} persons in ` +
        `${(scale.writeMs / 1000).toFixed(0)} s (${Math.round(scale.persons / (scale.writeMs / 1000)).toLocaleString('en-US')} persons/s through COPY), ANALYZE ${(scale.analyzeMs / 1000).toFixed(1)} s`,
    );
  else notes.push(`province reused from an earlier run (${scale.villagesKept} villages already filled)`);
  const users = await ensureUsers(url);
  console.log(`  one at a time through the repository (${SQL_ITERATIONS} calls per scope)…`);
  const sequential = await sequentialSearch(url, users.communePath, users.provincePath);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-bench-register-'));
  const server = await startServer(url, dataDir);
  try {
    const communeWorker = await login(server.base, 'bench.xa');
    const provinceOfficer = await login(server.base, 'bench.tinh');

    // Sanity: the search answers and finds people, for both users.
    for (const [who, auth] of [
      ['commune worker', communeWorker],
      ['province officer', provinceOfficer],
    ] as const) {
      const response = await fetch(`${server.base}${searchPath('nguyen')}`, {
        headers: { cookie: auth.cookie },
      });
      const body = (await response.json()) as { total?: number; items?: unknown[] };
      if (response.status !== 200 || !body.items?.length)
        throw new Error(`search as ${who} failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      console.log(`  ${who}: "nguyen" → ${body.total} matches`);
    }

    const random = seededRandom(envInt('BENCH_SEED', 20260701));
    const searchPaths = () => searchPath(pick(QUERIES, random));
    const run = async (label: string, auth: Login, paths: () => string, seconds = DURATION_S) => {
      if (WARMUP_S > 0) {
        await load(server.base, auth, paths, WARMUP_S);
        const drained = await waitForIdle(url);
        if (drained > 1)
          notes.push(`${label}: waited ${drained.toFixed(0)} s after the warm-up for queued queries`);
      }
      const result = await load(server.base, auth, paths, seconds);
      await waitForIdle(url);
      const failed = result.non2xx + result.errors + result.timeouts;
      // No answer at all during the run: report the run's length as a lower bound rather than nothing.
      if (result.latencies.length === 0)
        notes.push(
          `${label}: no response arrived during the ${seconds} s run; latencies shown are that lower bound`,
        );
      const s = summarize(result.latencies.length > 0 ? result.latencies : [seconds * 1000]);
      console.log(
        `  ${label}: p50 ${round(s.p50, 1)} ms, p95 ${round(s.p95, 1)} ms, p99 ${round(s.p99, 1)} ms, ${round(result.requestsPerSecond, 0)} req/s` +
          (failed > 0
            ? `, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`
            : ''),
      );
      if (failed > 0)
        notes.push(
          `${label}: ${failed} of ${result.latencies.length + result.errors + result.timeouts} requests failed ` +
            `(${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts after ${TIMEOUT_S} s)`,
        );
      return { ...result, summary: s, failed };
    };

    const baseline = await run('GET /api/auth/me (baseline)', communeWorker, () => '/api/auth/me');
    const commune = await run('search, commune worker', communeWorker, searchPaths);
    const provinceRun = await run(
      'search, province officer',
      provinceOfficer,
      searchPaths,
      PROVINCE_DURATION_S,
    );

    const results: ResultRow[] = [];
    const b = baseline.summary;
    results.push(
      row({ metric: 'GET /api/auth/me (baseline) p50', value: b.p50, unit: 'ms', target: 'report' }),
      row({ metric: 'GET /api/auth/me (baseline) p95', value: b.p95, unit: 'ms', target: 'report' }),
      row({ metric: 'GET /api/auth/me (baseline) p99', value: b.p99, unit: 'ms', target: 'report' }),
      row({
        metric: 'GET /api/auth/me (baseline) throughput',
        value: baseline.requestsPerSecond,
        unit: 'req/s',
        target: 'report',
        note: `${CONNECTIONS} connections, ${DURATION_S} s, ${baseline.latencies.length} requests`,
      }),
    );
    for (const [label, scopeNote, result] of [
      ['search, commune worker', `scope: ${users.communeName}, ${users.communeChildren} children`, commune],
      ['search, province officer', `scope: province ${PROVINCE}, ${counts.children} children`, provinceRun],
    ] as const) {
      const s = result.summary;
      results.push(
        row({ metric: `${label} p50`, value: s.p50, unit: 'ms', baseline: b.p50, target: 'report' }),
        p95Row(
          row({
            metric: `${label} p95`,
            value: s.p95,
            unit: 'ms',
            baseline: b.p95,
            target: P95_TARGET_MS,
            note: `${scopeNote}; ${QUERIES.length} queries (names, syllables, prefixes) picked at random; max ${round(s.max)} ms`,
          }),
          result,
        ),
        row({ metric: `${label} p99`, value: s.p99, unit: 'ms', baseline: b.p99, target: 'report' }),
        row({
          metric: `${label} throughput`,
          value: result.requestsPerSecond,
          unit: 'req/s',
          baseline: baseline.requestsPerSecond,
          target: 'report',
          note: `${CONNECTIONS} connections, ${label.includes('province') ? PROVINCE_DURATION_S : DURATION_S} s, ${result.latencies.length} requests`,
        }),
      );
    }
    const select1 = summarize(sequential.baseline.wall);
    results.push(
      row({
        metric: 'select 1 round-trip, one at a time (baseline) p50',
        value: select1.p50,
        unit: 'ms',
        target: 'report',
      }),
    );
    for (const [label, samples] of [
      ['search via repository, one at a time, commune scope', sequential.communeSearch],
      ['search via repository, one at a time, province scope', sequential.provinceSearch],
    ] as const) {
      const s = summarize(samples.wall);
      results.push(
        row({ metric: `${label} p50`, value: s.p50, unit: 'ms', baseline: select1.p50, target: 'report' }),
        row({
          metric: `${label} p95`,
          value: s.p95,
          unit: 'ms',
          baseline: select1.p95,
          target: 'report',
          note: `listPersons (page of 50 + capped count) without HTTP, ${samples.wall.length} calls, max ${round(s.max)} ms`,
        }),
      );
    }
    results.push(
      row({ metric: 'children in the province', value: counts.children, unit: 'persons', target: 'report' }),
      row({
        metric: 'persons in the province',
        value: counts.persons,
        unit: 'persons',
        target: 'report',
        note: `children, parents and grandparents in ${counts.households.toLocaleString('en-US')} households`,
      }),
    );
    notes.push(
      `database: native PostgreSQL, ${dbName} (kept for the next run)`,
      `load generator (autocannon) runs in the benchmark process on the same ${os.cpus().length}-CPU machine as the server and PostgreSQL`,
      `latency per response as autocannon measures it (request written → response read); ${WARMUP_S} s warm-up before each run, not counted; the server drains its queue between runs; requests still unanswered when a run ends are not counted`,
      loadNote('at end'),
    );
    writeResult({
      name: 'register-search',
      scale: `${counts.children.toLocaleString('en-US')} children (${counts.persons.toLocaleString('en-US')} persons, ${counts.households.toLocaleString('en-US')} households) in province ${PROVINCE}; ${CONNECTIONS} connections × ${DURATION_S} s per run (province-wide ${PROVINCE_DURATION_S} s); native PostgreSQL`,
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
