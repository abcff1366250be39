import { migrate, openDatabase, seedDemo, DEMO_PASSWORD, DEMO_USERS } from '@treem/server';
import { writeEcdScale } from '@treem/server/seed/ecdScale';
import { writeRegisterScale } from '@treem/server/seed/registerScale';
import type { Command } from 'commander';
import { CliError, configOrExit, withDatabase } from '../support.ts';

function positiveInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new CliError(`${name} must be a positive integer`, 2);
  return value;
}

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
    .description(
      'Load reference data; with --demo, (re)create the demo province and accounts; with --scale, write a ' +
        'generated register for a whole province (native PostgreSQL); with --ecd, its early-childhood records',
    )
    .option('--demo', 'create or reset the demo villages and one account per role')
    .option(
      '--scale <children>',
      'write ~<children> generated children (e.g. 2500000) into one province via COPY',
    )
    .option(
      '--ecd',
      'write early-childhood records (measurements, doses, screenings, services, enrolment, summaries) for the ' +
        "province's children under 8, after --scale or for a register written before (native PostgreSQL)",
    )
    .option('--province <code>', 'current province code for --scale and --ecd', '01')
    .option('--communes <n>', 'with --scale / --ecd: only the first <n> communes of the province')
    .option('--seed <n>', 'with --scale / --ecd: generator seed')
    .action(
      async (options: {
        demo?: boolean;
        scale?: string;
        ecd?: boolean;
        province: string;
        communes?: string;
        seed?: string;
      }) => {
        const children = positiveInteger('--scale', options.scale);
        const config = configOrExit();
        if ((children !== undefined || options.ecd) && !config.databaseUrl) {
          throw new CliError(
            `${children !== undefined ? '--scale' : '--ecd'} writes through COPY and needs native PostgreSQL: set ` +
              'DATABASE_URL (the embedded database is meant for a commune or a demo, not a province of millions)',
            2,
          );
        }
        if (!/^\d{2}$/.test(options.province))
          throw new CliError('--province must be a 2-digit province code', 2);
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
            if (result.cases.cases > 0)
              process.stdout.write(
                `Demo child protection: ${result.cases.providers} providers, ${result.cases.cases} cases added.\n`,
              );
            process.stdout.write(
              `Demo ready: ${result.villages} villages, ${result.users} accounts (password ${DEMO_PASSWORD}):\n`,
            );
            for (const user of DEMO_USERS)
              process.stdout.write(`  ${user.username.padEnd(14)} ${user.role}\n`);
          }
        });
        if (children !== undefined) {
          const result = await writeRegisterScale({
            databaseUrl: config.databaseUrl!,
            provinceCode: options.province,
            children,
            communes: positiveInteger('--communes', options.communes),
            seed: positiveInteger('--seed', options.seed),
            log: (line) => process.stdout.write(`${line}\n`),
          });
          process.stdout.write(
            `Register written for province ${options.province}: ${result.households} households, ` +
              `${result.children} children, ${result.persons} persons in ${(result.writeMs / 1000).toFixed(0)} s ` +
              `(${result.villagesKept} villages kept, ${result.villagesCreated} created).\n`,
          );
        }
        if (options.ecd) {
          const result = await writeEcdScale({
            databaseUrl: config.databaseUrl!,
            provinceCode: options.province,
            communes: positiveInteger('--communes', options.communes),
            seed: positiveInteger('--seed', options.seed),
            log: (line) => process.stdout.write(`${line}\n`),
          });
          process.stdout.write(
            `Early-childhood records written for province ${options.province}: ` +
              `${result.children.toLocaleString('en-US')} children under 8, ` +
              `${result.measurements.toLocaleString('en-US')} measurements, ${result.doses.toLocaleString('en-US')} doses, ` +
              `${result.screenings.toLocaleString('en-US')} screenings, ${result.contacts.toLocaleString('en-US')} service ` +
              `contacts, ${result.enrolments.toLocaleString('en-US')} enrolments, ` +
              `${result.summaries.toLocaleString('en-US')} summaries in ${(result.writeMs / 1000).toFixed(0)} s ` +
              `(${result.communesKept} communes kept).\n`,
          );
        }
      },
    );
}
