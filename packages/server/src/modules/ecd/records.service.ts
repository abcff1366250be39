// Development screenings, ECD service contacts and school enrolment: records of a child that no list summary
// depends on, each written with its audit event.
import {
  addMonthsToPlainDate,
  AppError,
  developmentMilestones,
  findEcdService,
  newId,
  todayInVietnam,
  type Enrolment,
  type EnrolmentInput,
  type FieldIssue,
  type FollowUpDone,
  type Screening,
  type ScreeningInput,
  type ServiceContact,
  type ServiceContactInput,
} from '@treem/shared';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { refreshFollowUps } from './childSummary.ts';
import type { DevelopmentScreeningTable, SchoolEnrolmentTable } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { assertRecordDate, getEcdChild, insertChildRecord, lockChildRecord } from './ecdChild.ts';

type ScreeningFields = z.output<typeof ScreeningInput>;
type FollowUp = z.output<typeof FollowUpDone>;
type ServiceFields = z.output<typeof ServiceContactInput>;
type EnrolmentFields = z.output<typeof EnrolmentInput>;

/** A follow-up without a date is due one month after the screening. */
const FOLLOW_UP_AFTER_MONTHS = 1;

const milestoneCodes = new Set<string>(developmentMilestones.map((m) => m.code));

function toScreening(row: Selectable<DevelopmentScreeningTable>): Screening {
  return {
    id: row.id,
    personId: row.person_id,
    screenedOn: row.screened_on,
    tool: row.tool as Screening['tool'],
    domains: row.domains as Screening['domains'],
    result: row.result,
    milestonesNotMet: row.milestones_not_met,
    followUpOn: row.follow_up_on,
    followUpDoneOn: row.follow_up_done_on,
    screenedBy: row.screened_by,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listScreenings(db: Executor, scope: Scope, personId: string) {
  const child = await getEcdChild(db, scope, personId);
  const rows = await db
    .selectFrom('development_screening')
    .selectAll()
    .where('province_code', '=', child.provinceCode)
    .where('person_id', '=', child.id)
    .orderBy('screened_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return { items: rows.map(toScreening) };
}

export async function createScreening(
  ctx: Operator,
  personId: string,
  input: ScreeningFields,
): Promise<Screening> {
  return inTransaction(ctx.db, async (trx) => {
    const child = await getEcdChild(trx, ctx.scope, personId, { forWrite: true });
    assertRecordDate(child, input.screenedOn, 'body.screenedOn');
    const issues: FieldIssue[] = [];
    if (input.tool !== 'checklist' && input.milestonesNotMet.length > 0)
      issues.push({
        path: 'body.milestonesNotMet',
        code: 'milestones_need_checklist',
        message: 'milestones are recorded only with the built-in checklist',
      });
    input.milestonesNotMet.forEach((code, index) => {
      if (!milestoneCodes.has(code))
        issues.push({
          path: `body.milestonesNotMet.${index}`,
          code: 'unknown_milestone',
          message: 'no milestone of the checklist has this code',
        });
    });
    const opensFollowUp = input.result !== 'on_track';
    const followUpOn = opensFollowUp
      ? (input.followUpOn ?? addMonthsToPlainDate(input.screenedOn, FOLLOW_UP_AFTER_MONTHS))
      : null;
    if (followUpOn !== null && followUpOn < input.screenedOn)
      issues.push({
        path: 'body.followUpOn',
        code: 'follow_up_before_screening',
        message: 'the follow-up date is before the screening',
      });
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', undefined, issues);
    const columns = {
      screened_on: input.screenedOn,
      tool: input.tool,
      domains: [...new Set(input.domains)],
      result: input.result,
      milestones_not_met: [...new Set(input.milestonesNotMet)],
      follow_up_on: followUpOn,
      screened_by: input.screenedBy ?? null,
      note: input.note ?? null,
    };
    const id = await insertChildRecord(
      trx,
      ctx,
      child,
      'development_screening',
      'ecd.screening_recorded',
      columns,
    );
    await refreshFollowUps(trx, child.provinceCode, [child.id]);
    const row = await trx
      .selectFrom('development_screening')
      .selectAll()
      .where('province_code', '=', child.provinceCode)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toScreening(row);
  });
}

export async function completeFollowUp(ctx: Operator, id: string, input: FollowUp): Promise<Screening> {
  return inTransaction(ctx.db, async (trx) => {
    const { row, child } = await lockChildRecord(trx, ctx.scope, 'development_screening', id);
    if (row.follow_up_on === null || row.follow_up_done_on !== null)
      throw new AppError('FOLLOW_UP_NOT_OPEN', { screeningId: id });
    assertRecordDate(child, input.doneOn, 'body.doneOn');
    if (input.doneOn < row.screened_on)
      throw new AppError('ECD_DATE_INVALID', { problem: 'before_screening' }, [
        {
          path: 'body.doneOn',
          code: 'before_screening',
          message: 'the follow-up is dated before the screening',
        },
      ]);
    const updated = await trx
      .updateTable('development_screening')
      .set({ follow_up_done_on: input.doneOn, follow_up_note: input.note ?? null })
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshFollowUps(trx, child.provinceCode, [child.id]);
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.follow_up_done',
      entityType: 'development_screening',
      entityId: id,
      orgPath: child.orgPath,
      after: { follow_up_done_on: input.doneOn, follow_up_note: input.note ?? null },
    });
    return toScreening(updated);
  });
}

export async function deleteScreening(ctx: Operator, id: string, reason: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const { row, child } = await lockChildRecord(trx, ctx.scope, 'development_screening', id);
    await trx
      .deleteFrom('development_screening')
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .execute();
    await refreshFollowUps(trx, child.provinceCode, [child.id]);
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.screening_deleted',
      entityType: 'development_screening',
      entityId: id,
      orgPath: child.orgPath,
      before: {
        person_id: row.person_id,
        screened_on: row.screened_on,
        tool: row.tool,
        result: row.result,
        milestones_not_met: row.milestones_not_met,
        follow_up_on: row.follow_up_on,
        follow_up_done_on: row.follow_up_done_on,
      },
      reason,
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Service contacts
// ---------------------------------------------------------------------------------------------------------------

export async function listServices(db: Executor, scope: Scope, personId: string) {
  const child = await getEcdChild(db, scope, personId);
  const rows = await db
    .selectFrom('ecd_service_contact as s')
    .leftJoin('person as c', (join) =>
      join.onRef('c.province_code', '=', 's.province_code').onRef('c.id', '=', 's.caregiver_person_id'),
    )
    .selectAll('s')
    .select('c.full_name as caregiver_name')
    .where('s.province_code', '=', child.provinceCode)
    .where('s.person_id', '=', child.id)
    .orderBy('s.received_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
  return {
    items: rows.map((r): ServiceContact => ({
      id: r.id,
      personId: r.person_id,
      serviceCode: r.service_code as ServiceContact['serviceCode'],
      domain: r.domain as ServiceContact['domain'],
      receivedOn: r.received_on,
      caregiverPersonId: r.caregiver_person_id,
      caregiverName: r.caregiver_name,
      provider: r.provider,
      outcome: r.outcome,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

export async function createService(
  ctx: Operator,
  personId: string,
  input: ServiceFields,
): Promise<ServiceContact> {
  return inTransaction(ctx.db, async (trx) => {
    const child = await getEcdChild(trx, ctx.scope, personId, { forWrite: true });
    assertRecordDate(child, input.receivedOn, 'body.receivedOn');
    const service = findEcdService(input.serviceCode)!;
    const caregiverId = input.caregiverPersonId ?? null;
    const issue = (code: string, message: string) => {
      throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.caregiverPersonId', code, message }]);
    };
    if (service.audience === 'caregiver' && caregiverId === null)
      issue('caregiver_required', 'a caregiver service names the caregiver who attended');
    if (service.audience === 'child' && caregiverId !== null)
      issue('caregiver_not_applicable', 'this service is given to the child, not to a caregiver');
    if (caregiverId !== null) {
      if (caregiverId === child.id) issue('self_caregiver', 'a child is not their own caregiver');
      const caregiver = await trx
        .selectFrom('person')
        .select('id')
        .where('province_code', '=', child.provinceCode)
        .where('id', '=', caregiverId)
        .where('status', '<>', 'merged')
        .where(withinScope('org_path', ctx.scope))
        .executeTakeFirst();
      if (!caregiver) issue('unknown_person', 'no such person in the register');
    }
    const columns = {
      service_code: input.serviceCode,
      domain: service.domain,
      received_on: input.receivedOn,
      caregiver_person_id: caregiverId,
      provider: input.provider ?? null,
      outcome: input.outcome ?? null,
    };
    const id = await insertChildRecord(
      trx,
      ctx,
      child,
      'ecd_service_contact',
      'ecd.service_recorded',
      columns,
    );
    const { items } = await listServices(trx, ctx.scope, child.id);
    return items.find((item) => item.id === id)!;
  });
}

export async function deleteService(ctx: Operator, id: string, reason: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const { row, child } = await lockChildRecord(trx, ctx.scope, 'ecd_service_contact', id);
    await trx
      .deleteFrom('ecd_service_contact')
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.service_deleted',
      entityType: 'ecd_service_contact',
      entityId: id,
      orgPath: child.orgPath,
      before: {
        person_id: row.person_id,
        service_code: row.service_code,
        received_on: row.received_on,
        caregiver_person_id: row.caregiver_person_id,
        provider: row.provider,
        outcome: row.outcome,
      },
      reason,
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Enrolment
// ---------------------------------------------------------------------------------------------------------------

function toEnrolment(row: Selectable<SchoolEnrolmentTable>): Enrolment {
  return {
    id: row.id,
    personId: row.person_id,
    schoolYear: row.school_year,
    level: row.level,
    schoolName: row.school_name,
    status: row.status,
    note: row.note,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listEnrolments(db: Executor, scope: Scope, personId: string) {
  const child = await getEcdChild(db, scope, personId);
  const rows = await db
    .selectFrom('school_enrolment')
    .selectAll()
    .where('province_code', '=', child.provinceCode)
    .where('person_id', '=', child.id)
    .orderBy('school_year', 'desc')
    .execute();
  return { items: rows.map(toEnrolment) };
}

/**
 * The school year a date falls in: Vietnamese school years start in September (a date from 1 September is in the
 * year that starts then; before it, in the year that started the September before).
 */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** One enrolment per child and school year: saving a year again replaces it. */
export async function saveEnrolment(
  ctx: Operator,
  personId: string,
  input: EnrolmentFields,
): Promise<Enrolment> {
  return inTransaction(ctx.db, async (trx) => {
    const child = await getEcdChild(trx, ctx.scope, personId, { forWrite: true });
    const startYear = Number(input.schoolYear.slice(0, 4));
    const current = Number(schoolYearOf(todayInVietnam()).slice(0, 4));
    if (startYear < Number(child.birthDate.slice(0, 4)) || startYear > current + 1)
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'body.schoolYear',
          code: 'school_year_out_of_range',
          message: 'the school year is before the birth or more than a year ahead',
        },
      ]);
    const before = await trx
      .selectFrom('school_enrolment')
      .selectAll()
      .where('province_code', '=', child.provinceCode)
      .where('person_id', '=', child.id)
      .where('school_year', '=', input.schoolYear)
      .executeTakeFirst();
    const columns = {
      level: input.level,
      school_name: input.schoolName,
      status: input.status,
      note: input.note ?? null,
    };
    const row = before
      ? await trx
          .updateTable('school_enrolment')
          .set({ ...columns, updated_at: new Date() })
          .where('province_code', '=', child.provinceCode)
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('school_enrolment')
          .values({
            province_code: child.provinceCode,
            id: newId(),
            person_id: child.id,
            school_year: input.schoolYear,
            ...columns,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.enrolment_saved',
      entityType: 'school_enrolment',
      entityId: row.id,
      orgPath: child.orgPath,
      before: before
        ? { level: before.level, school_name: before.school_name, status: before.status, note: before.note }
        : null,
      after: { person_id: child.id, school_year: input.schoolYear, ...columns },
    });
    return toEnrolment(row);
  });
}

export async function deleteEnrolment(ctx: Operator, id: string, reason: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const { row, child } = await lockChildRecord(trx, ctx.scope, 'school_enrolment', id);
    await trx
      .deleteFrom('school_enrolment')
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.enrolment_deleted',
      entityType: 'school_enrolment',
      entityId: id,
      orgPath: child.orgPath,
      before: {
        person_id: row.person_id,
        school_year: row.school_year,
        level: row.level,
        school_name: row.school_name,
        status: row.status,
      },
      reason,
    });
  });
}
