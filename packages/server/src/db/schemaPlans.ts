import type { ColumnType } from 'kysely';

/** Tables of plans, targets, activities, trainings and budget (migration 0017). */

/** Calendar dates are `YYYY-MM-DD` strings in both directions (see database.ts type parsers). */
type DateColumn = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as the parsed value, written as JSON text. */
type JsonColumn<T> = ColumnType<T, string, string>;
/** A column the database fills (default or null) when an insert leaves it out. */
type Opt<T> = ColumnType<T, T | undefined, T>;
/** bigint: read as a number (database.ts parses int8), written as a number. */
type BigIntColumn = ColumnType<number | string, number, number>;

export interface PlanTable {
  province_code: string;
  id: string;
  org_unit_id: string;
  org_path: string;
  level: 'province' | 'commune';
  title: string;
  document_number: string | null;
  issued_date: DateColumn | null;
  issued_by: string | null;
  legal_basis: string[];
  general_goal: string | null;
  period_start: number;
  period_end: number;
  status: Opt<'draft' | 'in_force' | 'closed'>;
  template_code: string | null;
  derived_from_plan_id: string | null;
  agencies: JsonColumn<unknown>;
  funding_sources: string[];
  reporting: JsonColumn<unknown>;
  version: Opt<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanTargetTable {
  province_code: string;
  id: string;
  plan_id: string;
  org_path: string;
  sort_order: number;
  code: string;
  text: string;
  en: string | null;
  measure: string | null;
  unit: string;
  direction: string;
  comparator: string | null;
  target_values: JsonColumn<unknown>;
  disaggregation: string[];
  population: string | null;
  responsible_agency: string | null;
  note: string | null;
  indicator_code: string | null;
  source_target_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanActivityTable {
  province_code: string;
  id: string;
  plan_id: string;
  org_path: string;
  sort_order: number;
  code: string | null;
  section: string | null;
  parent_title: string | null;
  title: string;
  en: string | null;
  kind: string;
  lead: string | null;
  partners: string[];
  purpose: string | null;
  details: string[];
  start_date: DateColumn | null;
  end_date: DateColumn | null;
  status: Opt<string>;
  source_activity_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanActivityNoteTable {
  province_code: string;
  id: string;
  activity_id: string;
  org_path: string;
  noted_on: DateColumn;
  text: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Timestamp;
}

export interface PlanActivityDocumentTable {
  province_code: string;
  id: string;
  activity_id: string;
  org_path: string;
  title: string;
  number: string | null;
  issued_on: DateColumn | null;
  reference: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CampaignEventTable {
  province_code: string;
  id: string;
  activity_id: string;
  org_path: string;
  held_on: DateColumn;
  place: string;
  audience: string;
  reach: number;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface TrainingCourseTable {
  province_code: string;
  id: string;
  activity_id: string;
  plan_id: string;
  org_path: string;
  unit_id: string;
  unit_path: string;
  kind: string;
  topic: string;
  trainer: string | null;
  start_date: DateColumn;
  end_date: DateColumn;
  place: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingParticipantTable {
  province_code: string;
  id: string;
  course_id: string;
  org_path: string;
  sort_order: number;
  full_name: string;
  name_folded: string;
  role: string;
  sex: string;
  unit_name: string | null;
  attended: boolean;
}

export interface BudgetLineTable {
  province_code: string;
  id: string;
  activity_id: string;
  plan_id: string;
  org_path: string;
  source: string;
  year: number;
  planned_vnd: BigIntColumn;
  spent_vnd: BigIntColumn;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanTables {
  plan: PlanTable;
  plan_target: PlanTargetTable;
  plan_activity: PlanActivityTable;
  plan_activity_note: PlanActivityNoteTable;
  plan_activity_document: PlanActivityDocumentTable;
  campaign_event: CampaignEventTable;
  training_course: TrainingCourseTable;
  training_participant: TrainingParticipantTable;
  budget_line: BudgetLineTable;
}
