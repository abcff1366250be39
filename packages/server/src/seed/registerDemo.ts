// Demo register: the demo villages filled with generated households and children, so a demo session has a
// register to search, filter, print and de-duplicate.
import { todayInVietnam, type PlainDate } from '@treem/shared';
import type { Executor } from '../db/transaction.ts';
import { emptyEcdReport, seedEcdDemo, type EcdDemoReport } from './ecdDemo.ts';
import { ensureFlagCatalogue } from '../modules/register/flagCatalogue.ts';
import { provinceCodeOfPath } from '../modules/register/registerScope.ts';
import {
  ageOn,
  generateRegisterHouseholds,
  hashSeed,
  type AtRiskFlagRow,
  type CircumstanceRow,
  type HouseholdRow,
  type PersonRow,
  type RegisterVillage,
} from './registerGenerator.ts';

export const DEMO_REGISTER_SEED = 20260701;

/**
 * Personal-ID serials the demo issues (the scale writer uses 0–899999), so a database holding both never has two
 * people with one number.
 */
const DEMO_PERSONAL_ID_SERIALS = { base: 900_000, span: 100_000 };

export interface RegisterDemoReport {
  /** The early-childhood records of the new children. */
  ecd: EcdDemoReport;
  households: number;
  persons: number;
  children: number;
  /** Villages that already had households and were left as they were. */
  villagesKept: number;
}

/** Rows per INSERT: person has ~38 columns, well below the 65,535 bind parameters of one statement. */
const BATCH = 500;

async function insertBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Fills each of `villageIds` that has no household yet with 60–120 generated households (the number fixed per
 * village by the seed), deterministically for a given day. Villages that already hold households — from an earlier
 * seeding or a demo session — are left alone, so running the demo seed again never doubles the register.
 * Call inside the demo's transaction.
 */
export async function seedRegisterDemo(
  db: Executor,
  villageIds: readonly string[],
  today: PlainDate = todayInVietnam(),
): Promise<RegisterDemoReport> {
  if (villageIds.length === 0)
    return { ecd: emptyEcdReport, households: 0, persons: 0, children: 0, villagesKept: 0 };
  const rows = await db
    .selectFrom('org_unit as v')
    .innerJoin('org_unit as c', 'c.id', 'v.parent_id')
    .select([
      'v.id',
      'v.path',
      'v.code',
      'v.full_name',
      'v.type_code',
      'c.code as commune_code',
      'c.name as commune_name',
    ])
    .where('v.id', 'in', [...villageIds])
    .orderBy('c.code')
    .orderBy('v.code')
    .execute();
  const villages: RegisterVillage[] = rows.map((row) => ({
    id: row.id,
    path: row.path,
    fullName: row.full_name,
    communeName: row.commune_name,
    urban: row.type_code === 'to_dan_pho',
    households: 60 + (hashSeed(DEMO_REGISTER_SEED, row.commune_code, row.code) % 61),
  }));
  const filled = new Set(
    (
      await db
        .selectFrom('household')
        .select('village_id')
        .distinct()
        .where('village_id', 'in', [...villageIds])
        .execute()
    ).map((row) => row.village_id),
  );
  const pending = new Set(villages.flatMap((village, index) => (filled.has(village.id) ? [] : [index])));
  for (const provinceCode of new Set(villages.map((v) => provinceCodeOfPath(v.path)))) {
    await ensureFlagCatalogue(db, provinceCode);
  }

  const households: HouseholdRow[] = [];
  const persons: PersonRow[] = [];
  const circumstances: CircumstanceRow[] = [];
  const flags: AtRiskFlagRow[] = [];
  const options = { seed: DEMO_REGISTER_SEED, today, villages, personalIdSerials: DEMO_PERSONAL_ID_SERIALS };
  for (const generated of generateRegisterHouseholds(options, pending)) {
    households.push(generated.household);
    persons.push(...generated.persons);
    circumstances.push(...generated.circumstances);
    flags.push(...generated.flags);
  }
  // Households first: a person's household must exist; the head link back is checked at commit (deferred).
  await insertBatches(households, (batch) => db.insertInto('household').values(batch).execute());
  await insertBatches(persons, (batch) => db.insertInto('person').values(batch).execute());
  await insertBatches(circumstances, (batch) =>
    db.insertInto('circumstance_assignment').values(batch).execute(),
  );
  await insertBatches(flags, (batch) => db.insertInto('at_risk_flag').values(batch).execute());
  const ecd = await seedEcdDemo(db, persons, today);
  return {
    ecd,
    households: households.length,
    persons: persons.length,
    children: persons.filter((p) => ageOn(p.birth_date, today) < 16).length,
    villagesKept: villages.length - pending.size,
  };
}
