import { createUserFromCli, disableUserFromCli, resetPasswordFromCli } from '@treem/server';
import { AppError, Role, Sector } from '@treem/shared';
import { Option, type Command } from 'commander';
import { CliError, withDatabase } from '../support.ts';

function explain(error: unknown): never {
  if (error instanceof AppError) {
    const detail = error.details ? ` ${JSON.stringify(error.details)}` : '';
    throw new CliError(`${error.code}${detail}`);
  }
  throw error;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts');

  user
    .command('create')
    .description('Create a user; prints a temporary password unless --password is given')
    .requiredOption('-u, --username <username>', 'login name (a-z, 0-9, . _ -)')
    .requiredOption('-n, --full-name <name>', 'full name')
    .addOption(new Option('-r, --role <role>', 'role').choices(Role.options).makeOptionMandatory())
    .requiredOption(
      '-s, --scope <codes...>',
      'GSO codes (or ids) of the units the user works in, e.g. 01 or 09988',
    )
    .addOption(
      new Option('--sector <sector>', 'sector (required for province_officer)').choices(Sector.options),
    )
    .option('-p, --password <password>', 'initial password (the user must change it at first sign-in)')
    .action(
      async (options: {
        username: string;
        fullName: string;
        role: Role;
        scope: string[];
        sector?: Sector;
        password?: string;
      }) => {
        await withDatabase(async ({ db }) => {
          const { user: created, password } = await createUserFromCli(db, {
            username: options.username,
            fullName: options.fullName,
            role: options.role,
            sector: options.sector ?? null,
            scope: options.scope,
            ...(options.password ? { password: options.password } : {}),
          }).catch(explain);
          process.stdout.write(`Created ${created.username} (${created.role}).\n`);
          if (!options.password) process.stdout.write(`Temporary password: ${password}\n`);
        });
      },
    );

  user
    .command('disable')
    .description('Disable a user and end their sessions')
    .argument('<username>')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .action(async (username: string, options: { reason: string }) => {
      await withDatabase(async ({ db }) => {
        await disableUserFromCli(db, username, options.reason).catch(explain);
        process.stdout.write(`Disabled ${username}.\n`);
      });
    });

  user
    .command('reset-password')
    .description('Set a temporary password (must be changed at next sign-in) and unlock the account')
    .argument('<username>')
    .option('-p, --password <password>', 'the new password; generated when omitted')
    .action(async (username: string, options: { password?: string }) => {
      await withDatabase(async ({ db }) => {
        const password = await resetPasswordFromCli(db, username, options.password).catch(explain);
        process.stdout.write(`Password reset for ${username}.\n`);
        if (!options.password) process.stdout.write(`Temporary password: ${password}\n`);
      });
    });
}
