import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

/**
 * Which database the server tests run on: PGlite in memory by default, or native PostgreSQL when
 * TREEM_TEST_TARGET=postgres and TEST_DATABASE_URL points at a server (the test runner sets both in CI).
 */
export function testTarget(): 'pglite' | 'postgres' {
  return process.env.TREEM_TEST_TARGET === 'postgres' && process.env.TEST_DATABASE_URL
    ? 'postgres'
    : 'pglite';
}

/** A fresh, migrated database for one test file. On PostgreSQL it is a new database dropped on close. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (testTarget() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `treem_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ databaseUrl: url.toString() });
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  if (options.migrate !== false) await migrate(database.db);
  return database;
}
