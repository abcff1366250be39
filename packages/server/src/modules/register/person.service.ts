import {
  addYears,
  AppError,
  CHILD_AGE_LIMIT,
  foldVietnamese,
  newId,
  normaliseName,
  findSpecialCircumstanceGroup,
  findSubGroup,
  todayInVietnam,
  type CircumstanceInput,
  type EndAssignment,
  type FieldIssue,
  type FlagInput,
  type PersonDeath,
  type PersonDetail,
  type PersonMove,
  type PersonMoveOut,
  type PlainDate,
} from '@treem/shared';
import type { z } from 'zod';
import type { PersonInput as PersonInputSchema, PersonUpdate as PersonUpdateSchema } from '@treem/shared';
// (the schemas' parsed shapes: what the route hands the service after validation)
import { writeAudit } from '../../audit/audit.ts';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { afterPersonFactsChanged } from '../ecd/registerChanges.ts';
import { communeOfPath, findDuplicateCandidates } from './duplicates.ts';
import { getHouseholdRow, moveKind, relocatePersons, resolveMoveTarget } from './household.service.ts';
import { getPersonDetail, getPersonRow, type PersonRow } from './person.repo.ts';
import { ensureFlagCatalogue } from './flagCatalogue.ts';
import { checkPersonFacts } from './personRules.ts';
import { resolveVillage, type VillageRef } from './registerScope.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type PersonFields = z.output<typeof PersonUpdateSchema>;
type PersonCreate = z.output<typeof PersonInputSchema>;

const fieldMessages: Record<string, string> = {
  birth_date_in_future: 'the date of birth is in the future',
  birth_date_too_old: 'the date of birth is before 1900',
  birth_date_not_first_of_period: 'a month-only date is the 1st of the month; a year-only date is 1 January',
  personal_id_format: 'a personal ID is 12 digits starting with a province code',
  personal_id_province: 'the first three digits are not a province code',
  personal_id_sex_mismatch: 'the century/sex digit does not match the sex',
  personal_id_birth_year_mismatch: 'the year digits do not match the date of birth',
  birth_registration_before_birth: 'the birth was registered before the date of birth',
  birth_registration_in_future: 'the registration date is in the future',
  death_before_birth: 'the date of death is before the date of birth',
  death_in_future: 'the date of death is in the future',
};

function assertFacts(facts: Parameters<typeof checkPersonFacts>[0]): void {
  const problems = checkPersonFacts(facts);
  if (problems.length > 0) {
    throw new AppError(
      'INVALID_PERSON_FACTS',
      { problems: problems.map((p) => p.code) },
      problems.map((p): FieldIssue => ({
        path: `body.${p.field}`,
        code: p.code,
        message: fieldMessages[p.code] ?? p.code,
      })),
    );
  }
}

/** A parent/caregiver link must name a person of the same province the caller can see. */
async function assertLinks(
  trx: Executor,
  ctx: Operator,
  provinceCode: string,
  input: PersonFields,
  selfId?: string,
) {
  const issues: FieldIssue[] = [];
  for (const field of ['motherId', 'fatherId', 'caregiverId'] as const) {
    const id = input[field];
    if (!id) continue;
    if (id === selfId) {
      issues.push({
        path: `body.${field}`,
        code: 'self_link',
        message: 'a person cannot be their own parent',
      });
      continue;
    }
    try {
      const row = await getPersonRow(trx, ctx.scope, id);
      if (row.province_code !== provinceCode || row.status === 'merged') throw new AppError('NOT_FOUND');
      if (field === 'motherId' && row.sex !== 'female')
        issues.push({
          path: `body.${field}`,
          code: 'mother_not_female',
          message: 'the mother must be female',
        });
      if (field === 'fatherId' && row.sex !== 'male')
        issues.push({ path: `body.${field}`, code: 'father_not_male', message: 'the father must be male' });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
      issues.push({
        path: `body.${field}`,
        code: 'unknown_person',
        message: 'no such person in the register',
      });
    }
  }
  if (issues.length > 0) throw new AppError('INVALID_REFERENCE', undefined, issues);
}

function personColumns(input: PersonFields) {
  const fullName = normaliseName(input.fullName);
  return {
    full_name: fullName,
    name_search: foldVietnamese(fullName),
    sex: input.sex,
    birth_date: input.birthDate,
    birth_date_precision: input.birthDatePrecision,
    personal_id: input.personalId ?? null,
    ethnicity_code: input.ethnicityCode,
    nationality: input.nationality,
    relationship_to_head: input.relationshipToHead ?? null,
    birth_registered: input.birthRegistered ?? null,
    birth_registration_date: input.birthRegistrationDate ?? null,
    birth_registration_place: input.birthRegistrationPlace ?? null,
    disability_type: input.disabilityType ?? null,
    disability_level: input.disabilityLevel ?? null,
    school_name: input.schoolName ?? null,
    school_level: input.schoolLevel ?? null,
    has_health_insurance: input.hasHealthInsurance ?? null,
    health_insurance_number: input.healthInsuranceNumber ?? null,
    living_arrangement: input.livingArrangement ?? null,
    mother_id: input.motherId ?? null,
    father_id: input.fatherId ?? null,
    caregiver_id: input.caregiverId ?? null,
    phone: input.phone ?? null,
    notes: input.notes ?? null,
  };
}

/** A personal ID is one person's: a second record with it is refused outright (whatever the caller can see). */
async function assertPersonalIdFree(
  trx: Executor,
  provinceCode: string,
  personalId: string | null,
  selfId?: string,
) {
  if (!personalId) return;
  const clash = await trx
    .selectFrom('person')
    .select('id')
    .where('province_code', '=', provinceCode)
    .where('personal_id', '=', personalId)
    .where('status', '<>', 'merged')
    .$if(Boolean(selfId), (q) => q.where('id', '<>', selfId!))
    .executeTakeFirst();
  if (clash)
    throw new AppError('POSSIBLE_DUPLICATE', { sameIdentity: true, personId: clash.id, candidates: [] });
}

export async function createPerson(ctx: Operator, input: PersonCreate): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    let village: VillageRef;
    let householdId: string | null = null;
    if (input.householdId) {
      const household = await getHouseholdRow(trx, ctx.scope, input.householdId, { forUpdate: true });
      if (household.status !== 'active') throw new AppError('RECORD_NOT_ACTIVE');
      village = await resolveVillage(trx, ctx.scope, household.village_id);
      householdId = household.id;
    } else if (input.villageId) {
      village = await resolveVillage(trx, ctx.scope, input.villageId);
    } else {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'body.householdId', code: 'required', message: 'a household or a village is required' },
      ]);
    }
    const today = todayInVietnam();
    assertFacts({ ...input, today });
    await assertLinks(trx, ctx, village.provinceCode, input);
    await assertPersonalIdFree(trx, village.provinceCode, input.personalId ?? null);
    if (!input.confirmNotDuplicate) {
      const candidates = await findDuplicateCandidates(trx, ctx.scope, {
        provinceCode: village.provinceCode,
        communePath: communeOfPath(village.path),
        fullName: input.fullName,
        birthDate: input.birthDate,
        personalId: input.personalId ?? null,
        motherId: input.motherId ?? null,
        householdId,
      });
      if (candidates.length > 0)
        throw new AppError('POSSIBLE_DUPLICATE', { sameIdentity: false, candidates });
    }
    const id = newId();
    const columns = personColumns(input);
    await trx
      .insertInto('person')
      .values({
        province_code: village.provinceCode,
        id,
        household_id: householdId,
        village_id: village.id,
        org_path: village.path,
        ...columns,
        created_by: ctx.userId,
      })
      .execute();
    if (householdId && input.relationshipToHead === 'head') {
      await trx
        .updateTable('household')
        .set({ head_person_id: id, updated_at: new Date() })
        .where('province_code', '=', village.provinceCode)
        .where('id', '=', householdId)
        .where('head_person_id', 'is', null)
        .execute();
    }
    await writeAudit(trx, ctx.actor, {
      action: 'register.person_created',
      entityType: 'person',
      entityId: id,
      orgPath: village.path,
      after: { ...columns, household_id: householdId, village_id: village.id },
    });
    return getPersonDetail(trx, ctx.scope, id);
  });
}

async function activePerson(trx: Transaction<DB>, ctx: Operator, id: string): Promise<PersonRow> {
  const row = await getPersonRow(trx, ctx.scope, id, { forUpdate: true });
  if (row.status !== 'active') throw new AppError('RECORD_NOT_ACTIVE', { status: row.status });
  return row;
}

export async function updatePerson(ctx: Operator, id: string, input: PersonFields): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await activePerson(trx, ctx, id);
    assertFacts({ ...input, deathDate: before.death_date, today: todayInVietnam() });
    await assertLinks(trx, ctx, before.province_code, input, id);
    await assertPersonalIdFree(trx, before.province_code, input.personalId ?? null, id);
    const columns = personColumns(input);
    await trx
      .updateTable('person')
      .set({ ...columns, updated_at: new Date() })
      .where('province_code', '=', before.province_code)
      .where('id', '=', id)
      .execute();
    await afterPersonFactsChanged(trx, before, { ...before, ...columns });
    const changed = Object.fromEntries(
      Object.entries(columns).filter(([key, value]) => before[key as keyof PersonRow] !== value),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'register.person_updated',
      entityType: 'person',
      entityId: id,
      orgPath: before.org_path,
      before: Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof PersonRow]])),
      after: changed,
    });
    return getPersonDetail(trx, ctx.scope, id);
  });
}

/** The detail after a change that may have taken the record out of the caller's scope (a move). */
async function detailAfterMove(trx: Executor, ctx: Operator, id: string, target: VillageRef) {
  try {
    return await getPersonDetail(trx, ctx.scope, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      return getPersonDetail(trx, { ...ctx.scope, paths: [target.path] }, id);
    throw error;
  }
}

export async function movePerson(ctx: Operator, id: string, input: PersonMove): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const person = await activePerson(trx, ctx, id);
    let target: VillageRef;
    let householdId: string | null = null;
    if (input.toHouseholdId) {
      if (input.toHouseholdId === person.household_id)
        throw new AppError('MOVE_NOT_ALLOWED', { reason: 'same_household' });
      const household = await trx
        .selectFrom('household')
        .select(['id', 'village_id', 'status'])
        .where('province_code', '=', person.province_code)
        .where('id', '=', input.toHouseholdId)
        .executeTakeFirst();
      if (!household) throw new AppError('NOT_FOUND');
      if (household.status !== 'active') throw new AppError('RECORD_NOT_ACTIVE');
      target = await resolveMoveTarget(trx, ctx.scope, person.province_code, household.village_id);
      householdId = household.id;
    } else if (input.toVillageId) {
      target = await resolveMoveTarget(trx, ctx.scope, person.province_code, input.toVillageId);
      if (target.id === person.village_id && !person.household_id)
        throw new AppError('MOVE_NOT_ALLOWED', { reason: 'same_village' });
    } else {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'body.toHouseholdId', code: 'required', message: 'a household or a village is required' },
      ]);
    }
    if (target.provinceCode !== person.province_code)
      throw new AppError('MOVE_NOT_ALLOWED', { reason: 'other_province' });
    assertMoveDate(person, input.moveDate);
    await trx
      .insertInto('person_move')
      .values({
        province_code: person.province_code,
        id: newId(),
        person_id: id,
        kind: moveKind(person.org_path, target.path),
        move_date: input.moveDate,
        from_village_id: person.village_id,
        to_village_id: target.id,
        from_household_id: person.household_id,
        to_household_id: householdId,
        from_org_path: person.org_path,
        to_org_path: target.path,
        reason: input.reason,
        created_by: ctx.userId,
      })
      .execute();
    await relocatePersons(trx, person.province_code, [id], target, householdId);
    await trx
      .updateTable('person')
      .set({ relationship_to_head: input.relationshipToHead ?? null })
      .where('province_code', '=', person.province_code)
      .where('id', '=', id)
      .execute();
    if (person.household_id) await clearHead(trx, person.province_code, person.household_id, id);
    await writeAudit(trx, ctx.actor, {
      action: 'register.person_moved',
      entityType: 'person',
      entityId: id,
      orgPath: target.path,
      before: { householdId: person.household_id, villageId: person.village_id },
      after: { householdId, villageId: target.id, moveDate: input.moveDate },
      reason: input.reason,
    });
    return detailAfterMove(trx, ctx, id, target);
  });
}

/** A move happens between the person's birth and today. */
function assertMoveDate(person: PersonRow, moveDate: PlainDate) {
  if (moveDate < person.birth_date || moveDate > todayInVietnam()) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'body.moveDate',
        code: 'out_of_range',
        message: 'the move date is before birth or in the future',
      },
    ]);
  }
}

async function clearHead(trx: Executor, provinceCode: string, householdId: string, personId: string) {
  await trx
    .updateTable('household')
    .set({ head_person_id: null, updated_at: new Date() })
    .where('province_code', '=', provinceCode)
    .where('id', '=', householdId)
    .where('head_person_id', '=', personId)
    .execute();
}

/** Ends the person's open circumstances and flags on a day (death, leaving the province). */
async function endOpenAssignments(trx: Executor, person: PersonRow, day: PlainDate, reason: string) {
  for (const table of ['circumstance_assignment', 'at_risk_flag'] as const) {
    await trx
      .updateTable(table)
      .set({ valid_to: day, end_reason: reason })
      .where('province_code', '=', person.province_code)
      .where('person_id', '=', person.id)
      .where('valid_to', 'is', null)
      .where('valid_from', '<=', day)
      .execute();
  }
}

/**
 * What a death and a move out of the province share once the status is set: the open assignments end that day,
 * the person is no longer head of household, the change is audited.
 */
async function leaveRegister(
  trx: Transaction<DB>,
  ctx: Operator,
  person: PersonRow,
  day: PlainDate,
  endReason: string,
  audit: { action: 'register.person_moved_out' | 'register.person_died'; after: Record<string, unknown> },
): Promise<PersonDetail> {
  await endOpenAssignments(trx, person, day, endReason);
  if (person.household_id) await clearHead(trx, person.province_code, person.household_id, person.id);
  await writeAudit(trx, ctx.actor, {
    action: audit.action,
    entityType: 'person',
    entityId: person.id,
    orgPath: person.org_path,
    after: audit.after,
  });
  return getPersonDetail(trx, ctx.scope, person.id);
}

export async function moveOutPerson(ctx: Operator, id: string, input: PersonMoveOut): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const person = await activePerson(trx, ctx, id);
    assertMoveDate(person, input.moveDate);
    await trx
      .insertInto('person_move')
      .values({
        province_code: person.province_code,
        id: newId(),
        person_id: id,
        kind: 'out_of_province',
        move_date: input.moveDate,
        from_village_id: person.village_id,
        from_household_id: person.household_id,
        from_org_path: person.org_path,
        reason: input.destination,
        created_by: ctx.userId,
      })
      .execute();
    await trx
      .updateTable('person')
      .set({ status: 'moved_away', updated_at: new Date() })
      .where('province_code', '=', person.province_code)
      .where('id', '=', id)
      .execute();
    return leaveRegister(trx, ctx, person, input.moveDate, 'Chuyển đi khỏi tỉnh', {
      action: 'register.person_moved_out',
      after: { moveDate: input.moveDate, destination: input.destination },
    });
  });
}

export async function recordDeath(ctx: Operator, id: string, input: PersonDeath): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const person = await activePerson(trx, ctx, id);
    assertFacts({
      sex: person.sex,
      birthDate: person.birth_date,
      birthDatePrecision: person.birth_date_precision,
      deathDate: input.deathDate,
      today: todayInVietnam(),
    });
    await trx
      .updateTable('person')
      .set({
        status: 'deceased',
        death_date: input.deathDate,
        death_cause: input.cause,
        notes: input.notes ? [person.notes, input.notes].filter(Boolean).join('\n') : person.notes,
        updated_at: new Date(),
      })
      .where('province_code', '=', person.province_code)
      .where('id', '=', id)
      .execute();
    return leaveRegister(trx, ctx, person, input.deathDate, 'Đã mất', {
      action: 'register.person_died',
      after: { deathDate: input.deathDate, cause: input.cause },
    });
  });
}

function assertAssignmentDates(person: PersonRow, validFrom: PlainDate) {
  if (validFrom < person.birth_date || validFrom > todayInVietnam()) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'body.validFrom',
        code: 'out_of_range',
        message: 'the start date is before birth or in the future',
      },
    ]);
  }
}

function assertChild(person: PersonRow) {
  if (person.birth_date <= addYears(todayInVietnam(), -CHILD_AGE_LIMIT)) {
    throw new AppError('INVALID_PERSON_FACTS', { problems: ['not_a_child'] }, [
      { path: 'params.id', code: 'not_a_child', message: 'special circumstances apply to children under 16' },
    ]);
  }
}

export async function assignCircumstance(
  ctx: Operator,
  id: string,
  input: CircumstanceInput,
): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const person = await activePerson(trx, ctx, id);
    assertChild(person);
    assertAssignmentDates(person, input.validFrom);
    const group = findSpecialCircumstanceGroup(input.groupCode)!;
    const subGroupCode = input.subGroupCode ?? null;
    if (subGroupCode && !findSubGroup(group.code, subGroupCode)) {
      throw new AppError('SUB_GROUP_UNKNOWN', { groupCode: group.code, subGroupCode });
    }
    const open = await trx
      .selectFrom('circumstance_assignment')
      .select('id')
      .where('province_code', '=', person.province_code)
      .where('person_id', '=', id)
      .where('group_code', '=', group.code)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (open) throw new AppError('CIRCUMSTANCE_ALREADY_OPEN', { assignmentId: open.id });
    const values = {
      province_code: person.province_code,
      id: newId(),
      person_id: id,
      org_path: person.org_path,
      group_code: group.code,
      sub_group_code: subGroupCode,
      valid_from: input.validFrom,
      evidence: input.evidence ?? null,
      notes: input.notes ?? null,
      created_by: ctx.userId,
    };
    await trx.insertInto('circumstance_assignment').values(values).execute();
    await writeAudit(trx, ctx.actor, {
      action: 'register.circumstance_assigned',
      entityType: 'person',
      entityId: id,
      orgPath: person.org_path,
      after: { assignmentId: values.id, groupCode: group.code, subGroupCode, validFrom: input.validFrom },
    });
    return getPersonDetail(trx, ctx.scope, id);
  });
}

async function endAssignment(
  ctx: Operator,
  table: 'circumstance_assignment' | 'at_risk_flag',
  assignmentId: string,
  input: EndAssignment,
): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const assignment = await trx
      .selectFrom(table)
      .select(['province_code', 'person_id', 'valid_from', 'valid_to', 'org_path'])
      .where('id', '=', assignmentId)
      .executeTakeFirst();
    if (!assignment) throw new AppError('NOT_FOUND');
    // Scope is the person's: NOT_FOUND outside it, like every other record.
    await getPersonRow(trx, ctx.scope, assignment.person_id);
    if (assignment.valid_to !== null) throw new AppError('ASSIGNMENT_ALREADY_ENDED');
    if (input.validTo < assignment.valid_from || input.validTo > todayInVietnam()) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'body.validTo',
          code: 'out_of_range',
          message: 'the end date is before the start or in the future',
        },
      ]);
    }
    await trx
      .updateTable(table)
      .set({ valid_to: input.validTo, end_reason: input.reason })
      .where('province_code', '=', assignment.province_code)
      .where('id', '=', assignmentId)
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: table === 'at_risk_flag' ? 'register.flag_ended' : 'register.circumstance_ended',
      entityType: 'person',
      entityId: assignment.person_id,
      orgPath: assignment.org_path,
      after: { assignmentId, validTo: input.validTo },
      reason: input.reason,
    });
    return getPersonDetail(trx, ctx.scope, assignment.person_id);
  });
}

export const endCircumstance = (ctx: Operator, id: string, input: EndAssignment) =>
  endAssignment(ctx, 'circumstance_assignment', id, input);
export const endFlag = (ctx: Operator, id: string, input: EndAssignment) =>
  endAssignment(ctx, 'at_risk_flag', id, input);

export async function assignFlag(ctx: Operator, id: string, input: FlagInput): Promise<PersonDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const person = await activePerson(trx, ctx, id);
    assertChild(person);
    assertAssignmentDates(person, input.validFrom);
    await ensureFlagCatalogue(trx, person.province_code);
    const type = await trx
      .selectFrom('at_risk_flag_type')
      .select('code')
      .where('province_code', '=', person.province_code)
      .where('code', '=', input.flagCode)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!type) throw new AppError('FLAG_TYPE_UNKNOWN', { flagCode: input.flagCode });
    const open = await trx
      .selectFrom('at_risk_flag')
      .select('id')
      .where('province_code', '=', person.province_code)
      .where('person_id', '=', id)
      .where('flag_code', '=', input.flagCode)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (open) throw new AppError('CIRCUMSTANCE_ALREADY_OPEN', { assignmentId: open.id });
    const flagId = newId();
    await trx
      .insertInto('at_risk_flag')
      .values({
        province_code: person.province_code,
        id: flagId,
        person_id: id,
        org_path: person.org_path,
        flag_code: input.flagCode,
        valid_from: input.validFrom,
        notes: input.notes ?? null,
        created_by: ctx.userId,
      })
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'register.flag_assigned',
      entityType: 'person',
      entityId: id,
      orgPath: person.org_path,
      after: { flagId, flagCode: input.flagCode, validFrom: input.validFrom },
    });
    return getPersonDetail(trx, ctx.scope, id);
  });
}
