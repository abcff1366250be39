// Shared helpers for the benchmark scripts: timing, percentiles, machine facts, the result file and its table.
// Every benchmark writes the one shape from docs (ARCHITECTURE.md, "Testing and CI") to bench/results/<name>.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadAdminUnits, migrate, openDatabase } from '@treem/server';
import { sql } from 'kysely';
import pg from 'pg';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

/** A row's target: a number to compare against, or "report" for figures measured without a goal. */
export type Target = number | 'report';

export interface ResultRow {
  metric: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: Target;
  /** true/false against the target; null when the row only reports. */
  met: boolean | null;
  /** Anything a reader needs to interpret the row (an extension of the shape; optional). */
  note?: string;
}

export interface Machine {
  cpus: number;
  memGiB: number;
  node: string;
  /** `select version()` of the database the benchmark ran on. */
  postgres: string;
}

export interface BenchResult {
  name: string;
  scale: string;
  machine: Machine;
  at: string;
  results: ResultRow[];
  /** Free-text remarks about the run as a whole (an extension of the shape; optional). */
  notes?: string[];
}

export function machineInfo(postgres: string): Machine {
  return {
    cpus: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres,
  };
}

/**
 * The machine's 1-minute load average, as a note: on a shared 2-core machine other work (a browser, a build) shows
 * up directly in the tail latencies, and a reader should know it was there.
 */
export function loadNote(when: string): string {
  const [one, five] = os.loadavg();
  return `load average ${when}: ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min) on ${os.cpus().length} CPUs`;
}

/** Rounds for the JSON: three significant decimals is plenty for milliseconds. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  const total = samples.reduce((sum, s) => sum + s, 0);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean: total / samples.length,
    max: Math.max(...samples),
    n: samples.length,
  };
}

/** Milliseconds taken by `work` (wall clock, performance.now()). */
export async function timeMs<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/**
 * Runs `work` `warmup` times unmeasured, then `iterations` times measured, one after another (no concurrency:
 * these are latencies, not throughput). `work` receives the iteration index so it can pick its own input.
 */
export async function sampleLatencies(
  work: (i: number) => Promise<unknown>,
  options: { iterations: number; warmup: number },
): Promise<number[]> {
  for (let i = 0; i < options.warmup; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i += 1) {
    const start = performance.now();
    await work(options.warmup + i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export interface Samples {
  /** wall-clock milliseconds per call */
  wall: number[];
  /** this process's CPU milliseconds per call (user + system, all threads): barely moved by other processes' load */
  cpu: number[];
}

/**
 * Like sampleLatencies for several calls at once, interleaved: each round runs every call once, so a burst of
 * load from elsewhere on the machine lands on all of them alike instead of on whichever ran at that moment.
 */
export async function sampleInterleaved(
  works: readonly (() => Promise<unknown>)[],
  options: { iterations: number; warmup: number },
): Promise<Samples[]> {
  for (let i = 0; i < options.warmup; i += 1) for (const work of works) await work();
  const samples: Samples[] = works.map(() => ({ wall: [], cpu: [] }));
  for (let i = 0; i < options.iterations; i += 1) {
    for (const [index, work] of works.entries()) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await work();
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      samples[index]!.wall.push(wall);
      samples[index]!.cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  return samples;
}

/** A small seeded PRNG (mulberry32), so two runs pick the same "random" inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], random: () => number): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

/** A row with a numeric target: `met` is value ≤ target (all our targets are upper bounds). */
export function row(
  fields: Omit<ResultRow, 'met' | 'ratio' | 'baseline'> & {
    baseline?: number | null;
    note?: string | undefined;
  },
): ResultRow {
  const baseline = fields.baseline ?? null;
  const ratio = baseline !== null && baseline > 0 ? round(fields.value / baseline, 2) : null;
  const met = typeof fields.target === 'number' ? fields.value <= fields.target : null;
  const result: ResultRow = {
    metric: fields.metric,
    value: round(fields.value),
    unit: fields.unit,
    baseline: baseline === null ? null : round(baseline),
    ratio,
    target: fields.target,
    met,
  };
  if (fields.note) result.note = fields.note;
  return result;
}

/** Positive integer from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** A TCP port nobody is listening on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function formatNumber(value: number | null): string {
  if (value === null) return '–';
  if (Math.abs(value) >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (Math.abs(value) >= 100) return value.toFixed(1);
  return value.toFixed(3);
}

/** The readable version of a result for stdout. */
export function formatTable(result: BenchResult): string {
  const header = ['metric', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'];
  const body = result.results.map((r) => [
    r.metric,
    formatNumber(r.value),
    r.unit,
    formatNumber(r.baseline),
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
    typeof r.target === 'number' ? `≤ ${formatNumber(r.target)}` : r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const numeric = new Set([1, 3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [
    `${result.name} — ${result.scale}`,
    `${result.machine.cpus} CPUs, ${result.machine.memGiB} GiB, Node ${result.machine.node}, ${result.machine.postgres}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ];
  const notes = [
    ...result.results.filter((r) => r.note).map((r) => `${r.metric}: ${r.note}`),
    ...(result.notes ?? []),
  ];
  if (notes.length > 0) out.push('', 'notes:', ...notes.map((n) => `  - ${n}`));
  return out.join('\n');
}

/** Writes bench/results/<name>.json and prints the table; returns the file path. */
export function writeResult(result: BenchResult): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${result.name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(formatTable(result));
  console.log(`\nwrote ${path.relative(repoRoot, file)}`);
  return file;
}

/**
 * A fresh, empty database on the PostgreSQL server `adminUrl` points at, so a benchmark measures a first load and
 * never touches real data; `drop()` removes it.
 */
export async function scratchPostgres(
  adminUrl: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `treem_bench_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Native PostgreSQL and the server process (used by the ECD benchmarks)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The URL of database `name` on the server `adminUrl` points at, created if it does not exist (a kept scale
 * database is reused as it is).
 */
export async function ensurePostgresDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Waits until database `url` runs no query but this one's (at most `maxSeconds`): a run's queued requests must not
 * be answered during the next. Returns the seconds waited.
 */
export async function waitForIdleDatabase(url: string, maxSeconds = 300): Promise<number> {
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
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}

/**
 * `treem start` as `npm start` runs it, on database `url`, a free port, no demo seed, warnings only; resolves when
 * `/healthz` answers. `stop()` sends SIGTERM (SIGKILL after 20 s).
 */
export async function startTreemServer(
  url: string,
  dataDir: string,
): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Signs in over HTTP; the session cookie (`treem_session=…`) to send with requests. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { status?: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('treem_session='));
  if (response.status !== 200 || body.status !== 'ok' || !cookie)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(body)}`);
  return cookie;
}

/**
 * Migrates a benchmark database and loads the administrative units (the scale writers need both); returns
 * PostgreSQL's `version()` for the result's machine line.
 */
export async function migrateBenchDatabase(url: string): Promise<string> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    await migrate(database.db);
    await loadAdminUnits(database.db);
    return (await sql<{ version: string }>`select version()`.execute(database.db)).rows[0]!.version;
  } finally {
    await database.close();
  }
}
