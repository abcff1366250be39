import type { ColumnType } from 'kysely';

/** Tables of aggregate data entry and period locks (migration 0016). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `numeric` comes back as text from both drivers; the repository turns it into a number. */
type Numeric = ColumnType<string | null, number | null, number | null>;

export interface AggregateValueTable {
  province_code: string;
  id: string;
  org_unit_id: string;
  org_path: string;
  period: string;
  indicator_code: string;
  numerator: Numeric;
  denominator: Numeric;
  value: Numeric;
  comment: string | null;
  warnings: ColumnType<string[], string[] | undefined, string[]>;
  entered_by: string | null;
  entered_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface PeriodLockTable {
  province_code: string;
  id: string;
  org_unit_id: string;
  org_path: string;
  period: string;
  locked_by: string | null;
  locked_at: Timestamp;
  reason: string | null;
  unlocked_by: string | null;
  unlocked_at: TimestampNullable;
  unlock_reason: string | null;
}

export interface AggregateTables {
  aggregate_value: AggregateValueTable;
  period_lock: PeriodLockTable;
}
