#!/usr/bin/env node
// The `treem` command. The packages are TypeScript run in place (no build step for the server), so the CLI
// registers tsx's loader first.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv);
