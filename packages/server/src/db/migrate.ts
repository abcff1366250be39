import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  checksum: string;
  sql: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file,
        checksum: createHash('sha256').update(text).digest('hex'),
        sql: text,
      };
    });
}

async function ensureMigrationTable(db: Kysely<DB>): Promise<void> {
  await sql`create table if not exists schema_migration (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/**
 * Compares applied migrations with the shipped files. A changed or missing applied migration is an error:
 * migrations are forward-only and an applied file must never be edited.
 */
export async function migrationStatus(
  db: Kysely<DB>,
  migrations = readMigrations(),
): Promise<MigrationStatus> {
  await ensureMigrationTable(db);
  const applied = await db.selectFrom('schema_migration').selectAll().orderBy('version').execute();
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const shipped = byVersion.get(row.version);
    if (!shipped)
      throw new MigrationError(`Applied migration ${row.name} is missing from the migrations folder`);
    if (shipped.checksum !== row.checksum) {
      throw new MigrationError(`Applied migration ${row.name} has been changed (checksum mismatch)`);
    }
  }
  const appliedVersions = new Set(applied.map((row) => row.version));
  return {
    applied: applied.map((row) => row.name),
    pending: migrations.filter((m) => !appliedVersions.has(m.version)).map((m) => m.name),
  };
}

/** Applies pending migrations in order, each in its own transaction. Returns the names applied. */
export async function migrate(db: Kysely<DB>, migrations = readMigrations()): Promise<string[]> {
  const status = await migrationStatus(db, migrations);
  const done: string[] = [];
  for (const migration of migrations.filter((m) => status.pending.includes(m.name))) {
    await db.transaction().execute(async (trx) => {
      // Two processes starting together must not both apply the same file.
      await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
      const already = await trx
        .selectFrom('schema_migration')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (already) return;
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migration')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
      done.push(migration.name);
    });
  }
  return done;
}
