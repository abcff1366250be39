import type { PGlite, Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

const writeCommands = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** PGlite reports the affected-row count but not always the command tag Kysely needs for `numUpdatedRows`. */
function commandOf(sql: string): Command {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)\b/i.exec(sql);
  const word = match?.[1]?.toUpperCase();
  return (word && writeCommands.has(word) ? word : 'SELECT') as Command;
}

/**
 * A pool-shaped adapter so Kysely's own PostgresDialect drives PGlite. PGlite is a single session, so checkouts
 * are serialised: a transaction holds the only "connection" until it is released, and nothing interleaves with it.
 */
export class PgliteSerialPool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.queue;
    this.queue = this.queue.then(() => released);
    return turn.then(() => {
      let done = false;
      const client: PostgresPoolClient = {
        query: (async (sql: string, parameters: readonly unknown[]) => {
          // Parameterless text (a migration file) may hold many statements: only the simple protocol runs those.
          const result: Results<unknown> =
            parameters.length === 0
              ? ((await this.pglite.exec(sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 })
              : await this.pglite.query(sql, parameters as unknown[]);
          const command =
            ((result as { command?: string }).command?.toUpperCase() as Command) ?? commandOf(sql);
          return {
            command: writeCommands.has(command) ? command : commandOf(sql),
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        }) as PostgresPoolClient['query'],
        release: () => {
          if (done) return;
          done = true;
          release();
        },
      };
      return client;
    });
  }

  async end(): Promise<void> {
    await this.queue;
  }
}
