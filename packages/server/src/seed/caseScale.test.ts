import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { stepDeadline } from '../modules/cases/caseDeadlines.ts';
import { testTarget } from '../testing/testDatabase.ts';
import { loadAdminUnits } from './adminUnits.ts';
import {
  apportion,
  communeCaseRows,
  planCases,
  writeCaseScale,
  type CaseScaleCommune,
  type CaseScaleReport,
} from './caseScale.ts';
import { writeRegisterScale } from './registerScale.ts';

const NOW = Date.parse('2026-11-25T03:00:00Z');

const commune = (index: number): CaseScaleCommune => ({
  id: `commune-${index}`,
  path: `vn.p01.c${index}`,
  code: String(index),
  name: `Xã ${index}`,
  index,
  workerId: `worker-${index}`,
  leaderId: `leader-${index}`,
  neighbourWorkerId: `worker-${index + 1}`,
  neighbourId: `commune-${index + 1}`,
  childIds: Array.from({ length: 200 }, (_, i) => `child-${index}-${i}`),
});

describe('case scale generator (pure)', () => {
  const weights = [3000, 1000, 6000, 0, 2000];
  const plan = planCases(7, '01', weights, 4000, 34_000, NOW);
  const rows = weights.map((_, index) =>
    communeCaseRows(
      7,
      '01',
      commune(index),
      plan.skeletons.filter((s) => s.communeIndex === index),
      NOW,
      plan.keepOptional,
    ),
  );
  const cases = rows.flatMap((r) => r.cases);
  const events = rows.flatMap((r) => r.events);

  test('spreads the cases over the communes in proportion to their children', () => {
    expect(apportion(weights, 4000)).toEqual([1000, 333, 2000, 0, 667]);
    expect(rows.map((r) => r.cases.length)).toEqual([1000, 333, 2000, 0, 667]);
  });

  test('is deterministic for a seed and changes with it', () => {
    const again = planCases(7, '01', weights, 4000, 34_000, NOW);
    expect(again.skeletons).toEqual(plan.skeletons);
    const some = plan.skeletons.slice(0, 30);
    expect(communeCaseRows(7, '01', commune(0), some, NOW, 0.2)).toEqual(
      communeCaseRows(7, '01', commune(0), some, NOW, 0.2),
    );
    expect(communeCaseRows(8, '01', commune(0), some, NOW, 0.2)).not.toEqual(
      communeCaseRows(7, '01', commune(0), some, NOW, 0.2),
    );
  });

  test('lands on the events asked for, with the step mix of the rates', () => {
    expect(Math.abs(events.length - 34_000) / 34_000).toBeLessThan(0.03);
    const share = (step: string) => cases.filter((c) => c.step === step).length / cases.length;
    expect(share('closed')).toBeGreaterThan(0.84);
    expect(share('closed')).toBeLessThan(0.9);
    expect(share('received')).toBeGreaterThan(0.004);
    expect(share('implementing')).toBeGreaterThan(0.05);
    const numbers = new Set(cases.map((c) => c.case_number));
    expect(numbers.size).toBe(cases.length);
  });

  test('every history lies in the last 3 years, in order, and ends in the step the case is in', () => {
    const threeYearsAgo = NOW - 3 * 365.25 * 86_400_000;
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(String(e.case_id), [...(byCase.get(String(e.case_id)) ?? []), e]);
    for (const c of cases) {
      const received = Date.parse(String(c.received_at));
      expect(received).toBeGreaterThan(threeYearsAgo);
      const timeline = byCase.get(String(c.id))!;
      expect(timeline[0]!.kind).toBe('reported');
      const steps = timeline.filter((e) => e.to_step !== null);
      for (const e of timeline) {
        expect(Date.parse(String(e.at))).toBeGreaterThanOrEqual(received);
        expect(Date.parse(String(e.at))).toBeLessThanOrEqual(NOW);
      }
      for (let i = 1; i < steps.length; i += 1) {
        expect(steps[i]!.from_step).toBe(steps[i - 1]!.to_step);
        expect(Date.parse(String(steps[i]!.at))).toBeGreaterThanOrEqual(Date.parse(String(steps[i - 1]!.at)));
      }
      expect(steps.at(-1)!.to_step).toBe(c.step);
      expect(c.version).toBe(
        1 +
          timeline.filter((e) => String(e.kind).startsWith('action:') || e.kind === 'transfer_requested')
            .length,
      );
    }
  });

  test('due dates are stepDeadline’s for the step and when it began; about a third of the open cases overdue', () => {
    let open = 0;
    let overdue = 0;
    for (const c of cases) {
      if (c.step === 'closed') {
        expect(c.due_at).toBeNull();
        expect(c.closed_at).not.toBeNull();
        continue;
      }
      open += 1;
      if (c.due_at !== null && Date.parse(String(c.due_at)) < NOW) overdue += 1;
      if (c.step === 'received' || c.step === 'emergency' || c.step === 'awaiting_approval') {
        const d = stepDeadline({
          step: c.step,
          receivedAt: new Date(String(c.received_at)),
          now: new Date(String(c.step_changed_at)),
        });
        expect(c.due_at).toBe(d.dueAt!.toISOString());
        expect(c.due_kind).toBe(d.dueKind);
      }
      if (c.step === 'assessing' || c.step === 'planning') expect(c.due_at).toBe(c.plan_due_at);
    }
    expect(overdue / open).toBeGreaterThan(0.2);
    expect(overdue / open).toBeLessThan(0.5);
  });

  test('an inbox case has no worker; every other case has the commune’s worker', () => {
    const members = new Set(rows.flatMap((r) => r.members).map((m) => m.case_id));
    for (const c of cases) expect(members.has(c.id)).toBe(c.step !== 'received');
  });
});

// COPY FROM STDIN through pg-copy-streams needs a native PostgreSQL connection; PGlite has no wire protocol.
const onPostgres = testTarget() === 'postgres';

describe.skipIf(!onPostgres)('case scale writer (native PostgreSQL only: it writes through COPY)', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `treem_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let client: pg.Client;
  let first: CaseScaleReport;

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
    await writeRegisterScale({
      databaseUrl: url,
      provinceCode: '01',
      children: 2_000,
      communes: 3,
      villagesPerCommune: [2, 2],
      today: '2026-11-25',
    });
    first = await writeCaseScale({
      databaseUrl: url,
      provinceCode: '01',
      cases: 300,
      events: 2_500,
      communes: 3,
      now: new Date(NOW),
    });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const count = async (query: string) => Number((await client.query<{ n: string }>(query)).rows[0]!.n);

  test('writes the cases, their timeline and a worker and a leader per commune', async () => {
    expect(first.cases).toBe(300);
    expect(first.usersCreated).toBe(6);
    expect(await count('select count(*) as n from protection_case')).toBe(300);
    expect(await count('select count(*) as n from case_event')).toBe(first.events);
    expect(Math.abs(first.events - 2_500)).toBeLessThan(250);
    expect(await count('select count(*) as n from case_member')).toBe(first.members);
    expect(
      await count(`select count(*) as n from protection_case c join person p
        on p.province_code = c.province_code and p.id = c.person_id
        where not p.org_path <@ c.org_path`),
    ).toBe(0);
    expect(
      await count(`select count(*) as n from app_user u join user_scope s on s.user_id = u.id
        where u.username like 'bench.case.%' and u.role in ('commune_worker', 'commune_leader')`),
    ).toBe(6);
  });

  test('continues the case numbers: the counter holds the last number of each year', async () => {
    const counters = await client.query<{ year: number; last_number: number }>(
      'select year, last_number from protection_case_counter order by year',
    );
    for (const { year, last_number } of counters.rows) {
      expect(
        await count(`select max(substring(case_number from 9)::int) as n from protection_case
          where case_number like 'BV-${year}-%'`),
      ).toBe(last_number);
    }
  });

  test('a second run keeps the communes that have cases and writes nothing', async () => {
    const again = await writeCaseScale({
      databaseUrl: url,
      provinceCode: '01',
      cases: 300,
      events: 2_500,
      communes: 3,
      now: new Date(NOW),
    });
    expect(again.cases).toBe(0);
    expect(again.usersCreated).toBe(0);
    expect(again.communesKept).toBe(3);
    expect(await count('select count(*) as n from protection_case')).toBe(300);
  });
});
