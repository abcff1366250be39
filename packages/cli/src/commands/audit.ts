import { verifyAuditChain } from '@treem/server';
import type { Command } from 'commander';
import { CliError, withDatabase } from '../support.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Audit log tools');
  audit
    .command('verify')
    .description('Check the hash chain of the audit log; reports the first broken link')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const result = await verifyAuditChain(db);
        if (result.ok) {
          process.stdout.write(`Audit chain intact: ${result.checked} events verified.\n`);
          return;
        }
        throw new CliError(
          `Audit chain BROKEN at event #${result.brokenAt} (${result.problem}); ${result.checked} events before it are intact.`,
          3,
        );
      });
    });
}
