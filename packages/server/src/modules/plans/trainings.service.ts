// Training courses and parenting sessions of an activity, and their sign-in sheets. The people marked present are
// the numerator of ECD-TRAINED (trainings.ts).
import {
  AppError,
  foldVietnamese,
  newId,
  normaliseName,
  type TrainingDetail,
  type TrainingInput,
  type TrainingParticipantsInput,
} from '@treem/shared';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope } from '../access/scope.ts';
import { lockActivity } from './activities.service.ts';
import { findCourseRow, lockPlanOf, trainingDetail, type CourseRow, type PlanRow } from './plan.repo.ts';
import { auditPlan, dateIssue, ensureOpen, fail, failOn } from './planRules.ts';

type CourseFields = z.output<typeof TrainingInput>;

/**
 * The unit that ran the course: the plan's unit when left out, else the plan's unit or a commune under it, inside
 * the caller's scope. A session held in a village is recorded for its commune (the place says which village), so
 * a parent at two sessions of the commune is one person trained.
 */
async function resolveCourseUnit(
  trx: Transaction<DB>,
  ctx: Operator,
  plan: PlanRow,
  unitId: string | null | undefined,
): Promise<{ id: string; path: string }> {
  if (!unitId) return { id: plan.org_unit_id, path: plan.org_path };
  const unit = await trx
    .selectFrom('org_unit')
    .select(['id', 'path', 'level'])
    .where('id', '=', unitId)
    .where('generation', '<>', 'y2008')
    .where(withinScope('path', ctx.scope))
    .executeTakeFirst();
  const inPlan = unit && (unit.path === plan.org_path || unit.path.startsWith(`${plan.org_path}.`));
  if (!unit || !inPlan || (unit.level !== 'province' && unit.level !== 'commune'))
    fail([
      {
        path: 'body.unitId',
        code: 'training_unit_outside_plan',
        message: "a course is run by the plan's unit or a commune under it",
      },
    ]);
  return { id: unit.id, path: unit.path };
}

function checkDates(plan: PlanRow, input: CourseFields): void {
  failOn([
    dateIssue(plan, input.startDate, 'body.startDate'),
    dateIssue(plan, input.endDate, 'body.endDate'),
  ]);
}

const audited = (row: CourseRow) => ({
  activityId: row.activity_id,
  kind: row.kind,
  topic: row.topic,
  trainer: row.trainer,
  startDate: row.start_date,
  endDate: row.end_date,
  place: row.place,
  unitId: row.unit_id,
});

export async function addTraining(
  ctx: Operator,
  activityId: string,
  input: CourseFields,
): Promise<TrainingDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, activityId);
    checkDates(plan, input);
    const unit = await resolveCourseUnit(trx, ctx, plan, input.unitId);
    const row = await trx
      .insertInto('training_course')
      .values({
        province_code: plan.province_code,
        id: newId(),
        activity_id: activity.id,
        plan_id: plan.id,
        org_path: plan.org_path,
        unit_id: unit.id,
        unit_path: unit.path,
        kind: input.kind,
        topic: input.topic,
        trainer: input.trainer,
        start_date: input.startDate,
        end_date: input.endDate,
        place: input.place,
        created_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditPlan(trx, ctx, plan, 'plan.training_saved', {
      entityType: 'training_course',
      entityId: row.id,
      after: audited(row),
    });
    return trainingDetail(trx, ctx.scope, row);
  });
}

/** A course of a plan the caller manages, with its plan locked and open; NOT_FOUND otherwise. */
async function lockCourse(trx: Transaction<DB>, ctx: Operator, id: string) {
  const course = await findCourseRow(trx, ctx.scope, id, 'manage');
  if (!course) throw new AppError('NOT_FOUND', { entity: 'training' });
  const plan = await lockPlanOf(trx, course.province_code, course.plan_id);
  ensureOpen(plan);
  return { course, plan };
}

export async function updateTraining(
  ctx: Operator,
  id: string,
  input: CourseFields,
): Promise<TrainingDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { course, plan } = await lockCourse(trx, ctx, id);
    checkDates(plan, input);
    const unit = await resolveCourseUnit(trx, ctx, plan, input.unitId);
    const row = await trx
      .updateTable('training_course')
      .set({
        kind: input.kind,
        topic: input.topic,
        trainer: input.trainer,
        start_date: input.startDate,
        end_date: input.endDate,
        place: input.place,
        unit_id: unit.id,
        unit_path: unit.path,
        updated_at: new Date(),
      })
      .where('province_code', '=', course.province_code)
      .where('id', '=', course.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditPlan(trx, ctx, plan, 'plan.training_saved', {
      entityType: 'training_course',
      entityId: row.id,
      before: audited(course),
      after: audited(row),
    });
    return trainingDetail(trx, ctx.scope, row);
  });
}

/** The sign-in sheet replaced as a whole: who came, in which role, present or not. */
export async function setTrainingParticipants(
  ctx: Operator,
  id: string,
  input: z.output<typeof TrainingParticipantsInput>,
): Promise<TrainingDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const { course, plan } = await lockCourse(trx, ctx, id);
    const key = { province_code: course.province_code, course_id: course.id };
    const before = await trx
      .selectFrom('training_participant')
      .select(['full_name', 'role', 'attended'])
      .where('province_code', '=', key.province_code)
      .where('course_id', '=', key.course_id)
      .orderBy('sort_order')
      .execute();
    await trx
      .deleteFrom('training_participant')
      .where('province_code', '=', key.province_code)
      .where('course_id', '=', key.course_id)
      .execute();
    const participants = input.participants.map((participant, index) => {
      const fullName = normaliseName(participant.fullName);
      return {
        ...key,
        id: newId(),
        org_path: course.org_path,
        sort_order: index + 1,
        full_name: fullName,
        name_folded: foldVietnamese(fullName),
        role: participant.role,
        sex: participant.sex,
        unit_name: participant.unitName,
        attended: participant.attended,
      };
    });
    if (participants.length > 0) await trx.insertInto('training_participant').values(participants).execute();
    await auditPlan(trx, ctx, plan, 'plan.participants_saved', {
      entityType: 'training_course',
      entityId: course.id,
      before: {
        participants: before.map((p) => ({ fullName: p.full_name, role: p.role, attended: p.attended })),
      },
      after: {
        participants: participants.map((p) => ({
          fullName: p.full_name,
          role: p.role,
          attended: p.attended,
        })),
      },
    });
    return trainingDetail(trx, ctx.scope, course);
  });
}

export async function removeTraining(ctx: Operator, id: string): Promise<{ ok: true }> {
  return inTransaction(ctx.db, async (trx) => {
    const { course, plan } = await lockCourse(trx, ctx, id);
    await trx
      .deleteFrom('training_course')
      .where('province_code', '=', course.province_code)
      .where('id', '=', course.id)
      .execute();
    // Removals are audited as the record's *_saved action with nothing after it.
    await auditPlan(trx, ctx, plan, 'plan.training_saved', {
      entityType: 'training_course',
      entityId: course.id,
      before: audited(course),
      after: null,
    });
    return { ok: true as const };
  });
}
