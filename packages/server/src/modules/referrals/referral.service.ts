import {
  AppError,
  caseDeadlineDue,
  newId,
  type AuditAction,
  type Referral,
  type ReferralInput,
  type ReferralListQuery,
  type ReferralRecordedAnswer,
  type ReferralStatus,
} from '@treem/shared';
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope } from '../access/scope.ts';
import { getVisibleCase, type VisibleCase } from '../cases/caseAccess.ts';
import { communeOfVillage } from '../cases/intake.service.ts';
import { deadlineRulesFor } from '../cases/caseSettings.ts';
import { getPersonRow } from '../register/person.repo.ts';
import { providerVisible } from '../providers/provider.repo.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The referral joined with what its reader sees: the case number, the child's name, the provider. */
function referralQuery(db: Executor) {
  return db
    .selectFrom('referral as r')
    .leftJoin('protection_case as c', (join) =>
      join.onRef('c.province_code', '=', 'r.province_code').onRef('c.id', '=', 'r.case_id'),
    )
    .leftJoin('person as p', (join) =>
      join
        .onRef('p.province_code', '=', 'r.province_code')
        .on('p.id', '=', sql<string>`coalesce(c.person_id, r.person_id)`),
    )
    .innerJoin('service_provider as sp', (join) =>
      join.onRef('sp.province_code', '=', 'r.province_code').onRef('sp.id', '=', 'r.provider_id'),
    )
    .innerJoin('app_user as sender', 'sender.id', 'r.sent_by')
    .leftJoin('app_user as responder', 'responder.id', 'r.responded_by')
    .selectAll('r')
    .select([
      'c.case_number',
      'sp.name as provider_name',
      'sp.phone as provider_phone',
      'sender.full_name as sent_by_name',
      'responder.full_name as responded_by_name',
    ])
    .select(sql<string>`coalesce(p.full_name, c.child_name, '')`.as('child_name'))
    .select(sql<string | null>`coalesce(c.person_id, r.person_id)`.as('child_id'))
    .select(
      sql<boolean>`exists (select 1 from service_provider_member m where m.province_code = r.province_code
        and m.provider_id = r.provider_id)`.as('provider_has_account'),
    );
}

type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>>;

function toReferral(r: ReferralRow, now = new Date()): Referral {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    personId: r.child_id,
    childName: r.child_name,
    provider: {
      id: r.provider_id,
      name: r.provider_name,
      hasAccount: r.provider_has_account,
      phone: r.provider_phone,
    },
    serviceCode: r.service_code,
    reason: r.reason,
    urgency: r.urgency,
    consentNoted: r.consent_noted,
    consentNote: r.consent_note,
    status: r.status,
    sentAt: iso(r.sent_at)!,
    sentByName: r.sent_by_name,
    responseDueAt: iso(r.response_due_at)!,
    awaitingOverdue: r.status === 'sent' && new Date(r.response_due_at).getTime() < now.getTime(),
    respondedAt: iso(r.responded_at),
    respondedByName: r.responded_by_name,
    responseNote: r.response_note,
    completedAt: iso(r.completed_at),
    outcome: r.outcome,
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
  };
}

async function loadReferral(db: Executor, provinceCode: string, id: string): Promise<Referral> {
  const row = await referralQuery(db)
    .where('r.province_code', '=', provinceCode)
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
  return toReferral(row);
}

async function caseEvent(
  trx: Executor,
  ctx: Operator,
  visible: { provinceCode: string; caseId: string },
  kind: string,
  data: object,
) {
  await trx
    .insertInto('case_event')
    .values({
      province_code: visible.provinceCode,
      id: newId(),
      case_id: visible.caseId,
      actor_id: ctx.userId,
      kind,
      data: JSON.stringify(data),
    })
    .execute();
}

function assertCaseWorker(visible: VisibleCase): void {
  if (visible.relation !== 'worker') throw new AppError('CASE_ACTOR_NOT_ALLOWED');
}

/** An active provider the caller can see that offers the service asked for (404 or 400 otherwise). */
async function offeringProvider(
  trx: Executor,
  ctx: Operator,
  provinceCode: string,
  input: { providerId: string; serviceCode: string },
): Promise<string> {
  const provider = await trx
    .selectFrom('service_provider as p')
    .select(['p.id', 'p.services', 'p.active'])
    .where('p.province_code', '=', provinceCode)
    .where('p.id', '=', input.providerId)
    .where(providerVisible(ctx.scope))
    .executeTakeFirst();
  if (!provider || !provider.active) throw new AppError('NOT_FOUND');
  if (!provider.services.includes(input.serviceCode))
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'body.serviceCode',
        code: 'service_not_offered',
        message: 'the provider does not offer this service',
      },
    ]);
  return provider.id;
}

/**
 * Refers the child of a case to a provider the worker can see, for a service the provider offers. The provider's
 * answer is due within the province's referral response time (`referral_response`, working days).
 */
export async function referFromCase(
  ctx: Operator,
  caseId: string,
  input: z.output<typeof ReferralInput>,
): Promise<Referral> {
  return inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, caseId);
    assertCaseWorker(visible);
    const { row } = visible;
    if (row.step === 'closed') throw new AppError('CASE_STEP_CONFLICT', { step: row.step });
    const providerId = await offeringProvider(trx, ctx, row.province_code, input);
    const now = new Date();
    const id = newId();
    const rules = await deadlineRulesFor(trx, row.province_code);
    await trx
      .insertInto('referral')
      .values({
        province_code: row.province_code,
        id,
        case_id: row.id,
        person_id: null,
        org_path: row.org_path,
        provider_id: providerId,
        service_code: input.serviceCode,
        reason: input.reason,
        urgency: input.urgency,
        consent_noted: input.consentNoted,
        consent_note: input.consentNote ?? null,
        sent_at: now,
        sent_by: ctx.scope.userId,
        response_due_at: caseDeadlineDue(rules.catalogue.referral_response, now, rules.calendar),
      })
      .execute();
    await caseEvent(trx, ctx, { provinceCode: row.province_code, caseId: row.id }, 'referral_sent', {
      referralId: id,
      providerId,
      serviceCode: input.serviceCode,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'referral.sent',
      entityType: 'referral',
      entityId: id,
      orgPath: row.org_path,
      after: { caseId: row.id, providerId, serviceCode: input.serviceCode },
    });
    return loadReferral(trx, row.province_code, id);
  });
}

/** The referrals of a case, for anyone who may read the case (the read is audited like the case's). */
export async function referralsOfCase(ctx: Operator, caseId: string): Promise<{ items: Referral[] }> {
  return inTransaction(ctx.db, async (trx) => {
    const { row, relation } = await getVisibleCase(trx, ctx.scope, caseId);
    const rows = await referralQuery(trx)
      .where('r.province_code', '=', row.province_code)
      .where('r.case_id', '=', row.id)
      .orderBy('r.sent_at')
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'case.read',
      entityType: 'protection_case',
      entityId: row.id,
      orgPath: row.org_path,
      after: { relation, part: 'referrals' },
    });
    const now = new Date();
    return { items: rows.map((r) => toReferral(r, now)) };
  });
}

/**
 * Who follows a referral up: a case's referral, the case's workers; an early-childhood referral, whoever sent it.
 */
export function followsUp(userId: string) {
  return sql<SqlBool>`(exists (select 1 from case_member m where m.province_code = r.province_code
      and m.case_id = r.case_id and m.user_id = ${userId} and m.removed_at is null)
    or (r.case_id is null and r.sent_by = ${userId}))`;
}

type ListQuery = z.output<typeof ReferralListQuery>;

async function listReferrals(
  ctx: Operator,
  who: 'outgoing' | 'incoming',
  query: ListQuery,
): Promise<{ items: Referral[]; total: number; page: number; pageSize: number }> {
  const me = ctx.scope.userId;
  let q = referralQuery(ctx.db).select(sql<string>`count(*) over ()`.as('total'));
  q =
    who === 'outgoing'
      ? q.where(followsUp(me))
      : q.where(
          sql<SqlBool>`exists (select 1 from service_provider_member m where m.province_code = r.province_code
            and m.provider_id = r.provider_id and m.user_id = ${me})`,
        );
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.overdue === 'true')
    q = q.where('r.status', '=', 'sent').where('r.response_due_at', '<', new Date());
  const rows = await q
    .orderBy('r.sent_at', 'desc')
    .orderBy('r.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const now = new Date();
  const items = rows.map((r) => toReferral(r, now));
  if (items.length > 0) {
    await inTransaction(ctx.db, (trx) =>
      writeAudit(trx, ctx.actor, {
        action: 'case.listed',
        entityType: 'protection_case',
        after: {
          view: `referrals_${who}`,
          caseIds: [...new Set(items.flatMap((i) => (i.caseId ? [i.caseId] : [])))],
          referralIds: items.map((i) => i.id),
        },
      }),
    );
  }
  return { items, total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

export const outgoingReferrals = (ctx: Operator, query: ListQuery) => listReferrals(ctx, 'outgoing', query);
export const incomingReferrals = (ctx: Operator, query: ListQuery) => listReferrals(ctx, 'incoming', query);

interface Change {
  status: ReferralStatus;
  from: readonly ReferralStatus[];
  audit: AuditAction;
  set: Partial<{
    responded_at: Date;
    responded_by: string | null;
    response_note: string | null;
    completed_at: Date;
    outcome: string;
    recorded_by: string;
    cancelled_at: Date;
    cancel_reason: string;
  }>;
}

/** Moves a referral to its next status, from the statuses that allow it (REFERRAL_STATE_CONFLICT otherwise). */
async function changeReferral(
  ctx: Operator,
  id: string,
  as: 'provider' | 'worker',
  change: (current: ReferralRow) => Change,
): Promise<Referral> {
  return inTransaction(ctx.db, async (trx) => {
    const me = ctx.scope.userId;
    let q = referralQuery(trx).where('r.id', '=', id);
    q =
      as === 'provider'
        ? q.where(
            sql<SqlBool>`exists (select 1 from service_provider_member m where m.province_code = r.province_code
              and m.provider_id = r.provider_id and m.user_id = ${me})`,
          )
        : q.where(followsUp(me));
    const current = await q.executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND');
    await trx
      .selectFrom('referral')
      .select('id')
      .where('province_code', '=', current.province_code)
      .where('id', '=', id)
      .forUpdate()
      .execute();
    const next = change(current);
    if (!next.from.includes(current.status))
      throw new AppError('REFERRAL_STATE_CONFLICT', { status: current.status });
    await trx
      .updateTable('referral')
      .set({ ...next.set, status: next.status, updated_at: new Date() })
      .where('province_code', '=', current.province_code)
      .where('id', '=', id)
      .execute();
    if (current.case_id)
      await caseEvent(
        trx,
        ctx,
        { provinceCode: current.province_code, caseId: current.case_id },
        `referral_${next.status}`,
        {
          referralId: id,
          ...(next.set.response_note ? { note: next.set.response_note } : {}),
          ...(next.set.outcome ? { outcome: next.set.outcome } : {}),
        },
      );
    await writeAudit(trx, ctx.actor, {
      action: next.audit,
      entityType: 'referral',
      entityId: id,
      orgPath: current.org_path,
      before: { status: current.status },
      after: { status: next.status },
    });
    return loadReferral(trx, current.province_code, id);
  });
}

export const acceptReferral = (ctx: Operator, id: string, note: string | null) =>
  changeReferral(ctx, id, 'provider', () => ({
    status: 'accepted',
    from: ['sent'],
    audit: 'referral.accepted',
    set: { responded_at: new Date(), responded_by: ctx.scope.userId, response_note: note },
  }));

export const declineReferral = (ctx: Operator, id: string, note: string) =>
  changeReferral(ctx, id, 'provider', () => ({
    status: 'declined',
    from: ['sent'],
    audit: 'referral.declined',
    set: { responded_at: new Date(), responded_by: ctx.scope.userId, response_note: note },
  }));

export const completeReferral = (ctx: Operator, id: string, outcome: string) =>
  changeReferral(ctx, id, 'provider', () => ({
    status: 'completed',
    from: ['accepted'],
    audit: 'referral.completed',
    set: { completed_at: new Date(), outcome, recorded_by: ctx.scope.userId },
  }));

/** The worker records what a provider without an account answered (by phone, on the reply slip). */
export const recordReferralAnswer = (
  ctx: Operator,
  id: string,
  answer: z.output<typeof ReferralRecordedAnswer>,
) =>
  changeReferral(ctx, id, 'worker', (current) => {
    const answeredAt = new Date(`${answer.answeredOn}T12:00:00+07:00`);
    const responded = current.responded_at
      ? {}
      : { responded_at: answeredAt, responded_by: null, response_note: answer.note ?? null };
    switch (answer.status) {
      case 'accepted':
      case 'declined':
        return { status: answer.status, from: ['sent'], audit: 'referral.answer_recorded', set: responded };
      case 'completed':
        return {
          status: 'completed',
          from: ['sent', 'accepted'],
          audit: 'referral.answer_recorded',
          set: {
            ...responded,
            completed_at: answeredAt,
            outcome: answer.outcome!,
            recorded_by: ctx.scope.userId,
          },
        };
    }
  });

export const cancelReferral = (ctx: Operator, id: string, reason: string) =>
  changeReferral(ctx, id, 'worker', () => ({
    status: 'cancelled',
    from: ['sent', 'accepted'],
    audit: 'referral.cancelled',
    set: { cancelled_at: new Date(), cancel_reason: reason },
  }));

/**
 * Refers a young child for a service they need, outside any protection case: a health check after a screening, a
 * nutrition programme, a preschool place. The sender follows it up; the child's early-childhood readers see it.
 */
export async function referForChild(
  ctx: Operator,
  personId: string,
  input: z.output<typeof ReferralInput>,
): Promise<Referral> {
  return inTransaction(ctx.db, async (trx) => {
    const person = await trx
      .selectFrom('person')
      .select(['province_code', 'id', 'village_id', 'status'])
      .where('id', '=', personId)
      .where('status', '<>', 'merged')
      .where(withinScope('org_path', ctx.scope))
      .executeTakeFirst();
    if (!person) throw new AppError('NOT_FOUND');
    if (person.status !== 'active') throw new AppError('RECORD_NOT_ACTIVE', { status: person.status });
    const commune = await communeOfVillage(trx, person.village_id);
    const providerId = await offeringProvider(trx, ctx, person.province_code, input);
    const now = new Date();
    const id = newId();
    const rules = await deadlineRulesFor(trx, person.province_code);
    await trx
      .insertInto('referral')
      .values({
        province_code: person.province_code,
        id,
        case_id: null,
        person_id: person.id,
        org_path: commune.path,
        provider_id: providerId,
        service_code: input.serviceCode,
        reason: input.reason,
        urgency: input.urgency,
        consent_noted: input.consentNoted,
        consent_note: input.consentNote ?? null,
        sent_at: now,
        sent_by: ctx.scope.userId,
        response_due_at: caseDeadlineDue(rules.catalogue.referral_response, now, rules.calendar),
      })
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'referral.sent',
      entityType: 'referral',
      entityId: id,
      orgPath: commune.path,
      after: { personId: person.id, providerId, serviceCode: input.serviceCode },
    });
    return loadReferral(trx, person.province_code, id);
  });
}

/** A child's early-childhood referrals, for anyone who reads the child's early-childhood records. */
export async function referralsOfChild(ctx: Operator, personId: string): Promise<{ items: Referral[] }> {
  const person = await getPersonRow(ctx.db, ctx.scope, personId);
  const rows = await referralQuery(ctx.db)
    .where('r.province_code', '=', person.province_code)
    .where('r.person_id', '=', person.id)
    .orderBy('r.sent_at', 'desc')
    .execute();
  const now = new Date();
  return { items: rows.map((r) => toReferral(r, now)) };
}
