import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import type { Config } from './config.ts';
import { startRegisterHousekeeping } from './modules/register/merge.service.ts';

/** Starts the server and stops it cleanly on SIGINT/SIGTERM: in-flight requests finish, then the database closes. */
export async function startServer(config: Config): Promise<{ close: () => Promise<void>; url: string }> {
  const started = Date.now();
  const { database, report } = await bootstrap(config);
  const { app } = await buildApp({ db: database.db, config });
  await app.listen({ port: config.port, host: config.host });
  const stopHousekeeping = startRegisterHousekeeping(database.db, (error) =>
    app.log.error({ err: error }, 'register housekeeping failed'),
  );
  const url = `http://localhost:${config.port}`;
  app.log.info(
    { database: database.describe, ...report, startupMs: Date.now() - started, url },
    'treem is ready',
  );
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopHousekeeping();
      await app.close();
      await database.close();
    })();
    return closing;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
    });
  }
  return { close, url };
}
