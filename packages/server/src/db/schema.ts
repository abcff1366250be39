import type { ColumnType, Generated } from 'kysely';

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

export interface DB {
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
}
