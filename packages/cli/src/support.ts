import { bootstrap, ConfigError, loadConfig, type Config } from '@treem/server';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}

/** Opens the configured database, migrated and loaded, runs `work`, and always closes it. */
type Bootstrapped = Awaited<ReturnType<typeof bootstrap>>;

export async function withDatabase<T>(
  work: (db: Bootstrapped['database'], report: Bootstrapped['report']) => Promise<T>,
  options: { seedDemo?: boolean } = {},
): Promise<T> {
  const config = configOrExit();
  const { database, report } = await bootstrap({ ...config, seedDemo: options.seedDemo ?? false });
  try {
    return await work(database, report);
  } finally {
    await database.close();
  }
}
