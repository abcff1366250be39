import { expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give an embedded database in ./data on port 3000', () => {
  const config = loadConfig({});
  expect(config.databaseUrl).toBeUndefined();
  expect(config.dataDir.endsWith('/data')).toBe(true);
  expect(config.port).toBe(3000);
});

test('a bad value stops start-up with a message naming the variable', () => {
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
  expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
});
