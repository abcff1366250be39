import { sql } from 'kysely';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { markOutdatedSummaries } from './modules/ecd/childSummary.ts';
import { loadAdminUnits } from './seed/adminUnits.ts';
import { seedDemo } from './seed/demo.ts';

export interface BootstrapReport {
  migrationsApplied: string[];
  unitsLoaded: number;
  demoSeeded: boolean;
}

/**
 * Opens the database and makes it ready: migrations, reference units, and — on a database with no users yet and
 * when TREEM_SEED_DEMO allows — the demo province.
 */
export async function bootstrap(config: Config): Promise<{ database: Database; report: BootstrapReport }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrationsApplied = await migrate(database.db);
    const units = await loadAdminUnits(database.db);
    await markOutdatedSummaries(database.db);
    let demoSeeded = false;
    if (config.seedDemo) {
      const anyUser = await database.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
      if (!anyUser) {
        await seedDemo(database.db);
        demoSeeded = true;
        // The demo register arrives in one transaction: give the planner its statistics now, not at the next start.
        await sql`analyze household, person, circumstance_assignment, at_risk_flag`.execute(database.db);
      }
    }
    // PGlite runs no autovacuum: refresh planner statistics at each start so plans follow the data's growth.
    if (database.kind === 'pglite' && !units.loaded) await sql`analyze`.execute(database.db);
    return { database, report: { migrationsApplied, unitsLoaded: units.units, demoSeeded } };
  } catch (error) {
    await database.close();
    throw error;
  }
}
