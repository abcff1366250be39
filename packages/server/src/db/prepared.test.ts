import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from './database.ts';
import { prepared, prepareMarkedStatements, PREPARED_MARKER, statementName } from './prepared.ts';
import { createTestDatabase, testTarget } from '../testing/testDatabase.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(() => database.close());

const marked = (n: number) => sql<{ n: number }>`select ${n}::int + 1 as n ${prepared}`;

test('a marked statement answers like an unmarked one, with each run its own values', async () => {
  for (const n of [1, 41, -3, 1, 41, -3, 7]) {
    const rows = (await marked(n).execute(database.db)).rows;
    expect(rows).toEqual([{ n: n + 1 }]);
  }
});

test('the same text gets the same name, and different texts different names', () => {
  const a = `select 1 ${PREPARED_MARKER}`;
  const b = `select 2 ${PREPARED_MARKER}`;
  expect(statementName(a)).toBe(statementName(a));
  expect(statementName(a)).not.toBe(statementName(b));
  expect(statementName(a)).toMatch(/^treem_[0-9a-f]{24}$/);
});

describe.runIf(testTarget() === 'postgres')('on native PostgreSQL', () => {
  test('a marked statement is prepared once on its connection; an unmarked one is not', async () => {
    const found = await database.db.transaction().execute(async (trx) => {
      // One transaction holds one connection, so pg_prepared_statements shows that connection's statements.
      for (const n of [1, 2, 3]) await marked(n).execute(trx);
      await sql`select ${5}::int as unmarked`.execute(trx);
      return (
        await sql<{
          name: string;
          statement: string;
        }>`select name, statement from pg_prepared_statements`.execute(trx)
      ).rows;
    });
    const text = marked(0).compile(database.db).sql;
    expect(found.filter((s) => s.name === statementName(text))).toHaveLength(1);
    expect(found.some((s) => s.statement.includes('unmarked'))).toBe(false);
  });

  test('past its limit a connection runs further marked statements unnamed, with the right answers', async () => {
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db))
      .rows[0]!.name;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    prepareMarkedStatements(pool, 2);
    try {
      const texts = [1, 2, 3].map((k) => `select $1::int * ${k} as n ${PREPARED_MARKER}`);
      for (const [k, text] of texts.entries()) {
        const result = await pool.query(text, [10]);
        expect(result.rows).toEqual([{ n: 10 * (k + 1) }]);
      }
      const names = (await pool.query('select name from pg_prepared_statements')).rows.map(
        (r: { name: string }) => r.name,
      );
      expect(names.sort()).toEqual([statementName(texts[0]!), statementName(texts[1]!)].sort());
      // The third text still runs, unnamed, every time.
      expect((await pool.query(texts[2]!, [4])).rows).toEqual([{ n: 12 }]);
    } finally {
      await pool.end();
    }
  });
});
