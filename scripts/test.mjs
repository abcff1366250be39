#!/usr/bin/env node
// `npm test`: unit and API tests on the embedded database; the same API tests on native PostgreSQL when
// TEST_DATABASE_URL is set; the browser specs when a Chromium is found. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
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

function runVitest(name, args, env = {}) {
  const outputFile = path.join(resultsDir, `${name}.json`);
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`, ...args],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(outputFile)) {
    const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  // A crashed run (no report, or non-zero exit with no failed test counted) is a failure, never a pass.
  if (result.status !== 0 && failed === 0) failed = 1;
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

runVitest('unit and API tests (PGlite)', []);

if (process.env.TEST_DATABASE_URL) {
  runVitest('API tests (native PostgreSQL)', ['packages/server'], { TREEM_TEST_TARGET: 'postgres' });
} else {
  stages.push('API tests (native PostgreSQL): skipped — TEST_DATABASE_URL is not set');
}

const chromium = findChromium();
if (chromium) {
  if (!fs.existsSync(path.join(root, 'packages', 'web', 'dist', 'index.html'))) {
    spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  runVitest('browser tests (Chromium)', ['--config', 'e2e/vitest.config.ts'], { CHROMIUM_PATH: chromium });
} else {
  stages.push('browser tests: skipped — no Chromium found (install chromium or set CHROMIUM_PATH)');
}

process.stdout.write(`\n${stages.join('\n')}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed > 0 ? 1 : 0);
