import type { ColumnType, Generated } from 'kysely';
import type { AggregateTables } from './schemaAggregate.ts';
import type { PlanTables } from './schemaPlans.ts';

/** Calendar dates are `YYYY-MM-DD` strings in both directions (see database.ts type parsers). */
type DateColumn = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrgUnitTable {
  id: string;
  generation: 'current' | 'y2008' | 'village';
  level: 'country' | 'province' | 'district' | 'commune' | 'village';
  code: string;
  name: string;
  full_name: string;
  name_search: string;
  type: string;
  type_code: string;
  parent_id: string | null;
  path: string;
  province_code: string | null;
  region: string | null;
  name_en: string | null;
  reach_paths: ColumnType<string | null, string | null | undefined, string | null>;
  valid_from: DateColumn | null;
  valid_to: DateColumn | null;
  closed_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitSuccessorTable {
  predecessor_id: string;
  successor_id: string;
  merge_type: 'full' | 'partial';
  effective_date: DateColumn;
  note: string | null;
}

export interface OrgUnitChangeTable {
  id: Generated<number>;
  org_unit_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  effective_date: DateColumn;
  reason: string | null;
  created_at: Timestamp;
}

export interface ReferenceDataLoadTable {
  name: string;
  checksum: string;
  row_count: number;
  loaded_at: Timestamp;
}

export interface AppUserTable {
  id: string;
  username: string;
  full_name: string;
  full_name_search: string;
  email: string | null;
  phone: string | null;
  role: string;
  sector: string | null;
  status: Generated<'active' | 'disabled'>;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: TimestampNullable;
  last_login_at: TimestampNullable;
  mfa_secret: string | null;
  mfa_enabled: Generated<boolean>;
  mfa_last_step: number | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserScopeTable {
  user_id: string;
  org_unit_id: string;
}

export interface UserRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: TimestampNullable;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_pending: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_path: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

type JsonColumn<T> = ColumnType<T, string, string>;
/** A column the database fills (default or null) when an insert leaves it out. */
type Opt<T> = ColumnType<T, T | undefined, T>;

export interface HouseholdTable {
  province_code: string;
  id: string;
  village_id: string;
  org_path: string;
  book_number: Opt<string | null>;
  address: string;
  head_person_id: Opt<string | null>;
  poverty_status: Opt<'poor' | 'near_poor' | 'none'>;
  poverty_year: Opt<number | null>;
  phone: Opt<string | null>;
  notes: Opt<string | null>;
  status: Opt<'active' | 'moved_away' | 'dissolved'>;
  import_key: Opt<string | null>;
  created_by: Opt<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  province_code: string;
  id: string;
  household_id: Opt<string | null>;
  village_id: string;
  org_path: string;
  full_name: string;
  name_search: string;
  sex: 'male' | 'female';
  birth_date: DateColumn;
  birth_date_precision: Opt<'day' | 'month' | 'year'>;
  personal_id: Opt<string | null>;
  ethnicity_code: Opt<string>;
  nationality: Opt<string>;
  relationship_to_head: Opt<string | null>;
  birth_registered: Opt<boolean | null>;
  birth_registration_date: Opt<DateColumn | null>;
  birth_registration_place: Opt<string | null>;
  disability_type: Opt<string | null>;
  disability_level: Opt<'mild' | 'severe' | 'very_severe' | null>;
  school_name: Opt<string | null>;
  school_level: Opt<string | null>;
  health_insurance_number: Opt<string | null>;
  has_health_insurance: Opt<boolean | null>;
  living_arrangement: Opt<string | null>;
  mother_id: Opt<string | null>;
  father_id: Opt<string | null>;
  caregiver_id: Opt<string | null>;
  phone: Opt<string | null>;
  notes: Opt<string | null>;
  status: Opt<'active' | 'moved_away' | 'deceased' | 'archived' | 'merged'>;
  death_date: Opt<DateColumn | null>;
  death_cause: Opt<string | null>;
  merged_into_id: Opt<string | null>;
  import_key: Opt<string | null>;
  created_by: Opt<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonMoveTable {
  province_code: string;
  id: string;
  person_id: string;
  kind: 'within_commune' | 'between_communes' | 'out_of_province' | 'into_register';
  move_date: DateColumn;
  from_village_id: Opt<string | null>;
  to_village_id: Opt<string | null>;
  from_household_id: Opt<string | null>;
  to_household_id: Opt<string | null>;
  from_org_path: Opt<string | null>;
  to_org_path: Opt<string | null>;
  reason: Opt<string | null>;
  created_by: Opt<string | null>;
  created_at: Timestamp;
}

export interface CircumstanceAssignmentTable {
  province_code: string;
  id: string;
  person_id: string;
  org_path: string;
  group_code: string;
  sub_group_code: Opt<string | null>;
  valid_from: DateColumn;
  valid_to: Opt<DateColumn | null>;
  evidence: Opt<string | null>;
  notes: Opt<string | null>;
  end_reason: Opt<string | null>;
  created_by: Opt<string | null>;
  created_at: Timestamp;
}

export interface AtRiskFlagTypeTable {
  province_code: string;
  code: string;
  name_vi: string;
  name_en: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface AtRiskFlagTable {
  province_code: string;
  id: string;
  person_id: string;
  org_path: string;
  flag_code: string;
  valid_from: DateColumn;
  valid_to: Opt<DateColumn | null>;
  notes: Opt<string | null>;
  end_reason: Opt<string | null>;
  created_by: Opt<string | null>;
  created_at: Timestamp;
}

export interface DuplicateDismissalTable {
  province_code: string;
  person_a_id: string;
  person_b_id: string;
  reason: Opt<string | null>;
  dismissed_by: Opt<string | null>;
  dismissed_at: Timestamp;
}

export interface PersonMergeTable {
  province_code: string;
  id: string;
  kept_id: string;
  merged_id: string;
  snapshot: JsonColumn<unknown>;
  reason: Opt<string | null>;
  merged_by: Opt<string | null>;
  merged_at: Timestamp;
}

export interface RegisterImportTable {
  province_code: string;
  id: string;
  commune_id: string;
  org_path: string;
  file_name: string;
  file_format: 'xlsx' | 'csv';
  file_sha256: string;
  file_bytes: Buffer;
  headers: ColumnType<string[], string | undefined, string>;
  mapping: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  status: ColumnType<
    'uploaded' | 'validating' | 'validated' | 'importing' | 'imported' | 'failed',
    'uploaded' | 'validating' | 'validated' | 'importing' | 'imported' | 'failed' | undefined
  >;
  total_rows: ColumnType<number, number | undefined, number>;
  processed_rows: ColumnType<number, number | undefined, number>;
  error_count: ColumnType<number, number | undefined, number>;
  errors: ColumnType<unknown[], string | undefined, string>;
  warning_count: ColumnType<number, number | undefined, number>;
  warnings: ColumnType<unknown[], string | undefined, string>;
  created_households: ColumnType<number, number | undefined, number>;
  created_persons: ColumnType<number, number | undefined, number>;
  skipped_persons: ColumnType<number, number | undefined, number>;
  failure: Opt<string | null>;
  created_by: Opt<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type Num = number | null;
type Band = 'severe' | 'moderate' | 'none' | null;

export interface GrowthMeasurementTable {
  province_code: string;
  id: string;
  person_id: string;
  measured_on: DateColumn;
  weight_kg: Num;
  length_height_cm: Num;
  position: 'lying' | 'standing' | null;
  head_circumference_cm: Num;
  muac_cm: Num;
  oedema: ColumnType<boolean, boolean | undefined, boolean>;
  measured_by: string | null;
  place: string | null;
  note: string | null;
  scored_sex: 'male' | 'female';
  scored_birth_date: DateColumn;
  scored_birth_precision: 'day' | 'month' | 'year';
  age_days: Num;
  standard: 'WHO2006' | 'WHO2007' | null;
  adjusted_length_height_cm: Num;
  bmi: Num;
  z_wfa: Num;
  z_lhfa: Num;
  z_wflh: Num;
  z_bmifa: Num;
  z_hcfa: Num;
  z_acfa: Num;
  f_wfa: boolean;
  f_lhfa: boolean;
  f_wflh: boolean;
  f_bmifa: boolean;
  f_hcfa: boolean;
  f_acfa: boolean;
  underweight: Band;
  stunting: Band;
  wasting: Band;
  overweight: 'obese' | 'overweight' | 'none' | null;
  thinness: Band;
  malnourished: boolean;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ImmunizationDoseTable {
  province_code: string;
  id: string;
  person_id: string;
  vaccine_code: string;
  dose_number: Num;
  given_on: DateColumn;
  place: string | null;
  lot: string | null;
  source: ColumnType<'manual' | 'import' | 'demo', 'manual' | 'import' | 'demo' | undefined, never>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface DevelopmentScreeningTable {
  province_code: string;
  id: string;
  person_id: string;
  screened_on: DateColumn;
  tool: string;
  domains: string[];
  result: 'on_track' | 'needs_follow_up' | 'referred';
  milestones_not_met: ColumnType<string[], string[] | undefined, string[]>;
  follow_up_on: DateColumn | null;
  follow_up_done_on: DateColumn | null;
  follow_up_note: string | null;
  screened_by: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface EcdServiceContactTable {
  province_code: string;
  id: string;
  person_id: string;
  service_code: string;
  domain: string;
  received_on: DateColumn;
  caregiver_person_id: string | null;
  provider: string | null;
  outcome: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SchoolEnrolmentTable {
  province_code: string;
  id: string;
  person_id: string;
  school_year: string;
  level: 'nursery' | 'kindergarten' | 'primary' | 'lower_secondary';
  school_name: string;
  status: 'enrolled' | 'completed' | 'dropped_out' | 'transferred';
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EcdChildSummaryTable {
  province_code: string;
  person_id: string;
  summary_version: string;
  sex: string;
  birth_date: DateColumn;
  birth_date_precision: string;
  /** `datemultirange` text, e.g. `{[2025-01-02,2030-01-01)}`. */
  overdue_periods: string;
  /** `datemultirange`: per pending dose, [due date, end of its month or its upper age). */
  due_periods: string;
  pending_doses: ColumnType<unknown, string, string>;
  last_measured_on: DateColumn | null;
  last_malnourished: boolean;
  last_classification: ColumnType<unknown, string | null, string | null>;
  refreshed_at: Timestamp;
  org_path: string;
  village_id: string;
  name_search: string;
  status: string;
  /** The register changed the child since the row was built (or the row is a stub): rebuild before a list. */
  stale: ColumnType<boolean, boolean | undefined, boolean>;
  /** The earliest follow-up date of the child's open screening follow-ups. */
  open_follow_up_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
}

/**
 * Per-child indicator facts (migration 0018, modules/indicators/factTable.ts). Built and read in SQL only; the
 * `datemultirange` columns are not listed.
 */
export interface IndicatorFactTable {
  province_code: string;
  person_id: string;
  org_path: string;
  sex: string;
  birth_date: DateColumn;
  status: string;
  refreshed_at: Timestamp;
}

/** Indicator tallies (migration 0019, modules/indicators/tallies.ts): read and written in SQL. */
export interface IndicatorTallyTable {
  province_code: string;
  period: string;
  village_id: string;
  sex: string;
  age_group: string;
  ethnicity_code: string;
  disability_type: string;
  counts: number[];
}

/** The children whose indicator facts are rebuilt before their province is next counted. */
export interface IndicatorFactStaleTable {
  province_code: string;
  person_id: string;
}

/** The rules (`FACT_VERSION`) a province's indicator facts were built with. */
export interface IndicatorFactBuildTable {
  province_code: string;
  version: string;
  built_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ServiceProviderTable {
  province_code: string;
  id: string;
  owner_unit_id: string;
  org_path: string;
  name: string;
  name_search: string;
  sector: string;
  level: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  opening_hours: string | null;
  open_24_hours: Opt<boolean>;
  services: string[];
  notes: string | null;
  active: Opt<boolean>;
  deactivated_at: TimestampNullable;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceProviderCoverageTable {
  province_code: string;
  provider_id: string;
  org_unit_id: string;
  org_path: string;
}

export interface ServiceProviderMemberTable {
  province_code: string;
  provider_id: string;
  user_id: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface ProtectionCaseTable {
  province_code: string;
  id: string;
  case_number: string;
  person_id: string | null;
  child_name: string | null;
  child_sex: 'male' | 'female' | null;
  child_birth_year: number | null;
  child_address: string | null;
  commune_id: string;
  org_path: string;
  step: string;
  urgent: Generated<boolean>;
  risk_level: 'high' | 'medium' | 'low' | null;
  concern_types: string[];
  extra_confidential: Generated<boolean>;
  received_at: Timestamp;
  channel: string;
  source: string;
  reporter_anonymous: Generated<boolean>;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_relation: string | null;
  description: string;
  occurred_on: DateColumn | null;
  occurred_place: string | null;
  reported_by: string;
  due_at: TimestampNullable;
  due_kind: string | null;
  plan_due_at: TimestampNullable;
  step_changed_at: Timestamp;
  closed_at: TimestampNullable;
  close_reason: string | null;
  transfer_to_commune_id: string | null;
  transfer_requested_at: TimestampNullable;
  transfer_requested_by: string | null;
  transfer_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProtectionCaseCounterTable {
  province_code: string;
  year: number;
  last_number: number;
}

export interface CaseEventTable {
  province_code: string;
  id: string;
  case_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  kind: string;
  from_step: string | null;
  to_step: string | null;
  data: ColumnType<unknown, string, string>;
}

export interface CaseMemberTable {
  province_code: string;
  case_id: string;
  user_id: string;
  added_at: Generated<Date>;
  added_by: string | null;
  removed_at: TimestampNullable;
}

export interface CaseShareTable {
  province_code: string;
  id: string;
  case_id: string;
  user_id: string;
  reason: string;
  shared_by: string;
  shared_at: Generated<Date>;
  expires_on: DateColumn | null;
  revoked_at: TimestampNullable;
  revoked_by: string | null;
}

export interface CaseNoteTable {
  province_code: string;
  id: string;
  case_id: string;
  author_id: string;
  written_at: Generated<Date>;
  body: string;
  extra_confidential: Generated<boolean>;
}

export interface CasePlanActionTable {
  province_code: string;
  id: string;
  case_id: string;
  plan_number: number;
  position: number;
  description: string;
  responsible: string;
  due_on: DateColumn;
  service_code: string | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  done_on: DateColumn | null;
  outcome: string | null;
  updated_at: Generated<Date>;
}

export interface ReferralTable {
  province_code: string;
  id: string;
  case_id: string | null;
  person_id: string | null;
  org_path: string;
  provider_id: string;
  service_code: string;
  reason: string;
  urgency: 'routine' | 'urgent' | 'emergency';
  consent_noted: boolean;
  consent_note: string | null;
  status: Generated<'sent' | 'accepted' | 'declined' | 'completed' | 'cancelled'>;
  sent_at: Timestamp;
  sent_by: string;
  response_due_at: Timestamp;
  responded_at: TimestampNullable;
  responded_by: string | null;
  response_note: string | null;
  completed_at: TimestampNullable;
  outcome: string | null;
  recorded_by: string | null;
  cancelled_at: TimestampNullable;
  cancel_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CarePlacementTable {
  province_code: string;
  id: string;
  person_id: string;
  case_id: string | null;
  commune_id: string;
  org_path: string;
  kind: 'relative' | 'non_relative' | 'institution';
  carer_name: string;
  carer_relation: string | null;
  carer_address: string | null;
  carer_phone: string | null;
  provider_id: string | null;
  status: Generated<'proposed' | 'decided' | 'placed' | 'terminated' | 'rejected'>;
  proposed_at: Timestamp;
  proposed_by: string;
  proposal_note: string | null;
  decision_number: string | null;
  decided_on: DateColumn | null;
  decided_by: string | null;
  handover_due_at: TimestampNullable;
  handed_over_on: DateColumn | null;
  terminated_on: DateColumn | null;
  termination_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CareVisitTable {
  province_code: string;
  id: string;
  placement_id: string;
  visited_on: DateColumn;
  visited_by: string;
  wellbeing: 'good' | 'concern' | 'at_risk';
  findings: string;
  next_visit_on: DateColumn | null;
  created_at: Generated<Date>;
}

export interface CaseSettingTable {
  province_code: string;
  deadline_overrides: ColumnType<unknown, string | undefined, string>;
  extra_days_off: ColumnType<unknown, string | undefined, string>;
  extra_working_days: ColumnType<unknown, string | undefined, string>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface DB extends AggregateTables, PlanTables {
  org_unit: OrgUnitTable;
  org_unit_successor: OrgUnitSuccessorTable;
  org_unit_change: OrgUnitChangeTable;
  reference_data_load: ReferenceDataLoadTable;
  app_user: AppUserTable;
  user_scope: UserScopeTable;
  user_recovery_code: UserRecoveryCodeTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
  household: HouseholdTable;
  person: PersonTable;
  person_move: PersonMoveTable;
  circumstance_assignment: CircumstanceAssignmentTable;
  at_risk_flag_type: AtRiskFlagTypeTable;
  at_risk_flag: AtRiskFlagTable;
  duplicate_dismissal: DuplicateDismissalTable;
  person_merge: PersonMergeTable;
  register_import: RegisterImportTable;
  growth_measurement: GrowthMeasurementTable;
  immunization_dose: ImmunizationDoseTable;
  development_screening: DevelopmentScreeningTable;
  ecd_service_contact: EcdServiceContactTable;
  school_enrolment: SchoolEnrolmentTable;
  ecd_child_summary: EcdChildSummaryTable;
  indicator_fact: IndicatorFactTable;
  indicator_fact_stale: IndicatorFactStaleTable;
  indicator_fact_build: IndicatorFactBuildTable;
  indicator_tally: IndicatorTallyTable;
  service_provider: ServiceProviderTable;
  service_provider_coverage: ServiceProviderCoverageTable;
  service_provider_member: ServiceProviderMemberTable;
  protection_case: ProtectionCaseTable;
  protection_case_counter: ProtectionCaseCounterTable;
  case_event: CaseEventTable;
  case_member: CaseMemberTable;
  case_share: CaseShareTable;
  case_note: CaseNoteTable;
  case_plan_action: CasePlanActionTable;
  referral: ReferralTable;
  care_placement: CarePlacementTable;
  care_visit: CareVisitTable;
  case_setting: CaseSettingTable;
}
