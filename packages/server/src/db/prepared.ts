import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

/**
 * PostgreSQL parses and plans every unnamed statement anew. For a look-up by key that is most of its cost: ~0.2 ms
 * of parsing and planning against ~0.02 ms of execution (measured with `log_min_duration_statement = 0`), paid by
 * every request for its session and scope. A statement carrying this marker is prepared once per connection on
 * native PostgreSQL and then only executed; after five runs PostgreSQL may keep one generic plan for it.
 *
 * Mark only look-ups whose best plan does not depend on the values: by key, by user, by a page's ids. A search
 * stays unmarked: its best plan depends on the scope (a commune or a whole province) and on how common the name is,
 * and with every statement prepared, province-wide searches ran 4× slower on generic plans (measured on 2.5 M
 * children: 2.6 against 10 searches/s).
 */
export const PREPARED_MARKER = '/* treem:prepared */';

/** Appended to a query (`.modifyEnd(prepared)`, or inside a `sql` template) to mark it for preparing. */
export const prepared = sql.raw(PREPARED_MARKER);

/** At most this many statements are kept prepared on one connection; later ones run unnamed. */
export const PREPARED_PER_CONNECTION = 200;

const names = new Map<string, string>();

/** The statement's name: the same text always gets the same name, on every connection. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `treem_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * Makes every connection of `pool` prepare the marked statements it runs (node-postgres prepares a query that has a
 * `name` on first use on a connection and only executes it afterwards).
 */
export function prepareMarkedStatements(pool: pg.Pool, limit = PREPARED_PER_CONNECTION): void {
  pool.on('connect', (client) => {
    const preparedHere = new Set<string>();
    const query = client.query.bind(client) as QueryFunction;
    const withNames: QueryFunction = (text, values, callback) => {
      if (typeof text === 'string' && text.includes(PREPARED_MARKER)) {
        const name = statementName(text);
        if (preparedHere.has(name) || preparedHere.size < limit) {
          preparedHere.add(name);
          return query({ name, text, values: values ?? [] }, callback);
        }
      }
      return query(text, values, callback);
    };
    (client as unknown as { query: QueryFunction }).query = withNames;
  });
}
