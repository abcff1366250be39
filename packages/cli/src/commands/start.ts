import { startServer } from '@treem/server';
import type { Command } from 'commander';
import { configOrExit } from '../support.ts';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Start the server (migrates, loads administrative units, seeds the demo on first run)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .action(async (options: { port?: string }) => {
      if (options.port) process.env.PORT = options.port;
      await startServer(configOrExit());
    });
}
