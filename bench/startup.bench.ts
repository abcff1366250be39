// startup: how long from `treem start` until a user can use the app.
//   cold  = brand-new data directory (creates the database, migrates, loads ~14k administrative units, seeds demo)
//   warm  = the same data directory started again (everything already there)
// Baseline, measured in the same run: the bare cost of starting Node and loading the server's code
// (`node --import tsx -e "await import('./packages/server/src/index.ts')"`), so ratio = our start-up / module load.
// A second, in-process pass times each bootstrap phase separately to show where the cold start goes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp, loadAdminUnits, loadConfig, migrate, openDatabase, seedDemo } from '@treem/server';
import { sql } from 'kysely';
import {
  envInt,
  freePort,
  loadNote,
  machineInfo,
  median,
  repoRoot,
  round,
  row,
  scratchPostgres,
  timeMs,
  writeResult,
  type ResultRow,
} from './support.ts';

const COLD_TARGET_MS = 20_000; // the issue: login page up within 20 s of the install finishing
const WARM_TARGET_MS = 5_000;
const WARM_RUNS = envInt('BENCH_WARM_RUNS', 3);
const BASELINE_RUNS = envInt('BENCH_BASELINE_RUNS', 3);
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

const webDir = process.env.TREEM_WEB_DIR
  ? path.resolve(process.env.TREEM_WEB_DIR)
  : path.join(repoRoot, 'packages/web/dist');
const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
const adminUrl = process.env.DATABASE_URL;

function wait(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Wall time of a process that only loads the server's modules and exits. */
async function moduleLoadMs(): Promise<number> {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', "await import('./packages/server/src/index.ts')"],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const code = await wait(child);
  if (code !== 0) throw new Error(`module-load baseline exited with ${code}`);
  return performance.now() - start;
}

async function get(url: string): Promise<{ status: number; type: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return { status: response.status, type: response.headers.get('content-type') ?? '' };
  } catch {
    return undefined; // not listening yet
  }
}

/**
 * CPU seconds (user + system) a live process has used so far, from /proc (Linux; clock ticks assumed 100 Hz, the
 * kernel's USER_HZ); undefined elsewhere. Less sensitive than wall time to other work on the machine.
 */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

interface StartRun {
  /** spawn → GET /healthz 200 */
  healthMs: number;
  /** spawn → GET / 200 text/html (the login page); undefined without a web build */
  pageMs: number | undefined;
  /** what "ready" means for the targets: the login page when there is one, else /healthz */
  readyMs: number;
  /** the server's own CPU time until ready (Linux only) */
  cpuMs: number | undefined;
  /** SIGTERM → exit */
  stopMs: number;
  exitCode: number | null;
  /** whatever the server printed at LOG_LEVEL=warn (normally nothing) */
  output: string;
}

/** Starts the real server process, waits until it answers, stops it with SIGTERM and waits for it to exit. */
async function startOnce(env: NodeJS.ProcessEnv): Promise<StartRun> {
  const port = await freePort();
  const output: string[] = [];
  const start = performance.now();
  const child = spawn(process.execPath, ['packages/cli/bin/treem.js', 'start'], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = wait(child);
  let gone = false;
  void exited.then(() => (gone = true));

  try {
    const base = `http://127.0.0.1:${port}`;
    let healthMs: number | undefined;
    let pageMs: number | undefined;
    while (healthMs === undefined || (hasWeb && pageMs === undefined)) {
      if (gone)
        throw new Error(`server exited before it was ready (code ${child.exitCode}):\n${output.join('')}`);
      if (performance.now() - start > READY_TIMEOUT_MS)
        throw new Error(`server not ready in ${READY_TIMEOUT_MS} ms`);
      if (healthMs === undefined) {
        const health = await get(`${base}/healthz`);
        if (health?.status === 200) healthMs = performance.now() - start;
      }
      if (healthMs !== undefined && hasWeb && pageMs === undefined) {
        const page = await get(`${base}/`);
        if (page?.status === 200 && page.type.startsWith('text/html')) pageMs = performance.now() - start;
      }
      if (healthMs === undefined || (hasWeb && pageMs === undefined)) await sleep(25);
    }
    const readyMs = pageMs ?? healthMs;
    const cpuMs = processCpuMs(child.pid);

    const stopStart = performance.now();
    child.kill('SIGTERM');
    const exitCode = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => 'timeout' as const)]);
    if (exitCode === 'timeout') {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`server did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
    }
    const stopMs = performance.now() - stopStart;
    if (exitCode !== 0) output.push(`(exit code ${exitCode})`);
    return { healthMs, pageMs, readyMs, cpuMs, stopMs, exitCode, output: output.join('') };
  } finally {
    if (!gone) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

function dirSizeBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSizeBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** The bootstrap phases, timed one by one in this process (modules already loaded). */
async function phases(env: NodeJS.ProcessEnv) {
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn' });
  const open = await timeMs(() => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const database = open.value;
  try {
    const migrated = await timeMs(() => migrate(database.db));
    const units = await timeMs(() => loadAdminUnits(database.db));
    let seedMs: number | undefined;
    if (config.seedDemo) {
      const anyUser = await database.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
      if (!anyUser) seedMs = (await timeMs(() => seedDemo(database.db))).ms;
    }
    const built = await timeMs(() => buildApp({ db: database.db, config, logger: false }));
    await built.value.app.close();
    const version = await sql<{ version: string }>`select version()`.execute(database.db);
    const closed = await timeMs(() => database.close());
    return {
      openMs: open.ms,
      migrateMs: migrated.ms,
      migrations: migrated.value.length,
      loadMs: units.ms,
      unitsLoaded: units.value.units,
      seedMs,
      buildAppMs: built.ms,
      closeMs: closed.ms,
      postgres: version.rows[0]?.version ?? 'unknown',
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function main() {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-bench-startup-'));
  const scratch: { drop: () => Promise<void> }[] = [];
  const notes: string[] = [loadNote('at start')];
  try {
    /** An environment for one "installation": its own data dir (or its own empty PostgreSQL database). */
    async function installation(name: string): Promise<{ env: NodeJS.ProcessEnv; dataDir: string }> {
      const dataDir = path.join(tmpRoot, name);
      const env: NodeJS.ProcessEnv = { ...process.env, TREEM_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      if (adminUrl) {
        const db = await scratchPostgres(adminUrl);
        scratch.push(db);
        env.DATABASE_URL = db.url;
      }
      return { env, dataDir };
    }

    console.log(
      `startup: database ${adminUrl ? 'native PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)'}; web build ${hasWeb ? 'present' : 'absent'}`,
    );
    const baselineSamples: number[] = [];
    for (let i = 0; i < BASELINE_RUNS; i += 1) baselineSamples.push(await moduleLoadMs());
    const baseline = median(baselineSamples);
    console.log(`  module load: ${baselineSamples.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    const server = await installation('server');
    const cold = await startOnce(server.env);
    console.log(
      `  cold: ready ${cold.readyMs.toFixed(0)} ms (healthz ${cold.healthMs.toFixed(0)} ms), stop ${cold.stopMs.toFixed(0)} ms`,
    );
    const dataBytes = adminUrl ? undefined : dirSizeBytes(server.dataDir);
    const warm: StartRun[] = [];
    for (let i = 0; i < WARM_RUNS; i += 1) {
      warm.push(await startOnce(server.env));
      console.log(
        `  warm ${i + 1}: ready ${warm.at(-1)!.readyMs.toFixed(0)} ms, stop ${warm.at(-1)!.stopMs.toFixed(0)} ms`,
      );
    }
    const nonZeroExits = [cold, ...warm].filter((r) => r.exitCode !== 0).length;
    const printed = [cold, ...warm].map((r) => r.output.trim()).filter(Boolean);
    if (printed.length > 0)
      notes.push(
        `server printed at LOG_LEVEL=warn: ${printed[0]!.split('\n').slice(0, 3).join(' | ').slice(0, 500)}`,
      );
    if (nonZeroExits > 0)
      notes.push(`${nonZeroExits} of ${1 + warm.length} server runs exited non-zero after SIGTERM`);

    // Where the cold start goes: the same bootstrap, phase by phase, on a second fresh installation; then again warm.
    const phaseInstall = await installation('phases');
    const coldPhases = await phases(phaseInstall.env);
    const warmPhases = await phases(phaseInstall.env);

    const ready = hasWeb ? 'GET / (login page) and /healthz answer' : '/healthz answers 200';
    const noWeb = hasWeb
      ? undefined
      : `no web build at ${path.relative(repoRoot, webDir) || webDir}: measured /healthz only (login page not served)`;
    if (noWeb) notes.push(noWeb);
    const cpuNote = (runs: StartRun[]) => {
      const cpu = runs.map((r) => r.cpuMs).filter((ms): ms is number => ms !== undefined);
      return cpu.length === runs.length ? `; server CPU time until ready ${median(cpu).toFixed(0)} ms` : '';
    };
    const warmReady = median(warm.map((r) => r.readyMs));
    const results: ResultRow[] = [
      row({
        metric: 'module load (baseline)',
        value: baseline,
        unit: 'ms',
        target: 'report',
        note: `node --import tsx, import @treem/server and exit; median of ${BASELINE_RUNS}`,
      }),
      row({
        metric: 'cold start: spawn → ready',
        value: cold.readyMs,
        unit: 'ms',
        baseline,
        target: COLD_TARGET_MS,
        note: `empty data dir; ready = ${ready}${noWeb ? ' (no web build)' : ''}${cpuNote([cold])}`,
      }),
      row({
        metric: 'warm start: spawn → ready',
        value: warmReady,
        unit: 'ms',
        baseline,
        target: WARM_TARGET_MS,
        note: `median of ${warm.length}: ${warm.map((r) => r.readyMs.toFixed(0)).join(', ')} ms${cpuNote(warm)}`,
      }),
    ];
    if (hasWeb) {
      results.push(
        row({
          metric: 'cold start: spawn → /healthz',
          value: cold.healthMs,
          unit: 'ms',
          baseline,
          target: 'report',
        }),
        row({
          metric: 'warm start: spawn → /healthz',
          value: median(warm.map((r) => r.healthMs)),
          unit: 'ms',
          baseline,
          target: 'report',
        }),
      );
    }
    results.push(
      row({
        metric: 'shutdown: SIGTERM → exit',
        value: median([cold, ...warm].map((r) => r.stopMs)),
        unit: 'ms',
        target: 'report',
        note: `median of ${1 + warm.length}`,
      }),
      row({
        metric: 'cold phase: open database',
        value: coldPhases.openMs,
        unit: 'ms',
        target: 'report',
        note: 'in-process, modules already loaded',
      }),
      row({
        metric: 'cold phase: migrate',
        value: coldPhases.migrateMs,
        unit: 'ms',
        target: 'report',
        note: `${coldPhases.migrations} migrations`,
      }),
      row({
        metric: 'cold phase: loadAdminUnits',
        value: coldPhases.loadMs,
        unit: 'ms',
        target: 'report',
        note: `${coldPhases.unitsLoaded} units`,
      }),
      row({
        metric: 'cold phase: seedDemo',
        value: coldPhases.seedMs ?? 0,
        unit: 'ms',
        target: 'report',
        note: coldPhases.seedMs === undefined ? 'demo seeding off (TREEM_SEED_DEMO=false)' : undefined,
      }),
      row({ metric: 'cold phase: buildApp', value: coldPhases.buildAppMs, unit: 'ms', target: 'report' }),
      row({ metric: 'warm phase: open database', value: warmPhases.openMs, unit: 'ms', target: 'report' }),
      row({
        metric: 'warm phase: migrate (no-op)',
        value: warmPhases.migrateMs,
        unit: 'ms',
        target: 'report',
      }),
      row({
        metric: 'warm phase: loadAdminUnits (checksum hit)',
        value: warmPhases.loadMs,
        unit: 'ms',
        target: 'report',
      }),
      row({ metric: 'warm phase: buildApp', value: warmPhases.buildAppMs, unit: 'ms', target: 'report' }),
      row({ metric: 'warm phase: close database', value: warmPhases.closeMs, unit: 'ms', target: 'report' }),
    );
    if (dataBytes !== undefined) {
      results.push(
        row({
          metric: 'data dir size after first start',
          value: dataBytes / 1024 ** 2,
          unit: 'MiB',
          target: 'report',
        }),
      );
    }
    writeResult({
      name: 'startup',
      scale: `vn-admin reference data (${coldPhases.unitsLoaded} units) + demo seed; ${adminUrl ? 'native PostgreSQL' : 'PGlite in a data dir'}; ${WARM_RUNS} warm runs`,
      machine: machineInfo(coldPhases.postgres),
      at: new Date().toISOString(),
      results,
      notes: [
        `database: ${adminUrl ? 'native PostgreSQL via DATABASE_URL (a scratch database per installation)' : 'PGlite (embedded)'}`,
        ...notes,
        loadNote('at end'),
        `raw ms: cold ${round(cold.readyMs, 0)}, warm ${warm.map((r) => round(r.readyMs, 0)).join('/')}, baseline ${baselineSamples.map((ms) => round(ms, 0)).join('/')}`,
      ],
    });
  } finally {
    for (const db of scratch)
      await db.drop().catch((error: unknown) => console.error('could not drop scratch database', error));
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
}

await main();
