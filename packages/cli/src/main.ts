import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBenchCommand } from './commands/bench.ts';
import { registerDatabaseCommands } from './commands/database.ts';
import { registerGrowthCommands } from './commands/growth.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerUserCommands } from './commands/user.ts';
import { CliError } from './support.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('treem')
    .description('treem — child protection and early childhood information system')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerStartCommand(program);
  registerDatabaseCommands(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerGrowthCommands(program);
  registerBenchCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`treem: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`treem: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
