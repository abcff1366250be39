// ecdRescore: recomputing and storing the WHO z-scores of every measurement of a province on native PostgreSQL —
// what `treem growth rescore --province 01` does after a correction of the tables or rules. The province is the
// register scale database `treem_bench_register_<children>` (shared with register-search, kept between runs) with its
// early-childhood records (`writeEcdScale`, ≈ 5 M measurements for 2.5 M children; written on the first run).
//
// Steps, each timed alone, with VACUUM and CHECKPOINT before (not timed) so every write starts from the same state:
//  1. invalidate: one `update … set scored_birth_date = scored_birth_date - 1` — every row's stored scores now
//     disagree with the child's birth date, so a rescoring rewrites all of them (rows that come out the same are
//     skipped, so without this a rescore writes nothing);
//  2. rescore: `rescoreMeasurements(db, { provinceCode, batchSize })` — read a batch joined with the children, score
//     it in JS (`measurementScoreColumns`), `update … from unnest(…)`, refresh the children's summary rows;
//  3. the same again with nothing left to change: the read and the scoring without the writes;
//  4. baseline: the same rows and columns rewritten by bare SQL, no JS — one statement, and the same batches by key.
// Target: "report rows/s" (issue 4). Ratios: each rate against the one-statement SQL update's.
import { sql } from 'kysely';
import pg from 'pg';
import { loadAdminUnits, migrate, openDatabase } from '@treem/server';
import {
  measurementScoreColumns,
  measurementValuesOf,
} from '../packages/server/src/modules/ecd/measurementScores.ts';
import { rescoreMeasurements } from '../packages/server/src/modules/ecd/rescore.ts';
import { writeEcdScale } from '../packages/server/src/seed/ecdScale.ts';
import { writeRegisterScale } from '../packages/server/src/seed/registerScale.ts';
import {
  ensurePostgresDatabase,
  envInt,
  loadNote,
  machineInfo,
  round,
  row,
  timeMs,
  writeResult,
  type ResultRow,
} from './support.ts';
import { measurementScoreColumnNames } from '../packages/server/src/modules/ecd/rescore.ts';

const CHILDREN = envInt('BENCH_CHILDREN', 2_500_000);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const BATCH = envInt('BENCH_BATCH', 5_000);
const JS_SAMPLE = envInt('BENCH_JS_SAMPLE', 200_000);
const BATCHED_BASELINE = envInt('BENCH_BATCHED_BASELINE', 1) === 1;
const adminUrl = process.env.DATABASE_URL;

/** The columns a rescoring rewrites, for the SQL baseline. */
const SCORE_COLUMNS = measurementScoreColumnNames;
const SET_SAME = `${SCORE_COLUMNS.map((c) => `${c} = ${c}`).join(', ')}, updated_at = now()`;

/** The register and its ECD records, written on the first run and reused after (both writers skip what exists). */
async function prepareEcdScale(url: string, log: (line: string) => void) {
  const database = await openDatabase({ databaseUrl: url });
  let postgres: string;
  try {
    await migrate(database.db);
    await loadAdminUnits(database.db);
    postgres = (await sql<{ version: string }>`select version()`.execute(database.db)).rows[0]!.version;
  } finally {
    await database.close();
  }
  const register = await writeRegisterScale({
    databaseUrl: url,
    provinceCode: PROVINCE,
    children: CHILDREN,
    log: (line) => log(`  ${line}`),
  });
  const ecd = await writeEcdScale({
    databaseUrl: url,
    provinceCode: PROVINCE,
    log: (line) => log(`  ${line}`),
  });
  return { postgres, register, ecd };
}

async function main() {
  if (!adminUrl) {
    console.error(
      'ecdRescore needs native PostgreSQL: set DATABASE_URL=postgres://… (a user with CREATEDB). The province of ' +
        `${CHILDREN.toLocaleString('en-US')} children and its ECD records are written once into ` +
        `treem_bench_register_${CHILDREN} and reused.`,
    );
    process.exit(2);
  }
  const notes: string[] = [loadNote('at start')];
  const dbName = `treem_bench_register_${CHILDREN}`;
  const url = await ensurePostgresDatabase(adminUrl, dbName);
  console.log(`ecdRescore: database ${dbName}; writing or reusing the register and its ECD records`);
  const { postgres, register, ecd } = await prepareEcdScale(url, console.log);
  if (register.persons > 0)
    notes.push(`register written in this run: ${register.persons.toLocaleString('en-US')} persons`);
  if (ecd.measurements > 0)
    notes.push(
      `ECD records written in this run: ${ecd.measurements.toLocaleString('en-US')} measurements, ` +
        `${ecd.doses.toLocaleString('en-US')} doses in ${(ecd.writeMs / 1000).toFixed(0)} s ` +
        `(generation ${(ecd.generateMs / 1000).toFixed(0)} s)`,
    );
  else notes.push(`ECD records reused from an earlier run (${ecd.communesKept} communes)`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const database = await openDatabase({ databaseUrl: url });
  try {
    const count = async () =>
      Number(
        (
          await client.query<{ n: string }>(
            'select count(*) as n from growth_measurement where province_code = $1',
            [PROVINCE],
          )
        ).rows[0]!.n,
      );
    const measurements = await count();
    const children = Number(
      (
        await client.query<{ n: string }>(
          'select count(distinct person_id) as n from growth_measurement where province_code = $1',
          [PROVINCE],
        )
      ).rows[0]!.n,
    );
    const size = async () =>
      (
        await client.query<{ size: string }>(
          `select pg_size_pretty(pg_total_relation_size('growth_measurement')) as size`,
        )
      ).rows[0]!.size;
    console.log(
      `  ${measurements.toLocaleString('en-US')} measurements of ${children.toLocaleString('en-US')} children, ` +
        `growth_measurement ${await size()}`,
    );
    const settle = async (label: string) => {
      const { ms } = await timeMs(async () => {
        await client.query('vacuum (analyze) growth_measurement, ecd_child_summary');
        await client.query('checkpoint');
      });
      console.log(`  (vacuum + checkpoint before ${label}: ${(ms / 1000).toFixed(1)} s)`);
    };
    const rate = (rows: number, ms: number) => rows / (ms / 1000);

    // 1. Invalidate every row's stored scores in one statement.
    await settle('invalidating');
    const invalidate = await timeMs(() =>
      client.query(
        `update growth_measurement set scored_birth_date = scored_birth_date - 1 where province_code = $1`,
        [PROVINCE],
      ),
    );
    console.log(
      `  invalidate: ${invalidate.value.rowCount} rows in ${(invalidate.ms / 1000).toFixed(1)} s ` +
        `(${Math.round(rate(measurements, invalidate.ms))} rows/s)`,
    );

    // 2. Rescore everything.
    await settle('rescoring');
    let lastLog = 0;
    const rescore = await timeMs(() =>
      rescoreMeasurements(database.db, {
        provinceCode: PROVINCE,
        batchSize: BATCH,
        onProgress: (done) => {
          if (Date.now() - lastLog < 15_000) return;
          lastLog = Date.now();
          console.log(
            `    rescored ${done.toLocaleString('en-US')} / ${measurements.toLocaleString('en-US')}`,
          );
        },
      }),
    );
    console.log(
      `  rescore: ${rescore.value.scored} scored, ${rescore.value.changed} changed in ` +
        `${(rescore.ms / 1000).toFixed(1)} s (${Math.round(rate(rescore.value.scored, rescore.ms))} rows/s)`,
    );
    if (rescore.value.changed !== measurements)
      notes.push(`rescore changed ${rescore.value.changed} of ${measurements} rows (expected all)`);

    // 3. Again, with nothing to change: read + score only.
    await settle('the read-only rescore');
    const unchanged = await timeMs(() =>
      rescoreMeasurements(database.db, { provinceCode: PROVINCE, batchSize: BATCH }),
    );
    console.log(
      `  rescore with nothing to change: ${unchanged.value.changed} changed in ${(unchanged.ms / 1000).toFixed(1)} s`,
    );

    // The JS alone: measurementScoreColumns over a sample of rows already in memory.
    const sample = await database.db
      .selectFrom('growth_measurement as m')
      .innerJoin('person as p', (join) =>
        join.onRef('p.province_code', '=', 'm.province_code').onRef('p.id', '=', 'm.person_id'),
      )
      .selectAll('m')
      .select(['p.sex', 'p.birth_date', 'p.birth_date_precision'])
      .where('m.province_code', '=', PROVINCE)
      .orderBy('m.id')
      .limit(JS_SAMPLE)
      .execute();
    const scoreAll = () => {
      for (const r of sample)
        measurementScoreColumns(
          {
            sex: r.sex,
            birthDate: r.birth_date,
            birthDatePrecision: r.birth_date_precision,
          },
          measurementValuesOf(r),
        );
    };
    scoreAll();
    const js = await timeMs(async () => {
      scoreAll();
      scoreAll();
      scoreAll();
      return Promise.resolve();
    });
    const jsRate = rate(sample.length * 3, js.ms);

    // 4. Baselines: the same columns rewritten by SQL alone.
    await settle('the one-statement baseline');
    const bare = await timeMs(() =>
      client.query(`update growth_measurement set ${SET_SAME} where province_code = $1`, [PROVINCE]),
    );
    console.log(
      `  bare SQL, one statement: ${bare.value.rowCount} rows in ${(bare.ms / 1000).toFixed(1)} s ` +
        `(${Math.round(rate(measurements, bare.ms))} rows/s)`,
    );
    let batched: { ms: number; rows: number } | null = null;
    if (BATCHED_BASELINE) {
      await settle('the batched baseline');
      const result = await timeMs(async () => {
        let after = '00000000-0000-0000-0000-000000000000';
        let rows = 0;
        for (;;) {
          const step = await client.query<{ last: string | null; n: number }>(
            `with batch as materialized (
               select province_code, id from growth_measurement
                where province_code = $1 and id > $2::uuid order by id limit $3),
             done as (
               update growth_measurement g set ${SET_SAME} from batch b
                where g.province_code = b.province_code and g.id = b.id returning 1)
             select (select id::text from batch order by id desc limit 1) as last,
                    (select count(*)::int from done) as n`,
            [PROVINCE, after, BATCH],
          );
          const { last, n } = step.rows[0]!;
          rows += n;
          if (!last || n < BATCH) break;
          after = last;
        }
        return rows;
      });
      batched = { ms: result.ms, rows: result.value };
      console.log(
        `  bare SQL, batches of ${BATCH}: ${batched.rows} rows in ${(batched.ms / 1000).toFixed(1)} s ` +
          `(${Math.round(rate(batched.rows, batched.ms))} rows/s)`,
      );
    }
    await settle('the end');

    const bareRate = rate(measurements, bare.ms);
    const results: ResultRow[] = [
      row({
        metric: 'rescore: recompute and store z-scores (rescoreMeasurements)',
        value: rate(rescore.value.scored, rescore.ms),
        unit: 'rows/s',
        baseline: bareRate,
        target: 'report',
        note:
          `${rescore.value.scored.toLocaleString('en-US')} measurements scored, ${rescore.value.changed.toLocaleString('en-US')} ` +
          `stored in ${round(rescore.ms / 1000, 1)} s, batches of ${BATCH} (read joined with person, score in JS, ` +
          `update from unnest, summary rows of the changed children refreshed); baseline: the bare SQL update, one statement`,
      }),
      row({
        metric: 'rescore with nothing to change (read + score, no write)',
        value: rate(unchanged.value.scored, unchanged.ms),
        unit: 'rows/s',
        baseline: bareRate,
        target: 'report',
        note: `${round(unchanged.ms / 1000, 1)} s; ${unchanged.value.changed} rows changed`,
      }),
      row({
        metric: 'measurementScoreColumns alone (JS, in-process)',
        value: jsRate,
        unit: 'rows/s',
        baseline: bareRate,
        target: 'report',
        note: `${sample.length.toLocaleString('en-US')} stored rows scored 3 times (${round((js.ms * 1e6) / (sample.length * 3) / 1000, 2)} µs a row)`,
      }),
      row({
        metric: 'bare SQL update of the 25 score columns, one statement (baseline)',
        value: bareRate,
        unit: 'rows/s',
        target: 'report',
        note: `update growth_measurement set <each score column> = itself, updated_at = now(): ${bare.value.rowCount} rows in ${round(bare.ms / 1000, 1)} s, no JS`,
      }),
    ];
    if (batched)
      results.push(
        row({
          metric: `bare SQL update, the same batches of ${BATCH} by key (no JS)`,
          value: rate(batched.rows, batched.ms),
          unit: 'rows/s',
          baseline: bareRate,
          target: 'report',
          note: `keyset batches like the rescore's, each its own statement and transaction: ${round(batched.ms / 1000, 1)} s`,
        }),
      );
    results.push(
      row({
        metric: 'invalidate: one update of scored_birth_date (before the rescore)',
        value: rate(measurements, invalidate.ms),
        unit: 'rows/s',
        baseline: bareRate,
        target: 'report',
        note: `${round(invalidate.ms / 1000, 1)} s; makes every row's stored scores stale so the rescore rewrites all of them`,
      }),
      row({
        metric: 'rescore: wall time',
        value: rescore.ms / 1000,
        unit: 's',
        baseline: bare.ms / 1000,
        target: 'report',
      }),
      row({ metric: 'measurements in the province', value: measurements, unit: 'rows', target: 'report' }),
    );
    notes.push(
      `database: native PostgreSQL, ${dbName} (kept for the next run); growth_measurement ${await size()} after the run`,
      `the rescore runs in this process through Kysely + node-postgres (pool of 10, one connection used), as \`treem growth rescore\` does`,
      'VACUUM (ANALYZE) and CHECKPOINT before every timed step, not timed',
      loadNote('at end'),
    );
    writeResult({
      name: 'ecd-rescore',
      scale: `${measurements.toLocaleString('en-US')} measurements of ${children.toLocaleString('en-US')} children in province ${PROVINCE} (${CHILDREN.toLocaleString('en-US')}-child register); native PostgreSQL`,
      machine: machineInfo(postgres),
      at: new Date().toISOString(),
      results,
      notes,
    });
  } finally {
    await database.close();
    await client.end();
  }
}

await main();
