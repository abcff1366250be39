// Plans and what hangs on them, written straight into the database for tests that need one to exist (the
// permissions matrix, scope and attendance tests). The API tests make theirs through the API.
import {
  emptyPlanReporting,
  foldVietnamese,
  newId,
  type ParticipantRole,
  type PlanTargetValue,
} from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { SeedUnit } from '../../../testing/factories.ts';
import { provinceCodeOfPath } from '../../register/registerScope.ts';

export interface SeedPlan {
  id: string;
  provinceCode: string;
  orgPath: string;
  unitId: string;
}

export interface SeedRecord {
  id: string;
  plan: SeedPlan;
}

export async function seedPlan(
  db: Kysely<DB>,
  unit: SeedUnit,
  options: {
    status?: 'draft' | 'in_force' | 'closed';
    title?: string;
    periodStart?: number;
    periodEnd?: number;
  } = {},
): Promise<SeedPlan> {
  const plan = {
    id: newId(),
    provinceCode: provinceCodeOfPath(unit.path),
    orgPath: unit.path,
    unitId: unit.id,
  };
  await db
    .insertInto('plan')
    .values({
      province_code: plan.provinceCode,
      id: plan.id,
      org_unit_id: unit.id,
      org_path: unit.path,
      level: unit.path.split('.').length === 2 ? 'province' : 'commune',
      title: options.title ?? `Kế hoạch ${unit.name}`,
      document_number: null,
      issued_date: null,
      issued_by: null,
      legal_basis: [],
      general_goal: null,
      period_start: options.periodStart ?? 2021,
      period_end: options.periodEnd ?? 2030,
      status: options.status ?? 'draft',
      template_code: null,
      derived_from_plan_id: null,
      agencies: '[]',
      funding_sources: [],
      reporting: JSON.stringify(emptyPlanReporting),
      created_by: null,
    })
    .execute();
  return plan;
}

const owner = (plan: SeedPlan) => ({ province_code: plan.provinceCode, org_path: plan.orgPath });

export async function seedTarget(
  db: Kysely<DB>,
  plan: SeedPlan,
  options: {
    code?: string;
    indicatorCode?: string | null;
    values?: PlanTargetValue[];
    comparator?: '>=' | '>' | '<=' | '<' | '=';
  } = {},
): Promise<SeedRecord> {
  const id = newId();
  await db
    .insertInto('plan_target')
    .values({
      ...owner(plan),
      id,
      plan_id: plan.id,
      sort_order: 1,
      code: options.code ?? `T${id.slice(-6)}`,
      text: 'Tỷ lệ trẻ em được tiếp cận dịch vụ đạt 80% vào năm 2025',
      en: null,
      measure: null,
      unit: 'percent',
      direction: 'increase',
      comparator: options.comparator ?? '>=',
      target_values: JSON.stringify(options.values ?? [{ year: 2025, value: 80 }]),
      disaggregation: [],
      population: null,
      responsible_agency: null,
      note: null,
      indicator_code: options.indicatorCode ?? null,
      source_target_id: null,
    })
    .execute();
  return { id, plan };
}

export async function seedActivity(
  db: Kysely<DB>,
  plan: SeedPlan,
  options: { kind?: string; status?: string; title?: string } = {},
): Promise<SeedRecord> {
  const id = newId();
  await db
    .insertInto('plan_activity')
    .values({
      ...owner(plan),
      id,
      plan_id: plan.id,
      sort_order: 1,
      code: 'A1',
      section: null,
      parent_title: null,
      title: options.title ?? 'Tập huấn kỹ năng chăm sóc trẻ',
      en: null,
      kind: options.kind ?? 'capacity_building',
      lead: null,
      partners: [],
      purpose: null,
      details: [],
      start_date: null,
      end_date: null,
      status: options.status ?? 'planned',
      source_activity_id: null,
    })
    .execute();
  return { id, plan };
}

export interface SeedParticipant {
  fullName: string;
  role: ParticipantRole;
  attended: boolean;
  sex?: 'male' | 'female';
}

export async function seedTraining(
  db: Kysely<DB>,
  activity: SeedRecord,
  options: {
    /** The unit that ran it; the plan's unit when left out. */
    unit?: SeedUnit;
    startDate?: string;
    endDate?: string;
    kind?: 'training' | 'parenting_session';
    participants?: SeedParticipant[];
  } = {},
): Promise<SeedRecord> {
  const id = newId();
  const { plan } = activity;
  await db
    .insertInto('training_course')
    .values({
      ...owner(plan),
      id,
      activity_id: activity.id,
      plan_id: plan.id,
      unit_id: options.unit?.id ?? plan.unitId,
      unit_path: options.unit?.path ?? plan.orgPath,
      kind: options.kind ?? 'training',
      topic: 'Chăm sóc phát triển toàn diện trẻ em',
      trainer: null,
      start_date: options.startDate ?? options.endDate ?? '2025-03-10',
      end_date: options.endDate ?? '2025-03-12',
      place: null,
      created_by: null,
    })
    .execute();
  const participants = options.participants ?? [];
  if (participants.length > 0)
    await db
      .insertInto('training_participant')
      .values(
        participants.map((participant, index) => ({
          ...owner(plan),
          id: newId(),
          course_id: id,
          sort_order: index + 1,
          full_name: participant.fullName,
          name_folded: foldVietnamese(participant.fullName),
          role: participant.role,
          sex: participant.sex ?? 'female',
          unit_name: null,
          attended: participant.attended,
        })),
      )
      .execute();
  return { id, plan };
}

export async function seedBudgetLine(
  db: Kysely<DB>,
  activity: SeedRecord,
  options: { source?: string; year?: number; plannedVnd?: number; spentVnd?: number } = {},
): Promise<SeedRecord> {
  const id = newId();
  await db
    .insertInto('budget_line')
    .values({
      ...owner(activity.plan),
      id,
      activity_id: activity.id,
      plan_id: activity.plan.id,
      source: options.source ?? 'state_province',
      year: options.year ?? 2025,
      planned_vnd: options.plannedVnd ?? 10_000_000,
      spent_vnd: options.spentVnd ?? 0,
      note: null,
      created_by: null,
    })
    .execute();
  return { id, plan: activity.plan };
}

export async function seedDocument(db: Kysely<DB>, activity: SeedRecord): Promise<string> {
  const id = newId();
  await db
    .insertInto('plan_activity_document')
    .values({
      ...owner(activity.plan),
      id,
      activity_id: activity.id,
      title: 'Công văn triển khai',
      number: '12/UBND',
      issued_on: '2025-02-01',
      reference: null,
      created_by: null,
    })
    .execute();
  return id;
}

export async function seedCampaignEvent(db: Kysely<DB>, activity: SeedRecord): Promise<string> {
  const id = newId();
  await db
    .insertInto('campaign_event')
    .values({
      ...owner(activity.plan),
      id,
      activity_id: activity.id,
      held_on: '2025-06-01',
      place: 'Nhà văn hóa thôn',
      audience: 'Cha mẹ có con dưới 6 tuổi',
      reach: 120,
      note: null,
      created_by: null,
    })
    .execute();
  return id;
}

/** Row counts of the plan tables: a refused write must leave every one unchanged. */
export async function planTableCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = [
    'plan',
    'plan_target',
    'plan_activity',
    'plan_activity_note',
    'plan_activity_document',
    'campaign_event',
    'training_course',
    'training_participant',
    'budget_line',
    'audit_event',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
