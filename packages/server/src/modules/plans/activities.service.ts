// A plan's activities and what records their progress: the status (the kanban's columns), dated notes, documents
// and the events of a communication campaign. Pilot models are activities of kind `pilot_model`: status and notes.
import {
  AppError,
  newId,
  type ActivityDocumentInput,
  type ActivityNoteInput,
  type ActivityStatusChange,
  type CampaignEventInput,
  type PlanActivityDetail,
  type PlanActivityInput,
} from '@treem/shared';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import {
  activityDetail,
  findActivityRow,
  lockManagedPlan,
  lockPlanOf,
  type ActivityRow,
  type PlanRow,
} from './plan.repo.ts';
import { auditPlan, dateIssue, ensureOpen, failOn } from './planRules.ts';

type ActivityFields = z.output<typeof PlanActivityInput>;

function columnsOf(input: ActivityFields) {
  return {
    code: input.code,
    kind: input.kind,
    title: input.title,
    lead: input.lead,
    partners: input.partners,
    details: input.details,
    purpose: input.purpose,
    start_date: input.startDate,
    end_date: input.endDate,
    status: input.status,
  };
}

function checkDates(plan: PlanRow, input: ActivityFields): void {
  failOn([
    dateIssue(plan, input.startDate, 'body.startDate'),
    dateIssue(plan, input.endDate, 'body.endDate'),
  ]);
}

const audited = (row: ActivityRow) => ({
  code: row.code,
  kind: row.kind,
  title: row.title,
  lead: row.lead,
  partners: row.partners,
  details: row.details,
  purpose: row.purpose,
  startDate: row.start_date,
  endDate: row.end_date,
  status: row.status,
});

/** An activity of a plan the caller manages, with its plan locked and open; NOT_FOUND otherwise. */
export async function lockActivity(trx: Transaction<DB>, ctx: Operator, id: string) {
  const activity = await findActivityRow(trx, ctx.scope, id, 'manage');
  if (!activity) throw new AppError('NOT_FOUND', { entity: 'activity' });
  const plan = await lockPlanOf(trx, activity.province_code, activity.plan_id);
  ensureOpen(plan);
  return { activity, plan };
}

export async function addActivity(
  ctx: Operator,
  planId: string,
  input: ActivityFields,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const plan = await lockManagedPlan(trx, ctx.scope, planId);
    ensureOpen(plan);
    checkDates(plan, input);
    const { next } = await trx
      .selectFrom('plan_activity')
      .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('next'))
      .where('province_code', '=', plan.province_code)
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('plan_activity')
      .values({
        province_code: plan.province_code,
        id: newId(),
        plan_id: plan.id,
        org_path: plan.org_path,
        sort_order: Number(next),
        section: null,
        parent_title: null,
        en: null,
        source_activity_id: null,
        ...columnsOf(input),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditPlan(trx, ctx, plan, 'plan.activity_saved', {
      entityType: 'plan_activity',
      entityId: row.id,
      after: audited(row),
    });
    return activityDetail(trx, ctx.scope, row);
  });
}

async function saveActivity(
  trx: Transaction<DB>,
  ctx: Operator,
  plan: PlanRow,
  before: ActivityRow,
  changes: Partial<ReturnType<typeof columnsOf>>,
): Promise<PlanActivityDetail> {
  const row = await trx
    .updateTable('plan_activity')
    .set({ ...changes, updated_at: new Date() })
    .where('province_code', '=', before.province_code)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditPlan(trx, ctx, plan, 'plan.activity_saved', {
    entityType: 'plan_activity',
    entityId: row.id,
    before: audited(before),
    after: audited(row),
  });
  return activityDetail(trx, ctx.scope, row);
}

export async function updateActivity(
  ctx: Operator,
  id: string,
  input: ActivityFields,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, id);
    checkDates(plan, input);
    return saveActivity(trx, ctx, plan, activity, columnsOf(input));
  });
}

export async function setActivityStatus(
  ctx: Operator,
  id: string,
  input: z.output<typeof ActivityStatusChange>,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, id);
    return saveActivity(trx, ctx, plan, activity, { status: input.status });
  });
}

async function authorName(trx: Transaction<DB>, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await trx
    .selectFrom('app_user')
    .select('full_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return user?.full_name ?? null;
}

export async function addActivityNote(
  ctx: Operator,
  id: string,
  input: z.output<typeof ActivityNoteInput>,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, id);
    const note = {
      province_code: activity.province_code,
      id: newId(),
      activity_id: activity.id,
      org_path: activity.org_path,
      noted_on: input.notedOn,
      text: input.text,
      author_id: ctx.userId,
      author_name: await authorName(trx, ctx.userId),
    };
    await trx.insertInto('plan_activity_note').values(note).execute();
    await auditPlan(trx, ctx, plan, 'plan.activity_note_added', {
      entityType: 'plan_activity',
      entityId: activity.id,
      after: { noteId: note.id, notedOn: note.noted_on, text: note.text },
    });
    return activityDetail(trx, ctx.scope, activity);
  });
}

export async function addActivityDocument(
  ctx: Operator,
  id: string,
  input: z.output<typeof ActivityDocumentInput>,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, id);
    const document = {
      province_code: activity.province_code,
      id: newId(),
      activity_id: activity.id,
      org_path: activity.org_path,
      title: input.title,
      number: input.number,
      issued_on: input.issuedOn,
      reference: input.reference,
      created_by: ctx.userId,
    };
    await trx.insertInto('plan_activity_document').values(document).execute();
    await auditPlan(trx, ctx, plan, 'plan.document_saved', {
      entityType: 'plan_activity_document',
      entityId: document.id,
      after: { activityId: activity.id, ...input },
    });
    return activityDetail(trx, ctx.scope, activity);
  });
}

/** Removals are audited as the record's *_saved action with nothing after it. */
export async function removeActivityDocument(
  ctx: Operator,
  id: string,
  documentId: string,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, id);
    const removed = await trx
      .deleteFrom('plan_activity_document')
      .where('province_code', '=', activity.province_code)
      .where('activity_id', '=', activity.id)
      .where('id', '=', documentId)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw new AppError('NOT_FOUND', { entity: 'document' });
    await auditPlan(trx, ctx, plan, 'plan.document_saved', {
      entityType: 'plan_activity_document',
      entityId: removed.id,
      before: {
        activityId: activity.id,
        title: removed.title,
        number: removed.number,
        issuedOn: removed.issued_on,
        reference: removed.reference,
      },
      after: null,
    });
    return activityDetail(trx, ctx.scope, activity);
  });
}

export async function addCampaignEvent(
  ctx: Operator,
  id: string,
  input: z.output<typeof CampaignEventInput>,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, id);
    failOn([dateIssue(plan, input.heldOn, 'body.heldOn')]);
    const event = {
      province_code: activity.province_code,
      id: newId(),
      activity_id: activity.id,
      org_path: activity.org_path,
      held_on: input.heldOn,
      place: input.place,
      audience: input.audience,
      reach: input.reach,
      note: input.note,
      created_by: ctx.userId,
    };
    await trx.insertInto('campaign_event').values(event).execute();
    await auditPlan(trx, ctx, plan, 'plan.event_saved', {
      entityType: 'campaign_event',
      entityId: event.id,
      after: { activityId: activity.id, ...input },
    });
    return activityDetail(trx, ctx.scope, activity);
  });
}

export async function removeCampaignEvent(
  ctx: Operator,
  id: string,
  eventId: string,
): Promise<PlanActivityDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, id);
    const removed = await trx
      .deleteFrom('campaign_event')
      .where('province_code', '=', activity.province_code)
      .where('activity_id', '=', activity.id)
      .where('id', '=', eventId)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw new AppError('NOT_FOUND', { entity: 'event' });
    await auditPlan(trx, ctx, plan, 'plan.event_saved', {
      entityType: 'campaign_event',
      entityId: removed.id,
      before: {
        activityId: activity.id,
        heldOn: removed.held_on,
        place: removed.place,
        audience: removed.audience,
        reach: removed.reach,
        note: removed.note,
      },
      after: null,
    });
    return activityDetail(trx, ctx.scope, activity);
  });
}
