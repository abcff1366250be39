import {
  addYears,
  AppError,
  todayInVietnam,
  type HistoryEntry,
  type PersonDetail,
  type PersonMergeInput,
} from '@treem/shared';
import { sql } from 'kysely';
import { systemActor, writeAudit } from '../../audit/audit.ts';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import type { Scope } from '../access/scope.ts';
import { moveEcdRecords } from '../ecd/registerChanges.ts';
import { getPersonDetail, getPersonRow, type PersonRow } from './person.repo.ts';

/** Fields the kept record takes from the merged one when it has no value of its own. */
const fillable = [
  'personal_id',
  'birth_registered',
  'birth_registration_date',
  'birth_registration_place',
  'disability_type',
  'disability_level',
  'school_name',
  'school_level',
  'has_health_insurance',
  'health_insurance_number',
  'living_arrangement',
  'mother_id',
  'father_id',
  'caregiver_id',
  'phone',
  'household_id',
  'relationship_to_head',
] as const satisfies readonly (keyof PersonRow)[];

/**
 * Merges two records of one person: the kept record takes what only the other knew, inherits its dated history
 * (circumstances, flags, moves) and every link pointing at it; the other stays, marked `merged` with a pointer
 * and a snapshot, so nothing is lost and the merge can be traced. Never automatic: a worker decides.
 */
export async function mergePersons(ctx: Operator, input: PersonMergeInput): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    if (input.keepId === input.mergeId) throw new AppError('MERGE_NOT_ALLOWED', { reason: 'same_record' });
    const kept = await getPersonRow(trx, ctx.scope, input.keepId, { forUpdate: true });
    const merged = await getPersonRow(trx, ctx.scope, input.mergeId, { forUpdate: true });
    if (kept.status === 'merged' || merged.status === 'merged')
      throw new AppError('MERGE_NOT_ALLOWED', { reason: 'already_merged' });
    if (kept.province_code !== merged.province_code)
      throw new AppError('MERGE_NOT_ALLOWED', { reason: 'other_province' });
    if (kept.personal_id && merged.personal_id && kept.personal_id !== merged.personal_id)
      throw new AppError('MERGE_NOT_ALLOWED', { reason: 'different_personal_ids' });
    const province = kept.province_code;
    const historyOf = (table: 'circumstance_assignment' | 'at_risk_flag' | 'person_move') =>
      trx
        .selectFrom(table)
        .selectAll()
        .where('province_code', '=', province)
        .where('person_id', '=', merged.id)
        .execute();
    const circumstances = await historyOf('circumstance_assignment');
    const flags = await historyOf('at_risk_flag');
    const moves = await historyOf('person_move');
    await trx
      .insertInto('person_merge')
      .values({
        province_code: province,
        id: crypto.randomUUID(),
        kept_id: kept.id,
        merged_id: merged.id,
        snapshot: JSON.stringify({ person: merged, keptBefore: kept, circumstances, flags, moves }),
        reason: input.reason,
        merged_by: ctx.userId,
      })
      .execute();

    const filled = Object.fromEntries(
      fillable.filter((field) => kept[field] === null && merged[field] !== null).map((f) => [f, merged[f]]),
    );
    // The merged record's ID moves to the kept one; the merged keeps none (an ID is one person's).
    await trx
      .updateTable('person')
      .set({ status: 'merged', merged_into_id: kept.id, personal_id: null, updated_at: new Date() })
      .where('province_code', '=', province)
      .where('id', '=', merged.id)
      .execute();
    if (Object.keys(filled).length > 0) {
      await trx
        .updateTable('person')
        .set({ ...filled, updated_at: new Date() })
        .where('province_code', '=', province)
        .where('id', '=', kept.id)
        .execute();
    }
    for (const table of ['circumstance_assignment', 'at_risk_flag'] as const) {
      await trx
        .updateTable(table)
        .set({ person_id: kept.id, org_path: kept.org_path })
        .where('province_code', '=', province)
        .where('person_id', '=', merged.id)
        .execute();
    }
    await trx
      .updateTable('person_move')
      .set({ person_id: kept.id })
      .where('province_code', '=', province)
      .where('person_id', '=', merged.id)
      .execute();
    // Two open assignments of the same group/flag after the merge: keep the earlier start, close the later one.
    await sql`
      update circumstance_assignment later set valid_to = later.valid_from, end_reason = 'Gộp hồ sơ trùng'
      from circumstance_assignment earlier
      where later.province_code = ${province} and later.person_id = ${kept.id} and later.valid_to is null
        and earlier.province_code = later.province_code and earlier.person_id = later.person_id
        and earlier.group_code = later.group_code and earlier.valid_to is null
        and (earlier.valid_from, earlier.id) < (later.valid_from, later.id)`.execute(trx);
    await sql`
      update at_risk_flag later set valid_to = later.valid_from, end_reason = 'Gộp hồ sơ trùng'
      from at_risk_flag earlier
      where later.province_code = ${province} and later.person_id = ${kept.id} and later.valid_to is null
        and earlier.province_code = later.province_code and earlier.person_id = later.person_id
        and earlier.flag_code = later.flag_code and earlier.valid_to is null
        and (earlier.valid_from, earlier.id) < (later.valid_from, later.id)`.execute(trx);
    for (const link of ['mother_id', 'father_id', 'caregiver_id'] as const) {
      await trx
        .updateTable('person')
        .set({ [link]: kept.id })
        .where('province_code', '=', province)
        .where(link, '=', merged.id)
        .execute();
    }
    await trx
      .updateTable('household')
      .set({ head_person_id: kept.id })
      .where('province_code', '=', province)
      .where('head_person_id', '=', merged.id)
      .execute();
    await moveEcdRecords(trx, merged, { ...kept, ...filled });
    await writeAudit(trx, ctx.actor, {
      action: 'register.persons_merged',
      entityType: 'person',
      entityId: kept.id,
      orgPath: kept.org_path,
      before: { keptId: kept.id, mergedId: merged.id, mergedName: merged.full_name },
      after: { filled: Object.keys(filled), circumstances: circumstances.length, flags: flags.length },
      reason: input.reason,
    });
    return getPersonDetail(trx, ctx.scope, kept.id);
  });
}

const historyKinds: Record<string, string> = {
  'register.person_created': 'created',
  'register.person_updated': 'updated',
  'register.person_moved': 'moved',
  'register.person_moved_out': 'moved_out',
  'register.person_died': 'death',
  'register.person_archived': 'archived',
  'register.persons_merged': 'merged',
  'register.duplicate_dismissed': 'duplicate_dismissed',
  'register.circumstance_assigned': 'circumstance_assigned',
  'register.circumstance_ended': 'circumstance_ended',
  'register.flag_assigned': 'flag_assigned',
  'register.flag_ended': 'flag_ended',
  'register.household_moved': 'household_moved',
};

/**
 * A record's history, oldest first: its audit trail, that of any record merged into it, and its household's moves.
 * Imported records start with the import's event (one per file, not per row).
 */
export async function personHistory(db: Executor, scope: Scope, id: string): Promise<HistoryEntry[]> {
  const person = await getPersonRow(db, scope, id);
  const mergedIds = await db
    .selectFrom('person')
    .select('id')
    .where('province_code', '=', person.province_code)
    .where('merged_into_id', '=', id)
    .execute();
  const personIds = [id, ...mergedIds.map((m) => m.id)];
  const events = await db
    .selectFrom('audit_event')
    .select(['at', 'action', 'actor_username', 'after', 'before', 'reason', 'entity_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'person'), eb('entity_id', 'in', personIds)]),
        ...(person.household_id
          ? [
              eb.and([
                eb('entity_type', '=', 'household'),
                eb('entity_id', '=', person.household_id),
                eb('action', '=', 'register.household_moved'),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('seq')
    .execute();
  const entries: HistoryEntry[] = events.map((e) => ({
    at: new Date(e.at).toISOString(),
    kind: historyKinds[e.action] ?? e.action,
    actorUsername: e.actor_username,
    summary: {
      ...(e.entity_id !== id ? { fromMergedRecord: e.entity_id } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.before && typeof e.before === 'object' ? { before: e.before } : {}),
      ...(e.after && typeof e.after === 'object' ? { after: e.after } : {}),
    },
  }));
  if (!events.some((e) => e.action === 'register.person_created')) {
    entries.unshift({
      at: new Date(person.created_at).toISOString(),
      kind: person.import_key ? 'imported' : 'created',
      actorUsername: null,
      summary: {},
    });
  }
  return entries;
}

/**
 * The register keeps children until 16, then archives them. A person is archived when they reach 16 and were
 * recorded as a child (created before their 16th birthday) — parents and other adults stay as household members.
 */
export async function archiveAgedOut(db: Executor, today = todayInVietnam()): Promise<number> {
  const limit = addYears(today, -16);
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('person')
      .set({ status: 'archived', updated_at: new Date() })
      .where('status', '=', 'active')
      .where('birth_date', '<=', limit)
      .where(
        sql<boolean>`(created_at at time zone 'Asia/Ho_Chi_Minh')::date < birth_date + interval '16 years'`,
      )
      .executeTakeFirst();
    const archived = Number(result.numUpdatedRows);
    // One event per run (the rows themselves say who: status archived, birth date on or before the limit).
    if (archived > 0) {
      await writeAudit(trx, systemActor('register-housekeeping'), {
        action: 'register.person_archived',
        entityType: 'register',
        after: { archived, bornOnOrBefore: limit, asOf: today },
      });
    }
    return archived;
  });
}

/** Archives children who turned 16, at start and every six hours; returns the function that stops it. */
export function startRegisterHousekeeping(db: Executor, onError: (error: unknown) => void): () => void {
  const run = () => archiveAgedOut(db).catch(onError);
  void run();
  const timer = setInterval(() => void run(), 6 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
