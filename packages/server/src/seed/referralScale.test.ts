import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { testTarget } from '../testing/testDatabase.ts';
import { loadAdminUnits } from './adminUnits.ts';
import { writeCaseScale } from './caseScale.ts';
import { writeEcdScale } from './ecdScale.ts';
import {
  communeReferralRows,
  writeReferralScale,
  type ReferralScaleReport,
  type ReferralScaleSources,
} from './referralScale.ts';
import { writeRegisterScale } from './registerScale.ts';

const NOW = Date.parse('2026-11-25T03:00:00Z');
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

const commune = { id: 'commune-1', path: 'vn.p01.c1', workerId: 'worker-1', leaderId: 'leader-1' };
const providers = {
  ctxh: 'provider-ctxh',
  benhvien: 'provider-bv',
  trogiup: 'provider-tg',
  phunu: 'provider-pn',
};

/** Records of a made-up commune: 2,000 referred screenings, 500 severe wastings, 3,000 assignments, 2,000 cases. */
function sources(): ReferralScaleSources {
  const id = (kind: string, i: number) => `${kind}-${String(i).padStart(5, '0')}`;
  return {
    screenings: Array.from({ length: 2000 }, (_, i) => ({
      id: id('screening', i),
      personId: id('child', i),
      screenedOn: day(NOW - ((i * 7) % 1000) * DAY),
    })),
    wasting: Array.from({ length: 500 }, (_, i) => ({
      id: id('measurement', i),
      personId: id('child', 2000 + i),
      measuredOn: day(NOW - ((i * 5) % 900) * DAY),
    })),
    circumstances: Array.from({ length: 3000 }, (_, i) => ({
      id: id('assignment', i),
      personId: id('child', 3000 + i),
      subGroup: (['a3', 'a3', 'a3', 'a4', 'b2'] as const)[i % 5]!,
      validFrom: day(NOW - ((i * 3) % 1400) * DAY),
      validTo: i % 50 === 0 ? day(NOW - 10 * DAY) : null,
    })),
    cases: Array.from({ length: 2000 }, (_, i) => {
      const implementingAt = NOW - ((i * 11) % 1000) * DAY - 5 * DAY;
      return {
        id: id('case', i),
        // A few cases are about children who are also in a sub-group: one placement each at most.
        personId: i % 40 === 0 ? id('child', 3000 + i) : id('child', 7000 + i),
        concerns: [(['violence', 'neglect', 'abandonment', 'drugs'] as const)[i % 4]!],
        step: i % 3 === 0 ? ('implementing' as const) : ('closed' as const),
        implementingAt,
        closedAt: i % 3 === 0 ? null : Math.min(NOW - DAY, implementingAt + 200 * DAY),
      };
    }),
  };
}

describe('referral and alternative-care scale generator (pure)', () => {
  const input = sources();
  const rows = communeReferralRows(7, '01', commune, providers, input, NOW);

  test('is deterministic for a seed and changes with it', () => {
    expect(communeReferralRows(7, '01', commune, providers, input, NOW)).toEqual(rows);
    expect(communeReferralRows(8, '01', commune, providers, input, NOW)).not.toEqual(rows);
    // A record's rows do not depend on the others (each has its own random stream).
    const alone = communeReferralRows(
      7,
      '01',
      commune,
      providers,
      { ...input, screenings: input.screenings.slice(0, 1), wasting: [], circumstances: [], cases: [] },
      NOW,
    );
    expect(alone.referrals).toEqual(rows.referrals.filter((r) => r.person_id === 'child-00000'));
  });

  test('refers about 70 % of the referred screenings and 40 % of the severe wastings', () => {
    const forScreening = rows.referrals.filter((r) => r.service_code === 'disability_rehabilitation').length;
    const forWasting = rows.referrals.filter((r) => r.service_code === 'medical_care').length;
    expect(forScreening / 2000).toBeGreaterThan(0.64);
    expect(forScreening / 2000).toBeLessThan(0.76);
    expect(forWasting / 500).toBeGreaterThan(0.32);
    expect(forWasting / 500).toBeLessThan(0.48);
  });

  test('a referral’s status agrees with its instants, none after now', () => {
    for (const r of rows.referrals) {
      expect(r.case_id).toBeNull();
      const sent = Date.parse(String(r.sent_at));
      expect(sent).toBeLessThan(NOW);
      const at = (column: string) => (r[column] === null ? null : Date.parse(String(r[column])));
      for (const column of ['responded_at', 'completed_at', 'cancelled_at']) {
        const value = at(column);
        if (value !== null) {
          expect(value).toBeGreaterThan(sent);
          expect(value).toBeLessThan(NOW);
        }
      }
      expect(at('responded_at') !== null).toBe(
        ['accepted', 'declined', 'completed'].includes(String(r.status)),
      );
      expect(at('completed_at') !== null).toBe(r.status === 'completed');
      expect(at('cancelled_at') !== null).toBe(r.status === 'cancelled');
    }
    const statuses = new Set(rows.referrals.map((r) => r.status));
    for (const status of ['sent', 'accepted', 'declined', 'completed', 'cancelled'])
      expect(statuses).toContain(status);
  });

  test('places every a4 and b2 child and about 40 % of the a3 children, one placement per child', () => {
    const placed = new Set(rows.placements.map((p) => p.person_id));
    expect(placed.size).toBe(rows.placements.length);
    for (const assignment of input.circumstances.filter((a) => a.subGroup !== 'a3'))
      expect(placed.has(assignment.personId)).toBe(true);
    const kinship = input.circumstances.filter((a) => a.subGroup === 'a3');
    const kinshipPlaced = kinship.filter((a) => placed.has(a.personId)).length / kinship.length;
    expect(kinshipPlaced).toBeGreaterThan(0.36);
    expect(kinshipPlaced).toBeLessThan(0.46);
    const fromCases = rows.placements.filter((p) => p.case_id !== null);
    expect(fromCases.length).toBeGreaterThan(20);
    expect(fromCases.length).toBeLessThan(100);
  });

  test('a placement’s status agrees with its dates; visits and case events follow it', () => {
    const byId = new Map(rows.placements.map((p) => [String(p.id), p]));
    for (const p of rows.placements) {
      expect(p.kind === 'institution').toBe(p.provider_id === providers.ctxh);
      const proposed = String(p.proposed_at).slice(0, 10);
      if (p.decided_on !== null) expect(String(p.decided_on) >= proposed).toBe(true);
      if (p.handed_over_on !== null) expect(String(p.handed_over_on) >= String(p.decided_on)).toBe(true);
      if (p.terminated_on !== null) expect(String(p.terminated_on) >= String(p.handed_over_on)).toBe(true);
      const expected =
        p.terminated_on !== null
          ? 'terminated'
          : p.handed_over_on !== null
            ? 'placed'
            : p.decided_on !== null
              ? 'decided'
              : 'proposed';
      expect(p.status).toBe(expected);
    }
    for (const visit of rows.visits) {
      const placement = byId.get(String(visit.placement_id))!;
      expect(String(visit.visited_on) > String(placement.handed_over_on)).toBe(true);
      if (placement.terminated_on !== null)
        expect(String(visit.visited_on) <= String(placement.terminated_on)).toBe(true);
      expect(Date.parse(String(visit.created_at))).toBeLessThan(NOW);
    }
    const withCase = new Set(rows.placements.filter((p) => p.case_id !== null).map((p) => String(p.id)));
    for (const event of rows.events) {
      const data = JSON.parse(String(event.data)) as { placementId: string };
      expect(withCase.has(data.placementId)).toBe(true);
      expect(Date.parse(String(event.at))).toBeLessThan(NOW);
    }
    expect(rows.events.filter((e) => e.kind === 'care_proposed').length).toBe(withCase.size);
  });
});

// COPY FROM STDIN through pg-copy-streams needs a native PostgreSQL connection; PGlite has no wire protocol.
const onPostgres = testTarget() === 'postgres';

describe.skipIf(!onPostgres)('referral and alternative-care scale writer (native PostgreSQL only)', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `treem_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let client: pg.Client;
  let first: ReferralScaleReport;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    const database = await openDatabase({ databaseUrl: url });
    await migrate(database.db);
    await loadAdminUnits(database.db);
    await database.close();
    const options = { databaseUrl: url, provinceCode: '01', communes: 2 };
    await writeRegisterScale({
      ...options,
      children: 3_000,
      villagesPerCommune: [2, 2],
      today: '2026-11-25',
    });
    await writeEcdScale({ ...options, today: '2026-11-25' });
    await writeCaseScale({ ...options, cases: 400, events: 3_000, now: new Date(NOW) });
    first = await writeReferralScale({ ...options, now: new Date(NOW) });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 300_000);

  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const count = async (query: string) => Number((await client.query<{ n: string }>(query)).rows[0]!.n);

  test('writes early-childhood referrals, placements and their visits', async () => {
    expect(first.referrals).toBeGreaterThan(0);
    expect(await count('select count(*) as n from referral where case_id is null')).toBe(first.referrals);
    expect(await count('select count(*) as n from care_placement')).toBe(first.placements);
    expect(await count('select count(*) as n from care_visit')).toBe(first.visits);
    // Every placed child is in the placement's commune.
    expect(
      await count(`select count(*) as n from care_placement cp join person p
        on p.province_code = cp.province_code and p.id = cp.person_id where not p.org_path <@ cp.org_path`),
    ).toBe(0);
    // Every a4 and b2 child of the register has a placement.
    expect(
      await count(`select count(*) as n from circumstance_assignment a
        join person p on p.province_code = a.province_code and p.id = a.person_id and p.status = 'active'
        where a.sub_group_code in ('a4', 'b2')
          and not exists (select 1 from care_placement cp where cp.person_id = a.person_id)`),
    ).toBe(0);
  });

  test('a second run keeps the communes that have them and writes nothing', async () => {
    const again = await writeReferralScale({
      databaseUrl: url,
      provinceCode: '01',
      communes: 2,
      now: new Date(NOW),
    });
    expect(again.referrals + again.placements).toBe(0);
    expect(again.communesKept).toBe(2);
  });
});
