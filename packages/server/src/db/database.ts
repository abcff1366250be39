import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PgliteSerialPool } from './pgliteAdapter.ts';
import { prepareMarkedStatements } from './prepared.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Human-readable target for logs (no password). */
  describe: string;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/** Calendar dates stay `YYYY-MM-DD` strings on both drivers; counts come back as numbers. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://` for a throw-away database. */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? 'memory://');
}

async function openPostgres(url: string): Promise<Database> {
  // JIT compilation costs tens of milliseconds per query and pays off only for long analytic scans; treem's queries
  // are short and indexed (measured: ~70 ms added to a province-wide register search).
  // work_mem 16 MB (default 4 MB): a province-wide name search gathers the entries of a word's beginning ("minh…")
  // in a bitmap; at 4 MB it turns lossy and every row of its pages is checked again (measured on 2.5 M children:
  // "tran van minh" 325 ms at 4 MB, 66 ms at 16 MB; 32 and 64 MB gain nothing more). 10 connections at most.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: pgTypes,
    options: '-c jit=off -c work_mem=16MB',
  });
  // An idle connection the server closed (a restart, an administrator's pg_terminate_backend) is dropped by the
  // pool, which opens a new one when needed. Without a listener Node would treat the event as fatal and stop.
  pool.on('error', (error) => {
    process.stderr.write(
      `treem: an idle database connection was closed (${error.message}); it will be reopened\n`,
    );
  });
  prepareMarkedStatements(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    describe: `postgres://${parsed.host}${parsed.pathname}`,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    extensions: { ltree, pg_trgm, unaccent, pgcrypto },
    parsers: { [DATE_OID]: (value: string) => value },
  });
  const pool = new PgliteSerialPool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    describe: `pglite:${dataDir}`,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
