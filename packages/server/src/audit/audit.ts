import { createHash } from 'node:crypto';
import type { AuditAction } from '@treem/shared';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { canonicalJson } from './canonicalJson.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Who is acting, for the audit trail. System jobs (seeding, CLI) act without a user. */
export interface Actor {
  userId: string | null;
  username: string | null;
  requestId: string | null;
  ip: string | null;
}

export const systemActor = (name = 'system'): Actor => ({
  userId: null,
  username: name,
  requestId: null,
  ip: null,
});

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

interface HashedFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgPath: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
}

export function hashAuditRow(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends one audit event inside the caller's transaction. The advisory lock makes appends strictly sequential, so
 * every row's `prev_hash` is the hash of the row before it.
 */
export async function writeAudit(trx: Transaction<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  await writeAuditEvents(trx, [{ actor, entry }]);
}

/** Appends events in order under one lock, one read of the chain's end and one insert. */
async function writeAuditEvents(
  trx: Transaction<DB>,
  events: readonly { actor: Actor; entry: AuditEntry }[],
): Promise<void> {
  await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
  const last = await trx
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map(({ actor, entry }) => {
    seq += 1;
    const fields: HashedFields = {
      seq,
      at: new Date().toISOString(),
      actorId: actor.userId,
      actorUsername: actor.username,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      orgPath: entry.orgPath ?? null,
      before: normaliseJson(entry.before),
      after: normaliseJson(entry.after),
      reason: entry.reason ?? null,
      requestId: actor.requestId,
      ip: actor.ip,
    };
    const hash = hashAuditRow(prevHash, fields);
    const row = {
      seq: fields.seq,
      at: fields.at,
      actor_id: fields.actorId,
      actor_username: fields.actorUsername,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      org_path: fields.orgPath,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      reason: fields.reason,
      request_id: fields.requestId,
      ip: fields.ip,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await trx.insertInto('audit_event').values(rows).execute();
}

interface PendingAudit {
  actor: Actor;
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Events waiting for the next commit, per database (one server process has one). */
const auditQueues = new WeakMap<Kysely<DB>, { pending: PendingAudit[]; flushing: boolean }>();

/** At most this many events in one commit. */
const AUDIT_BATCH = 100;

/**
 * Appends one audit event in a transaction of its own, for a read that changes nothing (a list shown): the promise
 * resolves once the event is committed, so the read still answers only after its event is stored. Events that
 * reads of this process append while a commit is under way wait for it and go together in the next one — one
 * lock, one read of the chain's end, one insert, one WAL flush for all of them. Appended one by one, each list read
 * held the global lock over three round trips and a WAL flush, and under 10 concurrent requests 7 of 8 busy
 * database connections waited on it (bench/README.md, "case-lists").
 *
 * Not for a caller inside a transaction: it would wait for a commit that may need the lock or the connection the
 * caller holds. A change's event belongs in the change's transaction (`writeAudit`).
 */
export async function appendAudit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  let queue = auditQueues.get(db);
  if (!queue) {
    queue = { pending: [], flushing: false };
    auditQueues.set(db, queue);
  }
  const waiting = queue;
  // Normalised here, so that an entry that cannot be stored fails its own read, not the others of its batch.
  const normalised = { ...entry, before: normaliseJson(entry.before), after: normaliseJson(entry.after) };
  await new Promise<void>((resolve, reject) => {
    waiting.pending.push({ actor, entry: normalised, resolve, reject });
    if (!waiting.flushing) void flushAudit(db, waiting);
  });
}

async function flushAudit(db: Kysely<DB>, queue: { pending: PendingAudit[]; flushing: boolean }) {
  queue.flushing = true;
  try {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, AUDIT_BATCH);
      try {
        await db.transaction().execute((trx) => writeAuditEvents(trx, batch));
        for (const event of batch) event.resolve();
      } catch (error) {
        for (const event of batch) event.reject(error);
      }
    }
  } finally {
    queue.flushing = false;
  }
}

/** Round-trips through canonical JSON so what is hashed is exactly what jsonb will give back. */
function normaliseJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(canonicalJson(value));
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };

/** Walks the chain in order and reports the first row whose link or content does not match. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenAt: expectedSeq, problem: 'gap' };
      if (row.prev_hash !== prevHash)
        return { ok: false, checked, brokenAt: seq, problem: 'prev_hash_mismatch' };
      const recomputed = hashAuditRow(prevHash, {
        seq,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorUsername: row.actor_username,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        orgPath: row.org_path,
        before: row.before ?? null,
        after: row.after ?? null,
        reason: row.reason,
        requestId: row.request_id,
        ip: row.ip,
      });
      if (recomputed !== row.hash) return { ok: false, checked, brokenAt: seq, problem: 'hash_mismatch' };
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked += 1;
    }
  }
}
