import { formatPlainDateVi } from '@treem/shared';

/*
 * A history entry's summary is the audit event's `before` / `after` (the fields a change touched), its `reason`, and
 * `fromMergedRecord` when the event happened to a record later merged into this one. These helpers turn it into
 * lines a person can read; pure, so they are unit-tested.
 */

export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistorySummary {
  changes: HistoryChange[];
  reason: string | undefined;
  fromMergedRecord: string | undefined;
  /** Anything else the server put in the summary, shown as it is. */
  other: [string, unknown][];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields whose value did not change are left out: an `after` often repeats the whole record. */
export function readHistorySummary(summary: Record<string, unknown>): HistorySummary {
  const before = isRecord(summary.before) ? summary.before : {};
  const after = isRecord(summary.after) ? summary.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = fields
    .map((field) => ({ field, before: before[field], after: after[field] }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
  const other = Object.entries(summary).filter(
    ([key]) => !['before', 'after', 'reason', 'fromMergedRecord'].includes(key),
  );
  return {
    changes,
    reason: typeof summary.reason === 'string' && summary.reason ? summary.reason : undefined,
    fromMergedRecord: typeof summary.fromMergedRecord === 'string' ? summary.fromMergedRecord : undefined,
    other,
  };
}

/**
 * One value as text: calendar dates dd/MM/yyyy, booleans and empty values by the caller's words, codes of a known
 * vocabulary by their name, anything else as written.
 */
export function historyValueText(
  value: unknown,
  words: { yes: string; no: string; empty: string },
  vocabulary?: Record<string, string>,
): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') {
    if (vocabulary && value in vocabulary) return vocabulary[value] ?? value;
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatPlainDateVi(value) : value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
