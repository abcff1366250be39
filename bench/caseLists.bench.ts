// caseLists: the child-protection case lists for a province of 60,000 cases and ~500,000 case events (issue 5),
// through the real server (`treem start`) on native PostgreSQL. Signed in as (a) the commune worker of the commune
// with the most cases: the inbox, the overdue list and "my cases"; (b) that commune's leader: the approvals queue
// and the overdue list; (c) a province officer of the supervising sector (social_protection), who sees the whole
// province: the overdue list. Target: p95 ≤ 50 ms per list, judged under a modest concurrent load (autocannon,
// 10 connections, 15 s per list); the same requests one at a time (interleaved rounds) and through the service
// functions without HTTP are reported too. Baseline in the same run: GET /api/auth/me.
//
// Every list read appends one audit event to the hash chain, under a global advisory lock; the lists batch the
// events of concurrent reads into one commit (`appendAudit`). The run also measures the append alone, in-process,
// one event per transaction (`writeAudit`, what the lists did before) and batched, and samples during each loaded
// run how many of the database's connections wait on that lock.
//
// Database: `treem_bench_register_<children>` (shared with register-search and the ECD benchmarks, kept between
// runs) with the cases of `writeCaseScale`, written on the first run and reused after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@treem/server';
import { foldVietnamese, newId } from '@treem/shared';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { appendAudit, systemActor, writeAudit } from '../packages/server/src/audit/audit.ts';
import { inTransaction } from '../packages/server/src/db/transaction.ts';
import type { Operator } from '../packages/server/src/http/context.ts';
import type { Scope } from '../packages/server/src/modules/access/scope.ts';
import { hashPassword } from '../packages/server/src/modules/auth/password.ts';
import { caseApprovals, caseInbox, listMyCases } from '../packages/server/src/modules/cases/caseLists.ts';
import { caseScaleUsername, writeCaseScale } from '../packages/server/src/seed/caseScale.ts';
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
  type Summary,
  migrateBenchDatabase,
} from './support.ts';

const P95_TARGET_MS = 50;
const CHILDREN = envInt('BENCH_CHILDREN', 2_500_000);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const CASES = envInt('BENCH_CASES', 60_000);
const EVENTS = envInt('BENCH_EVENTS', 500_000);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 10);
const DURATION_S = envInt('BENCH_DURATION', 15);
const WARMUP_S = envInt('BENCH_WARMUP_SECONDS', 3);
const SEQUENTIAL = envInt('BENCH_SEQUENTIAL', 200);
const SQL_ITERATIONS = envInt('BENCH_SQL_ITERATIONS', 40);
const PASSWORD = 'Bench-treem-2026!';
const OFFICER = 'bench.case.tinh';
const adminUrl = process.env.DATABASE_URL;

type Who = 'worker' | 'leader' | 'officer';

interface List {
  label: string;
  who: Who;
  path: string;
  /** The same list through the service function, without HTTP (audit included). */
  call: (ctx: Operator) => Promise<{ total: number }>;
}

const page = { page: 1, pageSize: 50 };
const lists: readonly List[] = [
  { label: 'worker: inbox', who: 'worker', path: '/api/cases/inbox', call: (ctx) => caseInbox(ctx, page) },
  {
    label: 'worker: overdue',
    who: 'worker',
    path: '/api/cases?due=overdue',
    call: (ctx) => listMyCases(ctx, { ...page, status: 'open', due: 'overdue' }),
  },
  {
    label: 'worker: my cases',
    who: 'worker',
    path: '/api/cases',
    call: (ctx) => listMyCases(ctx, { ...page, status: 'open' }),
  },
  {
    label: 'leader: approvals',
    who: 'leader',
    path: '/api/cases/approvals',
    call: (ctx) => caseApprovals(ctx, page),
  },
  {
    label: 'leader: overdue',
    who: 'leader',
    path: '/api/cases?due=overdue',
    call: (ctx) => listMyCases(ctx, { ...page, status: 'open', due: 'overdue' }),
  },
  {
    label: 'province officer: overdue',
    who: 'officer',
    path: '/api/cases?due=overdue',
    call: (ctx) => listMyCases(ctx, { ...page, status: 'open', due: 'overdue' }),
  },
];

interface BenchUser {
  who: Who;
  id: string;
  username: string;
  scope: Scope;
}

/** The register and its cases, written on the first run and reused after (both writers skip what exists). */
async function prepareCaseScale(url: string) {
  const postgres = await migrateBenchDatabase(url);
  const log = (line: string) => console.log(`  ${line}`);
  await writeRegisterScale({ databaseUrl: url, provinceCode: PROVINCE, children: CHILDREN, log });
  const cases = await writeCaseScale({
    databaseUrl: url,
    provinceCode: PROVINCE,
    cases: CASES,
    events: EVENTS,
    log,
  });
  return { postgres, cases };
}

/**
 * The commune with the most cases, its worker and leader (the scale writer's users) and the province officer
 * `bench.case.tinh` (created or reset); every one gets the benchmark's password.
 */
async function prepareUsers(url: string) {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const db = database.db;
    const top = await sql<{ commune_id: string; cases: number }>`
      select commune_id, count(*)::int as cases from protection_case where province_code = ${PROVINCE}
       group by 1 order by 2 desc, 1 limit 1`.execute(db);
    const largest = top.rows[0];
    if (!largest) throw new Error(`province ${PROVINCE} has no cases: the case scale writer wrote nothing`);
    const commune = await db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'path'])
      .where('id', '=', largest.commune_id)
      .executeTakeFirstOrThrow();
    const province = await db
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('generation', '=', 'current')
      .where('level', '=', 'province')
      .where('province_code', '=', PROVINCE)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const passwordHash = await hashPassword(PASSWORD);
    const reset = {
      status: 'active' as const,
      password_hash: passwordHash,
      must_change_password: false,
      failed_login_count: 0,
      locked_until: null,
      mfa_enabled: false,
      mfa_secret: null,
    };
    const users: BenchUser[] = [];
    for (const role of ['worker', 'leader'] as const) {
      const username = caseScaleUsername(commune.code, role);
      const user = await db
        .updateTable('app_user')
        .set(reset)
        .where('username', '=', username)
        .returning('id')
        .executeTakeFirstOrThrow();
      users.push({
        who: role,
        id: user.id,
        username,
        scope: {
          userId: user.id,
          role: role === 'worker' ? 'commune_worker' : 'commune_leader',
          sector: null,
          paths: [commune.path],
        },
      });
    }
    const officerId = await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', OFFICER)
        .executeTakeFirst();
      const id = existing?.id ?? newId();
      const values = {
        full_name: 'Benchmark province child-protection officer',
        full_name_search: foldVietnamese('Benchmark province child-protection officer'),
        role: 'province_officer' as const,
        sector: 'social_protection' as const,
        ...reset,
      };
      if (existing) await trx.updateTable('app_user').set(values).where('id', '=', id).execute();
      else
        await trx
          .insertInto('app_user')
          .values({ id, username: OFFICER, ...values })
          .execute();
      await trx.deleteFrom('user_scope').where('user_id', '=', id).execute();
      await trx.insertInto('user_scope').values({ user_id: id, org_unit_id: province.id }).execute();
      return id;
    });
    users.push({
      who: 'officer',
      id: officerId,
      username: OFFICER,
      scope: {
        userId: officerId,
        role: 'province_officer',
        sector: 'social_protection',
        paths: [province.path],
      },
    });
    return { commune: { ...commune, cases: largest.cases }, users };
  } finally {
    await database.close();
  }
}

interface LoadResult {
  latencies: number[];
  requestsPerSecond: number;
  failed: number;
  /**
   * CPU milliseconds per answered request spent by the server process and the database's client backends (from
   * /proc; null elsewhere): what a request costs, whatever else the machine was doing.
   */
  cpuPerRequest: number | null;
  /** Mean number of the database's backends waiting on an advisory lock (the audit chain's), sampled every 50 ms. */
  auditLockWaiters: number;
  /** Mean number of active backends, sampled alike. */
  activeBackends: number;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Samples pg_stat_activity every 50 ms until `stop()`: how many backends wait on an advisory lock, how many run. */
async function lockSampler(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let waiting = 0;
  let active = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const r = await client.query<{ waiting: number; active: number }>(
        `select count(*) filter (where wait_event_type = 'Lock' and wait_event = 'advisory')::int as waiting,
                count(*) filter (where state = 'active')::int as active
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      waiting += r.rows[0]!.waiting;
      active += r.rows[0]!.active;
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await client.end();
    return { waiting: samples ? waiting / samples : 0, active: samples ? active / samples : 0 };
  };
}

/** User + system CPU milliseconds of a process so far (Linux /proc), or null. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** CPU so far of the server process and of each client backend of the database. */
async function cpuSnapshot(url: string, serverPid: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pids = (
      await client.query<{ pid: number }>(
        `select pid from pg_stat_activity
          where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      )
    ).rows.map((r) => r.pid);
    const backends = new Map<number, number>();
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      if (ms !== null) backends.set(pid, ms);
    }
    return { server: processCpuMs(serverPid), backends };
  } finally {
    await client.end();
  }
}

async function load(
  url: string,
  base: string,
  serverPid: number,
  cookie: string,
  requestPath: string,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const cpuBefore = await cpuSnapshot(url, serverPid);
  const stopSampler = await lockSampler(url);
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
  const sampled = await stopSampler();
  const cpuAfter = await cpuSnapshot(url, serverPid);
  let cpuPerRequest: number | null = null;
  if (cpuBefore.server !== null && cpuAfter.server !== null && latencies.length > 0) {
    let backends = 0;
    for (const [pid, ms] of cpuAfter.backends) backends += ms - (cpuBefore.backends.get(pid) ?? 0);
    cpuPerRequest = (cpuAfter.server - cpuBefore.server + backends) / latencies.length;
  }
  return {
    latencies,
    requestsPerSecond: result.requests.average,
    failed: result.non2xx + result.errors + result.timeouts,
    cpuPerRequest,
    auditLockWaiters: sampled.waiting,
    activeBackends: sampled.active,
  };
}

/**
 * `CONNECTIONS` loops appending list-read audit events for `seconds`, in-process: what the lock allows alone. One
 * transaction per event (`writeAudit`, as the lists did) or batched with the concurrent ones (`appendAudit`).
 */
async function auditUnderLoad(url: string, seconds: number, caseIds: string[], batched: boolean) {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const actor = systemActor('bench.case-lists');
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const start = performance.now();
          const entry = {
            action: 'case.listed',
            entityType: 'protection_case',
            after: { view: 'bench', caseIds },
          } as const;
          if (batched) await appendAudit(database.db, actor, entry);
          else await inTransaction(database.db, (trx) => writeAudit(trx, actor, entry));
          latencies.push(performance.now() - start);
        }
      }),
    );
    return { summary: summarize(latencies), perSecond: latencies.length / seconds };
  } finally {
    await database.close();
  }
}

async function main() {
  if (!adminUrl) {
    console.error(
      'caseLists needs native PostgreSQL: set DATABASE_URL=postgres://… (a user with CREATEDB). The province of ' +
        `${CHILDREN.toLocaleString('en-US')} children and its ${CASES.toLocaleString('en-US')} cases are written ` +
        `once into treem_bench_register_${CHILDREN} and reused.`,
    );
    process.exit(2);
  }
  const notes: string[] = [loadNote('at start')];
  const dbName = `treem_bench_register_${CHILDREN}`;
  const url = await ensurePostgresDatabase(adminUrl, dbName);
  console.log(`caseLists: database ${dbName}; writing or reusing the register and its cases`);
  const { postgres, cases } = await prepareCaseScale(url);
  if (cases.cases > 0)
    notes.push(
      `cases written in this run: ${cases.cases.toLocaleString('en-US')} cases, ` +
        `${cases.events.toLocaleString('en-US')} events in ${(cases.writeMs / 1000).toFixed(0)} s`,
    );
  const { commune, users } = await prepareUsers(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const province = (
    await admin.query<{ cases: number; events: number; open: number; overdue: number }>(
      `select (select count(*) from protection_case where province_code = $1)::int as cases,
              (select count(*) from case_event where province_code = $1)::int as events,
              (select count(*) from protection_case where province_code = $1 and step <> 'closed')::int as open,
              (select count(*) from protection_case where province_code = $1 and step <> 'closed'
                  and due_at < now())::int as overdue`,
      [PROVINCE],
    )
  ).rows[0]!;
  const auditRowsAtStart = Number(
    (await admin.query<{ n: string }>('select count(*) as n from audit_event')).rows[0]!.n,
  );
  await admin.end();
  console.log(
    `  province ${PROVINCE}: ${province.cases.toLocaleString('en-US')} cases (${province.open.toLocaleString('en-US')} open, ` +
      `${province.overdue.toLocaleString('en-US')} overdue), ${province.events.toLocaleString('en-US')} events; ` +
      `commune ${commune.name}: ${commune.cases} cases`,
  );
  const userOf = (who: Who) => users.find((u) => u.who === who)!;

  // The lists through the service functions, one at a time, no HTTP; and the audit append alone.
  const sampleCaseIds: string[] = [];
  const repo = await (async () => {
    const database = await openDatabase({ databaseUrl: url });
    try {
      const ctxOf = (who: Who): Operator => {
        const user = userOf(who);
        return {
          db: database.db,
          scope: user.scope,
          userId: user.id,
          actor: { userId: user.id, username: user.username, requestId: null, ip: null },
        };
      };
      const first = await sql<{ id: string }>`
        select id from protection_case where province_code = ${PROVINCE} order by id limit 50`.execute(
        database.db,
      );
      sampleCaseIds.push(...first.rows.map((r) => r.id));
      const actor = systemActor('bench.case-lists');
      const samples = await sampleInterleaved(
        [
          () => sql`select 1`.execute(database.db),
          () =>
            appendAudit(database.db, actor, {
              action: 'case.listed',
              entityType: 'protection_case',
              after: { view: 'bench', caseIds: sampleCaseIds },
            }),
          ...lists.map((list) => () => list.call(ctxOf(list.who))),
        ],
        { iterations: SQL_ITERATIONS, warmup: 3 },
      );
      return samples.map((s) => summarize(s.wall));
    } finally {
      await database.close();
    }
  })();
  const auditLoad = await auditUnderLoad(url, DURATION_S, sampleCaseIds, false);
  const auditBatched = await auditUnderLoad(url, DURATION_S, sampleCaseIds, true);
  console.log(
    `  audit append alone, ${CONNECTIONS} at a time: one transaction per event ${round(auditLoad.perSecond, 0)}/s, ` +
      `p95 ${round(auditLoad.summary.p95, 1)} ms; batched ${round(auditBatched.perSecond, 0)}/s, p95 ${round(auditBatched.summary.p95, 1)} ms`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-bench-cases-'));
  const server = await startTreemServer(url, dataDir);
  try {
    const cookies = new Map<Who, string>();
    for (const user of users) cookies.set(user.who, await signIn(server.base, user.username, PASSWORD));
    const totals = new Map<string, { total: number; items: number }>();
    for (const list of lists) {
      const response = await fetch(`${server.base}${list.path}`, {
        headers: { cookie: cookies.get(list.who)! },
      });
      const body = (await response.json()) as { total?: number; items?: unknown[] };
      if (response.status !== 200)
        throw new Error(`${list.label}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      totals.set(list.label, { total: body.total ?? 0, items: body.items?.length ?? 0 });
      console.log(`  ${list.label}: ${body.total} cases, ${body.items?.length} on the first page`);
    }

    // One at a time: each round asks the baseline and every list once.
    const request = (who: Who, requestPath: string) => async () => {
      const response = await fetch(`${server.base}${requestPath}`, {
        headers: { cookie: cookies.get(who)! },
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${requestPath}: ${response.status}`);
    };
    const sequentialStart = performance.now();
    const sequential = (
      await sampleInterleaved(
        [request('worker', '/api/auth/me'), ...lists.map((list) => request(list.who, list.path))],
        { iterations: SEQUENTIAL, warmup: 10 },
      )
    ).map((s) => summarize(s.wall));
    console.log(`  one at a time: ${((performance.now() - sequentialStart) / 1000).toFixed(0)} s`);

    // Under load: 10 connections, 15 s per list, the baseline first.
    const concurrent = new Map<string, LoadResult & { summary: Summary }>();
    const runs: [string, Who, string][] = [
      ['GET /api/auth/me (baseline)', 'worker', '/api/auth/me'],
      ...lists.map((list) => [list.label, list.who, list.path] as [string, Who, string]),
    ];
    for (const [label, who, requestPath] of runs) {
      const cookie = cookies.get(who)!;
      if (WARMUP_S > 0) {
        await load(url, server.base, server.pid, cookie, requestPath, WARMUP_S);
        await waitForIdleDatabase(url);
      }
      const result = await load(url, server.base, server.pid, cookie, requestPath, DURATION_S);
      await waitForIdleDatabase(url);
      const summary = summarize(result.latencies.length > 0 ? result.latencies : [DURATION_S * 1000]);
      concurrent.set(label, { ...result, summary });
      console.log(
        `  ${label}, ${CONNECTIONS} connections: p50 ${round(summary.p50, 1)} ms, p95 ${round(summary.p95, 1)} ms, ` +
          `${round(result.requestsPerSecond, 0)} req/s, CPU ${result.cpuPerRequest === null ? '?' : round(result.cpuPerRequest, 2)} ms/request, audit-lock waiters ${round(result.auditLockWaiters, 1)} of ` +
          `${round(result.activeBackends, 1)} active${result.failed ? `, ${result.failed} failed` : ''}`,
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
      ...(base.cpuPerRequest === null
        ? []
        : [
            row({
              metric: `GET /api/auth/me (baseline), ${CONNECTIONS} connections, CPU per request (server + PostgreSQL)`,
              value: base.cpuPerRequest,
              unit: 'ms',
              target: 'report',
              note: 'user + system CPU of the server process and the database client backends during the run (/proc), per answered request: little moved by other load on the machine',
            }),
          ]),
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
      row({
        metric: 'audit append alone (list-read event, 50 case ids), one at a time p50',
        value: repo[1]!.p50,
        unit: 'ms',
        baseline: repo[0]!.p50,
        target: 'report',
        note: 'appendAudit (its own transaction, as a list read does) with nothing to batch with; baseline select 1',
      }),
      row({
        metric: `audit append alone, one transaction per event (writeAudit), ${CONNECTIONS} at a time p95`,
        value: auditLoad.summary.p95,
        unit: 'ms',
        target: 'report',
        note: `in-process, ${DURATION_S} s: the ceiling the advisory lock sets on list reads per second when each read commits its own event`,
      }),
      row({
        metric: `audit append alone, one transaction per event (writeAudit), ${CONNECTIONS} at a time`,
        value: auditLoad.perSecond,
        unit: 'appends/s',
        target: 'report',
      }),
      row({
        metric: `audit append alone, batched (appendAudit, what the lists use), ${CONNECTIONS} at a time p95`,
        value: auditBatched.summary.p95,
        unit: 'ms',
        baseline: auditLoad.summary.p95,
        target: 'report',
        note: 'in-process: the events of concurrent reads share one lock, one insert and one commit',
      }),
      row({
        metric: `audit append alone, batched (appendAudit), ${CONNECTIONS} at a time`,
        value: auditBatched.perSecond,
        unit: 'appends/s',
        baseline: auditLoad.perSecond,
        target: 'report',
      }),
    );
    lists.forEach((list, index) => {
      const c = concurrent.get(list.label)!;
      const s = sequential[index + 1]!;
      const r = repo[index + 2]!;
      const shown = totals.get(list.label)!;
      const failedNote = c.failed > 0 ? `; ${c.failed} requests failed` : '';
      const p95 = row({
        metric: `${list.label}, ${CONNECTIONS} connections p95`,
        value: c.summary.p95,
        unit: 'ms',
        baseline: base.summary.p95,
        target: P95_TARGET_MS,
        note:
          `${list.path}: ${shown.total.toLocaleString('en-US')} cases on the list, ${shown.items} on the first page; ` +
          `${round(c.requestsPerSecond, 0)} req/s (baseline ${round(base.requestsPerSecond, 0)}); p99 ${round(c.summary.p99, 1)} ms, ` +
          `max ${round(c.summary.max, 1)} ms; on average ${round(c.auditLockWaiters, 1)} of ${round(c.activeBackends, 1)} ` +
          `active backends waiting on the audit lock${failedNote}`,
      });
      if (c.failed > c.latencies.length / 100) p95.met = false;
      results.push(
        row({
          metric: `${list.label}, ${CONNECTIONS} connections p50`,
          value: c.summary.p50,
          unit: 'ms',
          baseline: base.summary.p50,
          target: 'report',
        }),
        p95,
        row({
          metric: `${list.label}, ${CONNECTIONS} connections throughput`,
          value: c.requestsPerSecond,
          unit: 'req/s',
          baseline: base.requestsPerSecond,
          target: 'report',
        }),
        ...(c.cpuPerRequest === null
          ? []
          : [
              row({
                metric: `${list.label}, ${CONNECTIONS} connections, CPU per request (server + PostgreSQL)`,
                value: c.cpuPerRequest,
                unit: 'ms',
                baseline: base.cpuPerRequest,
                target: 'report',
              }),
            ]),
        row({
          metric: `${list.label}, one at a time p50`,
          value: s.p50,
          unit: 'ms',
          baseline: seqBase.p50,
          target: 'report',
        }),
        row({
          metric: `${list.label}, one at a time p95`,
          value: s.p95,
          unit: 'ms',
          baseline: seqBase.p95,
          target: 'report',
        }),
        row({
          metric: `${list.label}, service call (with its audit append), one at a time p50`,
          value: r.p50,
          unit: 'ms',
          baseline: repo[0]!.p50,
          target: 'report',
        }),
        row({
          metric: `${list.label}, service call (with its audit append), one at a time p95`,
          value: r.p95,
          unit: 'ms',
          baseline: repo[0]!.p95,
          target: 'report',
        }),
      );
    });
    notes.push(
      `province ${PROVINCE}: ${province.cases.toLocaleString('en-US')} cases (${province.open.toLocaleString('en-US')} open, ` +
        `${province.overdue.toLocaleString('en-US')} overdue at the start), ${province.events.toLocaleString('en-US')} case events; ` +
        `commune ${commune.name} (the most cases): ${commune.cases}`,
      `audit_event held ${auditRowsAtStart.toLocaleString('en-US')} rows at the start (every list read adds one)`,
      `one at a time: ${SEQUENTIAL} rounds over HTTP, each asking the baseline and every list once (10 rounds of warm-up); ` +
        `service call: the list's function without HTTP, ${SQL_ITERATIONS} rounds interleaved the same way, baseline select 1`,
      `target judged on the ${CONNECTIONS}-connection runs (${DURATION_S} s each, after a ${WARMUP_S} s warm-up not counted); the other rows report`,
      `database: native PostgreSQL, ${dbName} (kept for the next run)`,
      `load generator (autocannon) runs in the benchmark process on the same ${os.cpus().length}-CPU machine as the server and PostgreSQL`,
      loadNote('at end'),
    );
    writeResult({
      name: 'case-lists',
      scale: `${province.cases.toLocaleString('en-US')} cases and ${province.events.toLocaleString('en-US')} case events in province ${PROVINCE}; commune ${commune.name}: ${commune.cases} cases; ${CONNECTIONS} connections × ${DURATION_S} s per list; native PostgreSQL`,
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
