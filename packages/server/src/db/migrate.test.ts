import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase } from '../testing/testDatabase.ts';
import type { Database } from './database.ts';
import { migrate, migrationStatus, readMigrations } from './migrate.ts';

let database: Database;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-migrations-'));
  fs.writeFileSync(
    path.join(dir, '0001_first.sql'),
    'create table mig_a (id int primary key); create table mig_b (id int);',
  );
  fs.writeFileSync(path.join(dir, '0002_second.sql'), 'insert into mig_a values (1);');
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('applies pending migrations in order, once', async () => {
  expect(await migrate(database.db, readMigrations(dir))).toEqual(['0001_first.sql', '0002_second.sql']);
  expect(await migrate(database.db, readMigrations(dir))).toEqual([]);
  const rows = await sql<{ n: number }>`select count(*)::int as n from mig_a`.execute(database.db);
  expect(rows.rows[0]?.n).toBe(1);
});

test('a failing migration leaves nothing behind', async () => {
  fs.writeFileSync(
    path.join(dir, '0003_broken.sql'),
    'create table mig_c (id int); select no_such_function();',
  );
  await expect(migrate(database.db, readMigrations(dir))).rejects.toThrow();
  const exists = await sql<{ t: string | null }>`select to_regclass('mig_c')::text as t`.execute(database.db);
  expect(exists.rows[0]?.t).toBeNull();
  expect((await migrationStatus(database.db, readMigrations(dir))).pending).toEqual(['0003_broken.sql']);
  fs.rmSync(path.join(dir, '0003_broken.sql'));
});

test('refuses to run when an applied migration file was edited', async () => {
  fs.writeFileSync(path.join(dir, '0002_second.sql'), 'insert into mig_a values (2);');
  await expect(migrate(database.db, readMigrations(dir))).rejects.toThrow(/0002_second.sql has been changed/);
});

test('the shipped migrations are numbered without gaps', () => {
  const versions = readMigrations().map((m) => m.version);
  expect(versions).toEqual(versions.map((_, i) => i + 1));
});
