import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { Database } from './database.ts';
import { createTestDatabase, testTarget } from '../testing/testDatabase.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(() => database.close());

test.runIf(testTarget() === 'postgres')(
  'an idle connection closed by the server is reopened; the process carries on',
  async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db))
        .rows[0]!.name;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const ended = await admin.query(
          'select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1',
          [name],
        );
        expect(Number(ended.rows[0].n)).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await vi.waitFor(() =>
        expect(write).toHaveBeenCalledWith(expect.stringMatching(/idle database connection was closed/)),
      );
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      write.mockRestore();
    }
  },
);
