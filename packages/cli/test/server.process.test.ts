import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server/src/testing/freePort.ts';
import { afterAll, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../bin/treem.js', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-process-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('the server logs JSON lines with request ids and stops cleanly on SIGTERM', async () => {
  const port = await freePort();
  const server = spawn(process.execPath, [bin, 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      TREEM_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 90_000;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect(ready, output).toBe(true);
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
    headers: { 'x-request-id': 'probe-42' },
  });
  expect(response.headers.get('x-request-id')).toBe('probe-42');

  server.kill('SIGTERM');
  expect(await exited).toBe(0);
  const lines = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.some((line) => line.msg === 'treem is ready' && line.demoSeeded === true)).toBe(true);
  expect(lines.some((line) => line.reqId === 'probe-42')).toBe(true);
  expect(lines.some((line) => line.msg === 'shutting down' && line.signal === 'SIGTERM')).toBe(true);
});
