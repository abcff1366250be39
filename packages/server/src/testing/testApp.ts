import type { FastifyInstance } from 'fastify';
import type { Endpoint, Role } from '@treem/shared';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { TestClient } from './client.ts';
import { seedUser, type SeedUnit } from './factories.ts';
import { createTestDatabase } from './testDatabase.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Database['db'];
  config: Config;
  endpoints: readonly Endpoint[];
  routes: readonly { method: string; url: string }[];
  client(): TestClient;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    TREEM_DATA_DIR: '/tmp/treem-test-unused',
    TREEM_WEB_DIR: '/nonexistent',
    // Tests sign in far more often than people; the throttle has its own test with a low limit.
    TREEM_LOGIN_RATE_PER_MINUTE: '10000',
    TREEM_SECRET_KEY: 'a'.repeat(64),
    ...env,
  });
  const { app, endpoints, routes } = await buildApp({ db: database.db, config, logger: false });
  return {
    app,
    database,
    db: database.db,
    config,
    endpoints,
    routes,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A client signed in as a new user of this role and scope. */
export async function signedIn(t: TestApp, role: Role, scope: SeedUnit[]): Promise<TestClient> {
  const user = await seedUser(t.db, { role, scope });
  const client = t.client();
  await client.login(user.username, user.password);
  return client;
}
