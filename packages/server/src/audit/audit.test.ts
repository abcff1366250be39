import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../testing/testDatabase.ts';
import { appendAudit, systemActor, verifyAuditChain, writeAudit } from './audit.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 5; i += 1) {
    await database.db.transaction().execute((trx) =>
      writeAudit(trx, systemActor('test'), {
        action: 'user.updated',
        entityType: 'thing',
        entityId: String(i),
        before: { b: 1, a: [1, { z: 'Hằng', y: null }] },
        after: { n: i, when: new Date('2026-01-01T00:00:00Z') },
        reason: 'kiểm tra',
      }),
    );
  }
});
afterAll(() => database.close());

test('an untouched chain verifies', async () => {
  expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
});

test('an event rolled back with its transaction leaves no trace in the chain', async () => {
  await expect(
    database.db.transaction().execute(async (trx) => {
      await writeAudit(trx, systemActor('test'), { action: 'user.disabled', entityType: 'thing' });
      throw new Error('change failed');
    }),
  ).rejects.toThrow('change failed');
  expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
});

test('editing one row is detected at that row', async () => {
  await sql`update audit_event set after = '{"n": 99}'::jsonb where seq = 3`.execute(database.db);
  expect(await verifyAuditChain(database.db)).toMatchObject({
    ok: false,
    brokenAt: 3,
    problem: 'hash_mismatch',
    checked: 2,
  });
});

test('deleting a row is detected as a gap', async () => {
  const fresh = await createTestDatabase();
  try {
    for (let i = 0; i < 3; i += 1) {
      await fresh.db
        .transaction()
        .execute((trx) => writeAudit(trx, systemActor('t'), { action: 'user.updated', entityType: 'e' }));
    }
    await sql`delete from audit_event where seq = 2`.execute(fresh.db);
    expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: false, brokenAt: 2, problem: 'gap' });
  } finally {
    await fresh.close();
  }
});

test('reads appended at the same moment each get their own event, committed before they answer, in one chain', async () => {
  const fresh = await createTestDatabase();
  try {
    const count = async () =>
      Number(
        (
          await fresh.db
            .selectFrom('audit_event')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    await fresh.db
      .transaction()
      .execute((trx) => writeAudit(trx, systemActor('t'), { action: 'user.updated', entityType: 'e' }));
    const reads = Array.from({ length: 25 }, async (_, i) => {
      await appendAudit(fresh.db, systemActor(`reader ${i}`), {
        action: 'case.listed',
        entityType: 'protection_case',
        after: { view: 'inbox', caseIds: [String(i)] },
      });
      // Answered only once its own event is stored.
      const mine = await fresh.db
        .selectFrom('audit_event')
        .select('seq')
        .where('actor_username', '=', `reader ${i}`)
        .execute();
      expect(mine).toHaveLength(1);
    });
    await Promise.all(reads);
    expect(await count()).toBe(26);
    expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: 26 });
  } finally {
    await fresh.close();
  }
});

test('an appended event that cannot be stored fails its own read only', async () => {
  const fresh = await createTestDatabase();
  try {
    const good = appendAudit(fresh.db, systemActor('good'), { action: 'case.listed', entityType: 'x' });
    const bad = appendAudit(fresh.db, systemActor('bad'), {
      action: 'case.listed',
      entityType: 'x',
      after: { count: 1n },
    });
    await expect(bad).rejects.toThrow();
    await good;
    expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: 1 });
  } finally {
    await fresh.close();
  }
});
