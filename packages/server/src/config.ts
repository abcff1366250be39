import path from 'node:path';
import { z } from 'zod';

const Environment = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TREEM_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TREEM_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  TREEM_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TREEM_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  TREEM_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  TREEM_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  TREEM_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  TREEM_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  TREEM_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  TREEM_WEB_DIR: z.string().optional(),
  TREEM_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof Environment>['LOG_LEVEL'];
  session: { idleMinutes: number; absoluteHours: number };
  lockout: { threshold: number; minutes: number };
  loginRatePerMinute: number;
  bodyLimitBytes: number;
  seedDemo: boolean;
  secureCookies: 'true' | 'false' | 'auto';
  webDir: string | undefined;
  /** Key for secrets at rest (TOTP); when unset, a key file in the data directory is used. */
  secretKeyHex: string | undefined;
}

export class ConfigError extends Error {}

/** Reads configuration from the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' habits.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = Environment.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.TREEM_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    session: { idleMinutes: e.TREEM_SESSION_IDLE_MINUTES, absoluteHours: e.TREEM_SESSION_ABSOLUTE_HOURS },
    lockout: { threshold: e.TREEM_LOCKOUT_THRESHOLD, minutes: e.TREEM_LOCKOUT_MINUTES },
    loginRatePerMinute: e.TREEM_LOGIN_RATE_PER_MINUTE,
    bodyLimitBytes: e.TREEM_BODY_LIMIT_BYTES,
    seedDemo: e.TREEM_SEED_DEMO === 'true',
    secureCookies: e.TREEM_SECURE_COOKIES,
    webDir: e.TREEM_WEB_DIR,
    secretKeyHex: e.TREEM_SECRET_KEY,
  };
}
