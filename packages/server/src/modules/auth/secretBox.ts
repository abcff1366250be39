import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Encryption at rest for second-factor secrets: AES-256-GCM with a key kept outside the database, so a copy of the
 * database alone does not let anyone generate a user's codes. The key comes from TREEM_SECRET_KEY (64 hex
 * characters) or, when unset, from `secret.key` in the data directory, created on first use.
 */
const keys = new Map<string, Buffer>();

export function secretKey(config: Config): Buffer {
  const cacheKey = config.secretKeyHex ?? config.dataDir;
  const cached = keys.get(cacheKey);
  if (cached) return cached;
  let key: Buffer;
  if (config.secretKeyHex) {
    key = Buffer.from(config.secretKeyHex, 'hex');
  } else {
    const file = path.join(config.dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes (64 hex characters)');
  keys.set(cacheKey, key);
  return key;
}

export function sealSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function openSecret(key: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1:')) throw new Error('Unknown secret format');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
