import {
  AppError,
  caseDeadlineDue,
  newId,
  todayInVietnam,
  type AuditAction,
  type CareDecision,
  type CarePlacement,
  type CarePlacementInput,
  type CareTermination,
  type CareVisitInput,
} from '@treem/shared';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import type { CarePlacementTable } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { caseVisibleTo, getVisibleCase, SUPERVISING_SECTORS } from '../cases/caseAccess.ts';
import { deadlineRulesFor, type DeadlineRules } from '../cases/caseSettings.ts';
import { communeOfVillage } from '../cases/intake.service.ts';
import { getPersonRow } from '../register/person.repo.ts';
import { providerVisible } from '../providers/provider.repo.ts';

type PlacementRow = Selectable<CarePlacementTable>;

/**
 * Who sees a child's alternative care: the commune's workers and leader (who decides it), the province's
 * child-protection officers, and anyone who may see the case it came from.
 */
function placementVisible(scope: Scope): RawBuilder<boolean> {
  const byRole =
    scope.role === 'commune_worker' ||
    scope.role === 'commune_leader' ||
    (scope.role === 'province_officer' &&
      scope.sector !== null &&
      SUPERVISING_SECTORS.includes(scope.sector));
  const viaCase = sql`exists (select 1 from protection_case c where c.province_code = cp.province_code
    and c.id = cp.case_id and ${caseVisibleTo(scope)})`;
  return byRole
    ? sql<boolean>`(${withinScope('cp.org_path', scope)} or ${viaCase})`
    : sql<boolean>`${viaCase}`;
}

async function toPlacements(db: Executor, rows: PlacementRow[]): Promise<CarePlacement[]> {
  if (rows.length === 0) return [];
  const provinceCode = rows[0]!.province_code;
  const ids = rows.map((r) => r.id);
  const providerIds = rows.flatMap((r) => (r.provider_id ? [r.provider_id] : []));
  const [visits, names, providers] = await Promise.all([
    db
      .selectFrom('care_visit as v')
      .innerJoin('app_user as u', 'u.id', 'v.visited_by')
      .select([
        'v.id',
        'v.placement_id',
        'v.visited_on',
        'u.full_name',
        'v.wellbeing',
        'v.findings',
        'v.next_visit_on',
      ])
      .where('v.province_code', '=', provinceCode)
      .where('v.placement_id', 'in', ids)
      .orderBy('v.visited_on')
      .execute(),
    db
      .selectFrom('person')
      .select(['id', 'full_name'])
      .where('province_code', '=', provinceCode)
      .where(
        'id',
        'in',
        rows.map((r) => r.person_id),
      )
      .execute(),
    providerIds.length === 0
      ? []
      : db
          .selectFrom('service_provider')
          .select(['id', 'name'])
          .where('province_code', '=', provinceCode)
          .where('id', 'in', providerIds)
          .execute(),
  ]);
  const now = Date.now();
  return rows.map((r) => {
    const provider = r.provider_id ? providers.find((p) => p.id === r.provider_id) : undefined;
    return {
      id: r.id,
      personId: r.person_id,
      childName: names.find((n) => n.id === r.person_id)?.full_name ?? '',
      caseId: r.case_id,
      communeId: r.commune_id,
      kind: r.kind,
      carerName: r.carer_name,
      carerRelation: r.carer_relation,
      carerAddress: r.carer_address,
      carerPhone: r.carer_phone,
      provider: provider ? { id: provider.id, name: provider.name } : null,
      status: r.status,
      proposedAt: new Date(r.proposed_at).toISOString(),
      proposalNote: r.proposal_note,
      decisionNumber: r.decision_number,
      decidedOn: r.decided_on,
      handoverDueAt: r.handover_due_at ? new Date(r.handover_due_at).toISOString() : null,
      handoverOverdue:
        r.status === 'decided' && !!r.handover_due_at && new Date(r.handover_due_at).getTime() < now,
      handedOverOn: r.handed_over_on,
      terminatedOn: r.terminated_on,
      terminationReason: r.termination_reason,
      visits: visits
        .filter((v) => v.placement_id === r.id)
        .map((v) => ({
          id: v.id,
          visitedOn: v.visited_on,
          visitedByName: v.full_name,
          wellbeing: v.wellbeing,
          findings: v.findings,
          nextVisitOn: v.next_visit_on,
        })),
    };
  });
}

async function caseEventFor(trx: Executor, ctx: Operator, row: PlacementRow, kind: string, data: object) {
  if (!row.case_id) return;
  await trx
    .insertInto('case_event')
    .values({
      province_code: row.province_code,
      id: newId(),
      case_id: row.case_id,
      actor_id: ctx.userId,
      kind,
      data: JSON.stringify({ placementId: row.id, ...data }),
    })
    .execute();
}

const activeStatuses = ['proposed', 'decided', 'placed'] as const;

/** The commune worker proposes a placement; the child may have one placement in progress at a time. */
export async function proposeCare(
  ctx: Operator,
  input: z.output<typeof CarePlacementInput>,
): Promise<CarePlacement> {
  return inTransaction(ctx.db, async (trx) => {
    const person = await trx
      .selectFrom('person')
      .select(['province_code', 'id', 'village_id', 'status'])
      .where('id', '=', input.personId)
      .where('status', '<>', 'merged')
      .where(withinScope('org_path', ctx.scope))
      .forUpdate()
      .executeTakeFirst();
    if (!person) throw new AppError('NOT_FOUND');
    if (person.status !== 'active') throw new AppError('RECORD_NOT_ACTIVE', { status: person.status });
    if (input.caseId) {
      const visible = await getVisibleCase(trx, ctx.scope, input.caseId);
      if (visible.relation !== 'worker' || visible.row.person_id !== person.id)
        throw new AppError('NOT_FOUND');
    }
    if (input.providerId) {
      const provider = await trx
        .selectFrom('service_provider as p')
        .select('p.id')
        .where('p.province_code', '=', person.province_code)
        .where('p.id', '=', input.providerId)
        .where('p.active', '=', true)
        .where(providerVisible(ctx.scope))
        .executeTakeFirst();
      if (!provider) throw new AppError('NOT_FOUND');
    }
    const open = await trx
      .selectFrom('care_placement')
      .select('id')
      .where('province_code', '=', person.province_code)
      .where('person_id', '=', person.id)
      .where('status', 'in', activeStatuses)
      .executeTakeFirst();
    if (open) throw new AppError('CARE_STATE_CONFLICT');
    const commune = await communeOfVillage(trx, person.village_id);
    const id = newId();
    const row = await trx
      .insertInto('care_placement')
      .values({
        province_code: person.province_code,
        id,
        person_id: person.id,
        case_id: input.caseId ?? null,
        commune_id: commune.id,
        org_path: commune.path,
        kind: input.kind,
        carer_name: input.carerName,
        carer_relation: input.carerRelation ?? null,
        carer_address: input.carerAddress ?? null,
        carer_phone: input.carerPhone ?? null,
        provider_id: input.providerId ?? null,
        proposed_at: new Date(),
        proposed_by: ctx.scope.userId,
        proposal_note: input.note ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await caseEventFor(trx, ctx, row, 'care_proposed', { kind: input.kind });
    await writeAudit(trx, ctx.actor, {
      action: 'care.proposed',
      entityType: 'care_placement',
      entityId: id,
      orgPath: commune.path,
      after: { personId: person.id, kind: input.kind },
    });
    return (await toPlacements(trx, [row]))[0]!;
  });
}

export async function careForPerson(ctx: Operator, personId: string): Promise<{ items: CarePlacement[] }> {
  const person = await getPersonRow(ctx.db, ctx.scope, personId);
  const rows = await ctx.db
    .selectFrom('care_placement as cp')
    .selectAll('cp')
    .where('cp.province_code', '=', person.province_code)
    .where('cp.person_id', '=', person.id)
    .where(placementVisible(ctx.scope))
    .orderBy('cp.proposed_at', 'desc')
    .execute();
  return { items: await toPlacements(ctx.db, rows) };
}

/** A placement the caller may act on: the commune's own worker or leader (404 otherwise). */
async function placementToChange(
  ctx: Operator,
  trx: Executor,
  id: string,
  from: readonly PlacementRow['status'][],
): Promise<PlacementRow> {
  const row = await trx
    .selectFrom('care_placement as cp')
    .selectAll('cp')
    .where('cp.id', '=', id)
    .where(withinScope('cp.org_path', ctx.scope))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (!from.includes(row.status)) throw new AppError('CARE_STATE_CONFLICT', { status: row.status });
  return row;
}

async function changePlacement(
  ctx: Operator,
  id: string,
  from: readonly PlacementRow['status'][],
  audit: AuditAction,
  update: (row: PlacementRow, rules: DeadlineRules) => Partial<PlacementRow>,
  event: { kind: string; data: object },
): Promise<CarePlacement> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await placementToChange(ctx, trx, id, from);
    const set = update(row, await deadlineRulesFor(trx, row.province_code));
    const updated = await trx
      .updateTable('care_placement')
      .set({ ...set, version: row.version + 1, updated_at: new Date() })
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await caseEventFor(trx, ctx, row, event.kind, event.data);
    await writeAudit(trx, ctx.actor, {
      action: audit,
      entityType: 'care_placement',
      entityId: id,
      orgPath: row.org_path,
      before: { status: row.status },
      after: { status: updated.status },
    });
    return (await toPlacements(trx, [updated]))[0]!;
  });
}

const issue = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', undefined, [{ path, code, message }]);

/**
 * The commune leader decides (Decree 56: the chairman of the commune People's Committee). An approved placement
 * must be handed over within 15 working days of the decision.
 */
export function decideCare(ctx: Operator, id: string, decision: z.output<typeof CareDecision>) {
  if (decision.approved && decision.decidedOn > todayInVietnam())
    throw issue('body.decidedOn', 'in_future', 'the date is after today');
  return changePlacement(
    ctx,
    id,
    ['proposed'],
    'care.decided',
    (_row, rules) =>
      decision.approved
        ? {
            status: 'decided',
            decision_number: decision.decisionNumber,
            decided_on: decision.decidedOn,
            decided_by: ctx.scope.userId,
            // The decision's day is the event: the count starts the next working day.
            handover_due_at: caseDeadlineDue(
              rules.catalogue.care_handover,
              new Date(`${decision.decidedOn}T12:00:00+07:00`),
              rules.calendar,
            ),
          }
        : { status: 'rejected', termination_reason: decision.reason, decided_by: ctx.scope.userId },
    { kind: decision.approved ? 'care_decided' : 'care_rejected', data: {} },
  );
}

export function handOverCare(ctx: Operator, id: string, handedOverOn: string) {
  if (handedOverOn > todayInVietnam())
    throw issue('body.handedOverOn', 'in_future', 'the date is after today');
  return changePlacement(
    ctx,
    id,
    ['decided'],
    'care.handed_over',
    (row) => {
      if (row.decided_on && handedOverOn < row.decided_on)
        throw issue('body.handedOverOn', 'before_decision', 'the hand-over is before the decision');
      return { status: 'placed', handed_over_on: handedOverOn };
    },
    { kind: 'care_handed_over', data: { handedOverOn } },
  );
}

export async function recordCareVisit(
  ctx: Operator,
  id: string,
  visit: z.output<typeof CareVisitInput>,
): Promise<CarePlacement> {
  if (visit.visitedOn > todayInVietnam())
    throw issue('body.visitedOn', 'in_future', 'the date is after today');
  if (visit.nextVisitOn && visit.nextVisitOn <= visit.visitedOn)
    throw issue('body.nextVisitOn', 'not_after_visit', 'the next visit must come after this one');
  return inTransaction(ctx.db, async (trx) => {
    const row = await placementToChange(ctx, trx, id, ['placed']);
    await trx
      .insertInto('care_visit')
      .values({
        province_code: row.province_code,
        id: newId(),
        placement_id: row.id,
        visited_on: visit.visitedOn,
        visited_by: ctx.scope.userId,
        wellbeing: visit.wellbeing,
        findings: visit.findings,
        next_visit_on: visit.nextVisitOn ?? null,
      })
      .execute();
    await caseEventFor(trx, ctx, row, 'care_visited', {
      visitedOn: visit.visitedOn,
      wellbeing: visit.wellbeing,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'care.visited',
      entityType: 'care_placement',
      entityId: id,
      orgPath: row.org_path,
      after: { visitedOn: visit.visitedOn, wellbeing: visit.wellbeing },
    });
    return (await toPlacements(trx, [row]))[0]!;
  });
}

export function terminateCare(ctx: Operator, id: string, termination: z.output<typeof CareTermination>) {
  if (termination.terminatedOn > todayInVietnam())
    throw issue('body.terminatedOn', 'in_future', 'the date is after today');
  return changePlacement(
    ctx,
    id,
    ['placed'],
    'care.terminated',
    () => ({
      status: 'terminated',
      terminated_on: termination.terminatedOn,
      termination_reason: termination.reason,
    }),
    { kind: 'care_terminated', data: { terminatedOn: termination.terminatedOn } },
  );
}
