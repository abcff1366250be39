import {
  AppError,
  applyCaseAction,
  foldVietnamese,
  hasPermission,
  roles,
  type Role,
  availableCaseActions,
  newId,
  overallRisk,
  type CaseAction,
  type CaseActionRequest,
  type CaseActor,
  type CaseDetail,
  type CaseDueKind,
  type CaseNoteInput,
  type CasePlanActionUpdate,
  type CaseShareInput,
  type CaseStep,
  type CaseTransferRequest,
  type PlainDate,
} from '@treem/shared';
import { sql, type SqlBool, type Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { pathWithinScope, withinScope } from '../access/scope.ts';
import { getVisibleCase, seesReporter, type CaseRow, type VisibleCase } from './caseAccess.ts';
import { dueStateAt, stepDeadline } from './caseDeadlines.ts';
import { deadlineRulesFor } from './caseSettings.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

/** Who a case may be shared with: the roles that read cases at all. */
const shareableRoles: Role[] = roles.filter((role) => hasPermission(role, 'case.read'));

async function recordEvent(
  trx: Executor,
  ctx: Operator,
  row: CaseRow,
  kind: string,
  data: Record<string, unknown>,
  steps: { from?: CaseStep | null; to?: CaseStep | null } = {},
): Promise<void> {
  await trx
    .insertInto('case_event')
    .values({
      province_code: row.province_code,
      id: newId(),
      case_id: row.id,
      actor_id: ctx.userId,
      kind,
      from_step: steps.from ?? null,
      to_step: steps.to ?? null,
      data: JSON.stringify(data),
    })
    .execute();
}

/** The whole case for its page. Every read is audited (who read which case, when), never its content. */
export async function getCaseDetail(ctx: Operator, id: string): Promise<CaseDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id);
    await writeAudit(trx, ctx.actor, {
      action: 'case.read',
      entityType: 'protection_case',
      entityId: id,
      orgPath: visible.row.org_path,
      after: { relation: visible.relation },
    });
    return caseDetail(trx, visible);
  });
}

async function caseDetail(db: Executor, visible: VisibleCase): Promise<CaseDetail> {
  const { row, relation, actor } = visible;
  const [person, commune, transferTo, members, shares, planActions, notes, events] = await Promise.all([
    row.person_id
      ? db
          .selectFrom('person')
          .select(['full_name', 'sex', 'birth_date'])
          .where('province_code', '=', row.province_code)
          .where('id', '=', row.person_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('org_unit')
      .select(['id', 'name'])
      .where('id', '=', row.commune_id)
      .executeTakeFirstOrThrow(),
    row.transfer_to_commune_id
      ? db
          .selectFrom('org_unit')
          .select(['name'])
          .where('id', '=', row.transfer_to_commune_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('case_member as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.full_name', 'm.added_at'])
      .where('m.province_code', '=', row.province_code)
      .where('m.case_id', '=', row.id)
      .where('m.removed_at', 'is', null)
      .orderBy('m.added_at')
      .execute(),
    db
      .selectFrom('case_share as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .innerJoin('app_user as b', 'b.id', 's.shared_by')
      .select([
        's.id',
        's.user_id',
        'u.full_name',
        's.reason',
        'b.full_name as shared_by_name',
        's.shared_at',
      ])
      .select('s.expires_on')
      .where('s.province_code', '=', row.province_code)
      .where('s.case_id', '=', row.id)
      .where('s.revoked_at', 'is', null)
      .orderBy('s.shared_at')
      .execute(),
    db
      .selectFrom('case_plan_action')
      .selectAll()
      .where('province_code', '=', row.province_code)
      .where('case_id', '=', row.id)
      .where(
        'plan_number',
        '=',
        sql<number>`(select max(plan_number) from case_plan_action p where p.province_code = ${row.province_code} and p.case_id = ${row.id})`,
      )
      .orderBy('position')
      .execute(),
    db
      .selectFrom('case_note as n')
      .innerJoin('app_user as u', 'u.id', 'n.author_id')
      .select(['n.id', 'n.author_id', 'u.full_name', 'n.written_at', 'n.body', 'n.extra_confidential'])
      .where('n.province_code', '=', row.province_code)
      .where('n.case_id', '=', row.id)
      .orderBy('n.written_at')
      .execute(),
    db
      .selectFrom('case_event as e')
      .leftJoin('app_user as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'u.full_name', 'e.kind', 'e.from_step', 'e.to_step', 'e.data'])
      .where('e.province_code', '=', row.province_code)
      .where('e.case_id', '=', row.id)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute(),
  ]);
  const now = new Date();
  const dueKind = row.due_kind as CaseDueKind | null;
  return {
    id: row.id,
    caseNumber: row.case_number,
    relation,
    availableActions:
      actor && !row.transfer_to_commune_id ? availableCaseActions(row.step as CaseStep, actor) : [],
    step: row.step as CaseStep,
    urgent: row.urgent,
    riskLevel: row.risk_level,
    concernTypes: row.concern_types as CaseDetail['concernTypes'],
    extraConfidential: row.extra_confidential,
    child: {
      personId: row.person_id,
      name: person?.full_name ?? row.child_name ?? '',
      sex: person?.sex ?? row.child_sex,
      birthDate: person?.birth_date ?? null,
      birthYear: person ? Number(person.birth_date.slice(0, 4)) : row.child_birth_year,
      address: row.child_address,
    },
    commune: { id: commune.id, name: commune.name },
    intake: {
      receivedAt: iso(row.received_at),
      channel: row.channel as CaseDetail['intake']['channel'],
      source: row.source as CaseDetail['intake']['source'],
      reporter: seesReporter(relation)
        ? {
            anonymous: row.reporter_anonymous,
            name: row.reporter_name,
            phone: row.reporter_phone,
            relation: row.reporter_relation,
          }
        : null,
      description: row.description,
      occurredOn: row.occurred_on,
      occurredPlace: row.occurred_place,
    },
    due:
      row.due_at && dueKind
        ? { at: iso(row.due_at), kind: dueKind, state: dueStateAt(now, new Date(row.due_at), dueKind) }
        : null,
    planDueAt: row.plan_due_at ? iso(row.plan_due_at) : null,
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    closeReason: row.close_reason as CaseDetail['closeReason'],
    transfer:
      row.transfer_to_commune_id && row.transfer_requested_at
        ? {
            toCommuneId: row.transfer_to_commune_id,
            toCommuneName: transferTo?.name ?? '',
            requestedAt: iso(row.transfer_requested_at),
            reason: row.transfer_reason ?? '',
          }
        : null,
    version: row.version,
    members: members.map((m) => ({ userId: m.user_id, fullName: m.full_name, addedAt: iso(m.added_at) })),
    // Who else can read the case is the workers' business.
    shares:
      relation === 'worker' || relation === 'approver'
        ? shares.map((s) => ({
            id: s.id,
            userId: s.user_id,
            fullName: s.full_name,
            reason: s.reason,
            sharedByName: s.shared_by_name,
            sharedAt: iso(s.shared_at),
            expiresOn: s.expires_on,
          }))
        : [],
    planActions: planActions.map((a) => ({
      id: a.id,
      planNumber: a.plan_number,
      position: a.position,
      description: a.description,
      responsible: a.responsible,
      dueOn: a.due_on,
      serviceCode: a.service_code,
      status: a.status,
      doneOn: a.done_on,
      outcome: a.outcome,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      authorName: n.full_name,
      writtenAt: iso(n.written_at),
      extraConfidential: n.extra_confidential,
      // Extra-confidential notes (e.g. the details of sexual abuse) are for the case's workers alone.
      body: !n.extra_confidential || relation === 'worker' ? n.body : null,
    })),
    events: events.map((e) => ({
      id: e.id,
      at: iso(e.at),
      actorName: e.full_name,
      kind: e.kind,
      fromStep: e.from_step as CaseStep | null,
      toStep: e.to_step as CaseStep | null,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
  };
}

function assertNoTransfer(row: CaseRow): void {
  if (row.transfer_to_commune_id) throw new AppError('CASE_TRANSFER_PENDING');
}

function assertWorker(visible: VisibleCase): void {
  if (visible.relation !== 'worker') throw new AppError('CASE_ACTOR_NOT_ALLOWED');
}

/** A commune worker takes a new report from the inbox and becomes its worker. */
export async function takeCase(ctx: Operator, id: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id, { forUpdate: true });
    const { row } = visible;
    if (visible.relation === 'worker') return;
    const taken = await trx
      .selectFrom('case_member')
      .select('user_id')
      .where('province_code', '=', row.province_code)
      .where('case_id', '=', row.id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (taken || visible.relation !== 'inbox' || row.transfer_to_commune_id)
      throw new AppError('CASE_ALREADY_ASSIGNED');
    await addMember(trx, row, ctx.scope.userId, ctx.userId);
    await recordEvent(trx, ctx, row, 'taken', {});
    await writeAudit(trx, ctx.actor, {
      action: 'case.taken',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
    });
  });
}

async function addMember(trx: Executor, row: CaseRow, userId: string, by: string | null): Promise<void> {
  await trx
    .insertInto('case_member')
    .values({ province_code: row.province_code, case_id: row.id, user_id: userId, added_by: by })
    .onConflict((oc) =>
      oc.columns(['province_code', 'case_id', 'user_id']).doUpdateSet({ removed_at: null, added_by: by }),
    )
    .execute();
}

/** The review date the plan in force set (Mẫu 04), for the deadline of implementation. */
async function lastReviewDate(trx: Executor, row: CaseRow): Promise<PlainDate | null> {
  const event = await trx
    .selectFrom('case_event')
    .select(['kind', 'data'])
    .where('province_code', '=', row.province_code)
    .where('case_id', '=', row.id)
    .where('kind', 'in', ['action:submit_plan', 'action:review'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const data = (event?.data ?? {}) as { reviewOn?: string; nextReviewOn?: string | null };
  return data.reviewOn ?? data.nextReviewOn ?? null;
}

/** Takes the next step of the Decree 56 process; the state machine in `@treem/shared` decides what is allowed. */
export async function actOnCase(
  ctx: Operator,
  id: string,
  request: z.output<typeof CaseActionRequest>,
  as: CaseActor,
): Promise<CaseDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id, { forUpdate: true });
    const { row } = visible;
    // The worker acts through /actions, the leader through /decisions: each only as what they are on this case.
    if (visible.actor !== as) throw new AppError('CASE_ACTOR_NOT_ALLOWED');
    assertNoTransfer(row);
    const from = row.step as CaseStep;
    const action: CaseAction = request.action;
    const transition = applyCaseAction(from, action, visible.actor);
    if (!transition.ok) {
      switch (transition.error) {
        case 'CASE_ACTOR_NOT_ALLOWED':
          throw new AppError('CASE_ACTOR_NOT_ALLOWED');
        case 'CASE_STEP_CONFLICT':
          throw new AppError('CASE_STEP_CONFLICT', { step: transition.step });
        case 'VALIDATION_FAILED':
          throw new AppError(
            'VALIDATION_FAILED',
            undefined,
            transition.issues.map((i) => ({ ...i, path: `body.action.${i.path}` })),
          );
      }
    }
    if (request.version !== row.version) throw new AppError('CASE_STEP_CONFLICT', { step: from });
    const to = transition.step;
    const now = new Date();
    const updates = await stepUpdates(trx, row, action, to, now);
    await trx
      .updateTable('protection_case')
      .set({ ...updates, step: to, step_changed_at: now, version: row.version + 1, updated_at: now })
      .where('province_code', '=', row.province_code)
      .where('id', '=', row.id)
      .execute();
    const { type, ...fields } = action;
    await recordEvent(trx, ctx, row, `action:${type}`, fields, { from, to });
    await writeAudit(trx, ctx.actor, {
      action: 'case.action_taken',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      before: { step: from },
      after: { step: to, action: type },
    });
    const after = await getVisibleCase(trx, ctx.scope, id);
    return caseDetail(trx, after);
  });
}

type CaseUpdates = Partial<{
  urgent: boolean;
  risk_level: 'high' | 'medium' | 'low';
  due_at: Date | null;
  due_kind: string | null;
  plan_due_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
}>;

async function stepUpdates(
  trx: Transaction<DB>,
  row: CaseRow,
  action: CaseAction,
  to: CaseStep,
  now: Date,
): Promise<CaseUpdates> {
  // The 12-hour clock runs from the report, or from the reopening that put the case back in `received`.
  const receivedAt = new Date(action.type === 'assess_initial' ? row.step_changed_at : row.received_at);
  const planDueAt = row.plan_due_at ? new Date(row.plan_due_at) : null;
  const base = { receivedAt, now, planDueAt, rules: await deadlineRulesFor(trx, row.province_code) };
  const deadline = (extra: { reviewOn?: PlainDate | null; restartPlanPeriod?: boolean } = {}) => {
    const d = stepDeadline({ ...base, ...extra, step: to });
    return { due_at: d.dueAt, due_kind: d.dueKind, plan_due_at: d.planDueAt };
  };
  switch (action.type) {
    case 'assess_initial':
      if (!action.verified) return { ...deadline(), closed_at: now, close_reason: 'not_verified' };
      return { ...deadline(), urgent: action.urgent, risk_level: overallRisk(action.ratings!) };
    case 'record_emergency':
    case 'assess_specific':
    case 'return_plan':
      return deadline();
    case 'submit_plan': {
      const last = await trx
        .selectFrom('case_plan_action')
        .select(sql<number>`coalesce(max(plan_number), 0)`.as('n'))
        .where('province_code', '=', row.province_code)
        .where('case_id', '=', row.id)
        .executeTakeFirstOrThrow();
      const planNumber = Number(last.n) + 1;
      await trx
        .insertInto('case_plan_action')
        .values(
          action.actions.map((a, position) => ({
            province_code: row.province_code,
            id: newId(),
            case_id: row.id,
            plan_number: planNumber,
            position,
            description: a.description,
            responsible: a.responsible,
            due_on: a.dueOn,
            service_code: a.serviceCode ?? null,
          })),
        )
        .execute();
      return deadline();
    }
    case 'approve_plan':
      return deadline({ reviewOn: await lastReviewDate(trx, row) });
    case 'review':
      return {
        ...deadline({
          reviewOn: action.nextReviewOn ?? null,
          restartPlanPeriod: action.conclusion === 'replan',
        }),
        risk_level: overallRisk(action.ratings),
      };
    case 'close':
      return { ...deadline(), closed_at: now, close_reason: action.reason };
    case 'keep_open':
      return deadline({ reviewOn: await lastReviewDate(trx, row) });
    case 'reopen':
      return { ...deadline({ restartPlanPeriod: true }), closed_at: null, close_reason: null, urgent: false };
  }
}

export async function addCaseNote(
  ctx: Operator,
  id: string,
  input: z.output<typeof CaseNoteInput>,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id);
    assertWorker(visible);
    const { row } = visible;
    const noteId = newId();
    await trx
      .insertInto('case_note')
      .values({
        province_code: row.province_code,
        id: noteId,
        case_id: row.id,
        author_id: ctx.scope.userId,
        body: input.body,
        // A sexual-abuse case's notes are extra-confidential whatever the author ticked.
        extra_confidential: input.extraConfidential || row.extra_confidential,
      })
      .execute();
    await recordEvent(trx, ctx, row, 'note_added', { noteId });
    await writeAudit(trx, ctx.actor, {
      action: 'case.note_added',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      after: { noteId },
    });
  });
}

/** Shares a case, read-only, with one user of the province who can read cases; the reason is kept and audited. */
export async function shareCase(
  ctx: Operator,
  id: string,
  input: z.output<typeof CaseShareInput>,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id);
    assertWorker(visible);
    const { row } = visible;
    const target = await trx
      .selectFrom('app_user as u')
      .innerJoin('user_scope as us', 'us.user_id', 'u.id')
      .innerJoin('org_unit as o', 'o.id', 'us.org_unit_id')
      .select(['u.id', 'u.role', 'o.path'])
      .where('u.id', '=', input.userId)
      .where('u.status', '=', 'active')
      .execute();
    const provincePath = row.org_path.split('.').slice(0, 2).join('.');
    const eligible = target.some(
      (t) =>
        shareableRoles.includes(t.role as Role) &&
        (t.path === provincePath || t.path.startsWith(`${provincePath}.`)),
    );
    if (!eligible)
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'body.userId',
          code: 'user_cannot_receive_case',
          message: 'the user cannot be given this case',
        },
      ]);
    if (input.expiresOn && input.expiresOn < new Date().toISOString().slice(0, 10))
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'body.expiresOn', code: 'in_past', message: 'the date is before today' },
      ]);
    const shareId = newId();
    await trx
      .insertInto('case_share')
      .values({
        province_code: row.province_code,
        id: shareId,
        case_id: row.id,
        user_id: input.userId,
        reason: input.reason,
        shared_by: ctx.scope.userId,
        expires_on: input.expiresOn ?? null,
      })
      .execute();
    await recordEvent(trx, ctx, row, 'shared', { userId: input.userId, reason: input.reason });
    await writeAudit(trx, ctx.actor, {
      action: 'case.shared',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      after: { userId: input.userId, expiresOn: input.expiresOn ?? null },
      reason: input.reason,
    });
  });
}

export async function revokeCaseShare(ctx: Operator, id: string, shareId: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id);
    assertWorker(visible);
    const { row } = visible;
    const result = await trx
      .updateTable('case_share')
      .set({ revoked_at: new Date(), revoked_by: ctx.scope.userId })
      .where('province_code', '=', row.province_code)
      .where('case_id', '=', row.id)
      .where('id', '=', shareId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    await recordEvent(trx, ctx, row, 'share_revoked', { shareId });
    await writeAudit(trx, ctx.actor, {
      action: 'case.share_revoked',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      after: { shareId },
    });
  });
}

export async function updatePlanAction(
  ctx: Operator,
  id: string,
  actionId: string,
  input: z.output<typeof CasePlanActionUpdate>,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id);
    assertWorker(visible);
    const { row } = visible;
    if (row.step !== 'implementing') throw new AppError('CASE_STEP_CONFLICT', { step: row.step });
    const result = await trx
      .updateTable('case_plan_action')
      .set({
        status: input.status,
        done_on: input.status === 'done' ? (input.doneOn ?? null) : null,
        outcome: input.outcome ?? null,
        updated_at: new Date(),
      })
      .where('province_code', '=', row.province_code)
      .where('case_id', '=', row.id)
      .where('id', '=', actionId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    await recordEvent(trx, ctx, row, 'plan_action_updated', { actionId, ...input });
    await writeAudit(trx, ctx.actor, {
      action: 'case.plan_action_updated',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      after: { actionId, status: input.status },
    });
  });
}

/** Attaches the register record of a child first reported by name. */
export async function linkCaseChild(ctx: Operator, id: string, personId: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id, { forUpdate: true });
    assertWorker(visible);
    const { row } = visible;
    const person = await trx
      .selectFrom('person')
      .select(['id', 'province_code'])
      .where('id', '=', personId)
      .where('status', '<>', 'merged')
      .where(withinScope('org_path', ctx.scope))
      .executeTakeFirst();
    if (!person || person.province_code !== row.province_code) throw new AppError('NOT_FOUND');
    await trx
      .updateTable('protection_case')
      .set({ person_id: person.id, version: row.version + 1, updated_at: new Date() })
      .where('province_code', '=', row.province_code)
      .where('id', '=', row.id)
      .execute();
    await recordEvent(trx, ctx, row, 'child_linked', { personId });
    await writeAudit(trx, ctx.actor, {
      action: 'case.child_linked',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      after: { personId },
    });
  });
}

/** Asks another commune of the province to take over the case; the receiving commune's worker decides. */
export async function requestCaseTransfer(
  ctx: Operator,
  id: string,
  input: z.output<typeof CaseTransferRequest>,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const visible = await getVisibleCase(trx, ctx.scope, id, { forUpdate: true });
    assertWorker(visible);
    const { row } = visible;
    assertNoTransfer(row);
    if (row.step === 'closed') throw new AppError('CASE_STEP_CONFLICT', { step: row.step });
    const target = await trx
      .selectFrom('org_unit')
      .select(['id', 'province_code'])
      .where('id', '=', input.communeId)
      .where('level', '=', 'commune')
      .where('generation', '=', 'current')
      .executeTakeFirst();
    if (!target || target.province_code !== row.province_code || target.id === row.commune_id)
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'body.communeId',
          code: 'not_a_transfer_target',
          message: 'another commune of the same province is needed',
        },
      ]);
    const now = new Date();
    await trx
      .updateTable('protection_case')
      .set({
        transfer_to_commune_id: target.id,
        transfer_requested_at: now,
        transfer_requested_by: ctx.scope.userId,
        transfer_reason: input.reason,
        version: row.version + 1,
        updated_at: now,
      })
      .where('province_code', '=', row.province_code)
      .where('id', '=', row.id)
      .execute();
    await recordEvent(trx, ctx, row, 'transfer_requested', { toCommuneId: target.id, reason: input.reason });
    await writeAudit(trx, ctx.actor, {
      action: 'case.transfer_requested',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      after: { toCommuneId: target.id },
      reason: input.reason,
    });
  });
}

async function pendingTransferToCaller(ctx: Operator, trx: Executor, id: string): Promise<CaseRow> {
  const visible = await getVisibleCase(trx, ctx.scope, id, { forUpdate: true });
  const { row } = visible;
  if (!row.transfer_to_commune_id) throw new AppError('CASE_NO_TRANSFER');
  const target = await trx
    .selectFrom('org_unit')
    .select(['path'])
    .where('id', '=', row.transfer_to_commune_id)
    .executeTakeFirstOrThrow();
  if (!pathWithinScope(target.path, ctx.scope)) throw new AppError('CASE_ACTOR_NOT_ALLOWED');
  return row;
}

/**
 * The receiving commune's worker accepts: the case moves to their commune with its whole history, they become its
 * worker, and the sending commune's workers no longer see it.
 */
export async function acceptCaseTransfer(ctx: Operator, id: string, reason: string | null): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await pendingTransferToCaller(ctx, trx, id);
    const target = await trx
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('id', '=', row.transfer_to_commune_id!)
      .executeTakeFirstOrThrow();
    const now = new Date();
    await trx
      .updateTable('protection_case')
      .set({
        commune_id: target.id,
        org_path: target.path,
        transfer_to_commune_id: null,
        transfer_requested_at: null,
        transfer_requested_by: null,
        transfer_reason: null,
        version: row.version + 1,
        updated_at: now,
      })
      .where('province_code', '=', row.province_code)
      .where('id', '=', row.id)
      .execute();
    await trx
      .updateTable('case_member')
      .set({ removed_at: now })
      .where('province_code', '=', row.province_code)
      .where('case_id', '=', row.id)
      .where('removed_at', 'is', null)
      .execute();
    await addMember(trx, row, ctx.scope.userId, ctx.userId);
    await recordEvent(trx, ctx, row, 'transfer_accepted', {
      fromCommuneId: row.commune_id,
      toCommuneId: target.id,
      reason,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'case.transfer_accepted',
      entityType: 'protection_case',
      entityId: id,
      orgPath: target.path,
      before: { communeId: row.commune_id },
      after: { communeId: target.id },
    });
  });
}

export async function declineCaseTransfer(ctx: Operator, id: string, reason: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await pendingTransferToCaller(ctx, trx, id);
    await trx
      .updateTable('protection_case')
      .set({
        transfer_to_commune_id: null,
        transfer_requested_at: null,
        transfer_requested_by: null,
        transfer_reason: null,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('province_code', '=', row.province_code)
      .where('id', '=', row.id)
      .execute();
    await recordEvent(trx, ctx, row, 'transfer_declined', {
      toCommuneId: row.transfer_to_commune_id,
      reason,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'case.transfer_declined',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      reason,
    });
  });
}

const CANDIDATE_LIMIT = 20;

/** The communes of the case's province, other than its own, for the worker's transfer request. */
export async function transferTargets(
  ctx: Operator,
  id: string,
  search: string | undefined,
): Promise<{ items: { id: string; name: string; fullName: string }[] }> {
  const visible = await getVisibleCase(ctx.db, ctx.scope, id);
  assertWorker(visible);
  const { row } = visible;
  let query = ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name', 'full_name'])
    .where('level', '=', 'commune')
    .where('generation', '=', 'current')
    .where('province_code', '=', row.province_code)
    .where('id', '<>', row.commune_id);
  if (search) query = query.where('name_search', 'like', `%${foldVietnamese(search)}%`);
  const rows = await query.orderBy('name').limit(CANDIDATE_LIMIT).execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, fullName: r.full_name })) };
}

/** Users of the province who may be given the case to read (the roles with `case.read`), not yet members or sharers. */
export async function shareCandidates(
  ctx: Operator,
  id: string,
  search: string | undefined,
): Promise<{ items: { id: string; fullName: string; role: string; unitName: string }[] }> {
  const visible = await getVisibleCase(ctx.db, ctx.scope, id);
  assertWorker(visible);
  const { row } = visible;
  const provincePath = row.org_path.split('.').slice(0, 2).join('.');
  let query = ctx.db
    .selectFrom('app_user as u')
    .innerJoin('user_scope as us', 'us.user_id', 'u.id')
    .innerJoin('org_unit as o', 'o.id', 'us.org_unit_id')
    .select(['u.id', 'u.full_name', 'u.role', 'o.full_name as unit_name'])
    .where('u.status', '=', 'active')
    .where('u.role', 'in', shareableRoles)
    .where(sql<SqlBool>`o.path <@ ${provincePath}::ltree`)
    .where(
      sql<SqlBool>`not exists (select 1 from case_member m where m.province_code = ${row.province_code}
        and m.case_id = ${row.id} and m.user_id = u.id and m.removed_at is null)`,
    )
    .where(
      sql<SqlBool>`not exists (select 1 from case_share s where s.province_code = ${row.province_code}
        and s.case_id = ${row.id} and s.user_id = u.id and s.revoked_at is null)`,
    );
  if (search) query = query.where('u.full_name_search', 'like', `%${foldVietnamese(search)}%`);
  const rows = await query.orderBy('u.full_name').limit(CANDIDATE_LIMIT).execute();
  return {
    items: rows.map((r) => ({ id: r.id, fullName: r.full_name, role: r.role, unitName: r.unit_name })),
  };
}
