import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { CliError } from '../support.ts';

const benchDir = fileURLToPath(new URL('../../../../bench/', import.meta.url));

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(
      'Run a benchmark from bench/ (e.g. startup, orgunits, register-search); writes bench/results/<name>.json',
    )
    .argument('<name>', 'benchmark name')
    .argument('[args...]', 'passed to the benchmark, e.g. --rows 100000')
    .allowUnknownOption()
    .action((given: string, args: string[] = []) => {
      // `register-search` (the result file's name) and `registerSearch` (the script's) both run the script.
      const name = given.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
      const script = path.join(benchDir, `${name}.bench.ts`);
      if (!/^[a-zA-Z0-9]+$/.test(name) || !fs.existsSync(script)) {
        const available = fs
          .readdirSync(benchDir)
          .filter((f) => f.endsWith('.bench.ts'))
          .map((f) => f.replace('.bench.ts', ''));
        throw new CliError(`unknown benchmark "${given}"; available: ${available.join(', ')}`, 2);
      }
      const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
        stdio: 'inherit',
      });
      if (result.status !== 0) throw new CliError(`benchmark ${name} failed`, result.status ?? 1);
    });
}
