#!/usr/bin/env node
// `npm test`: unit and API tests on the embedded database; the same API tests on native PostgreSQL when
// TEST_DATABASE_URL is set; the browser specs when a Chromium is found. Ends with one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.tmp', 'test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

/** Text without the terminal's colour codes. */
const colour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const plain = (text) => text.replace(colour, '');

/**
 * The "Failed Tests" and "Unhandled Errors" sections of a vitest run's output, trimmed: repeated at the very end of
 * `npm test`, where a CI log's last lines show them, instead of thousands of lines above.
 */
function failureSections(output) {
  const lines = plain(output).split('\n');
  const start = lines.findIndex((line) => /⎯ (Failed Tests|Failed Suites|Unhandled Errors?) /.test(line));
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && /^\s*Test Files\s/.test(line));
  const section = lines
    .slice(start, end < 0 ? undefined : end)
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)} …` : line));
  const limit = 120;
  return (
    section.slice(0, limit).join('\n') +
    (section.length > limit ? `\n… ${section.length - limit} more lines above in the log\n` : '\n')
  );
}

const failures = [];

async function runVitest(name, args, env = {}) {
  const outputFile = path.join(resultsDir, `${name}.json`);
  process.stdout.write(`\n=== ${name} ===\n`);
  const child = spawn(
    process.execPath,
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`, ...args],
    { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    output += chunk;
  });
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(outputFile)) {
    const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  // A crashed run (no report, or non-zero exit with no failed test counted: an unhandled error) is a failure.
  if (status !== 0 && failed === 0) failed = 1;
  if (failed > 0) failures.push(`--- ${name} ---\n${failureSections(output) || plain(output).slice(-4000)}`);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  stages.push(`${name}: ${passed} passed, ${failed} failed`);
}

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((candidate) => candidate && fs.existsSync(candidate));
}

await runVitest('unit and API tests (PGlite)', []);

if (process.env.TEST_DATABASE_URL) {
  await runVitest('API tests (native PostgreSQL)', ['packages/server'], { TREEM_TEST_TARGET: 'postgres' });
} else {
  stages.push('API tests (native PostgreSQL): skipped — TEST_DATABASE_URL is not set');
}

const chromium = findChromium();
if (chromium) {
  if (!fs.existsSync(path.join(root, 'packages', 'web', 'dist', 'index.html'))) {
    spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  await runVitest('browser tests (Chromium)', ['--config', 'e2e/vitest.config.ts'], {
    CHROMIUM_PATH: chromium,
  });
} else {
  stages.push('browser tests: skipped — no Chromium found (install chromium or set CHROMIUM_PATH)');
}

if (failures.length > 0)
  process.stdout.write(`\n=== what failed (repeated from above) ===\n${failures.join('\n')}\n`);
process.stdout.write(`\n${stages.join('\n')}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed > 0 ? 1 : 0);
