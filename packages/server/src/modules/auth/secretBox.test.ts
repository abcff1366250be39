import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openSecret, sealSecret, secretKey } from './secretBox.ts';

test('a sealed secret opens with its key and not with another', () => {
  const key = Buffer.alloc(32, 1);
  const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXPJBSWY3DP');
  expect(sealed).toMatch(/^v1:/);
  expect(sealed).not.toContain('JBSWY3DP');
  expect(openSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
  expect(() => openSecret(Buffer.alloc(32, 2), sealed)).toThrow();
});

test('without TREEM_SECRET_KEY a private key file is created once in the data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treem-key-'));
  try {
    const config = loadConfig({ TREEM_DATA_DIR: dir });
    const first = secretKey(config);
    const file = path.join(dir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(Buffer.from(fs.readFileSync(file, 'utf8'), 'hex').equals(first)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
