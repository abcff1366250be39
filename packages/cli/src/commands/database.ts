import { migrate, openDatabase, seedDemo, DEMO_PASSWORD, DEMO_USERS } from '@treem/server';
import type { Command } from 'commander';
import { configOrExit, withDatabase } from '../support.ts';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const config = configOrExit();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(database.db);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n',
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('Load reference data; with --demo, (re)create the demo province and accounts')
    .option('--demo', 'create or reset the demo villages and one account per role')
    .action(async (options: { demo?: boolean }) => {
      await withDatabase(async ({ db }, report) => {
        process.stdout.write(
          report.unitsLoaded > 0
            ? `Loaded ${report.unitsLoaded} administrative units.\n`
            : 'Administrative units are current.\n',
        );
        if (options.demo) {
          const result = await seedDemo(db);
          const { register } = result;
          process.stdout.write(
            `Demo register: ${register.households} households, ${register.children} children added` +
              (register.villagesKept > 0
                ? ` (${register.villagesKept} villages already had households)`
                : '') +
              '.\n',
          );
          process.stdout.write(
            `Demo ready: ${result.villages} villages, ${result.users} accounts (password ${DEMO_PASSWORD}):\n`,
          );
          for (const user of DEMO_USERS) process.stdout.write(`  ${user.username.padEnd(14)} ${user.role}\n`);
        }
      });
    });
}
