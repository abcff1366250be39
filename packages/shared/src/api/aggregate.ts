import { z } from 'zod';
import { enteredIndicators } from '../domain/indicators/catalogue.ts';
import { entryErrorCodes, entryWarningCodes } from '../domain/indicators/entryRules.ts';
import { PeriodCode } from '../domain/indicators/periods.ts';
import { OrgLevel, Sector } from '../permissions.ts';
import { endpoint, Uuid } from './endpoint.ts';

// Aggregate data entry and period locks (docs/aggregate-entry.md). A cell is one unit × period × indicator; the
// unit is a commune or the province, as the catalogue says for each indicator.

const tag = 'Aggregate entry';

const enteredCodes = enteredIndicators.map((indicator) => indicator.code) as [string, ...string[]];
/** An indicator entered by a sector (aggregate, or derived with an entered part). */
export const EnteredIndicatorCode = z.enum(enteredCodes);
export type EnteredIndicatorCode = z.infer<typeof EnteredIndicatorCode>;

export const AggregateRuleCode = z.enum([...entryErrorCodes, ...entryWarningCodes]);
export type AggregateRuleCode = z.infer<typeof AggregateRuleCode>;
export const AggregateWarningCode = z.enum(entryWarningCodes);
export const AggregateField = z.enum(['numerator', 'denominator', 'value']);

/**
 * A number as typed. Not limited here: a negative, fractional or huge number is refused by the entry rules with
 * their own Vietnamese message (422 AGGREGATE_INVALID), not as a malformed request.
 */
const EnteredNumber = z.number().nullable().default(null);

export const AggregateEntryInput = z.strictObject({
  /** A ratio's numerator, or a count. */
  numerator: EnteredNumber,
  denominator: EnteredNumber,
  /** An indicator entered as its value (NPA-13). */
  value: EnteredNumber,
  comment: z.string().trim().max(2000).nullable().default(null),
  /** The person saw the warnings and says the numbers are right (a comment is then required). */
  acknowledgeWarnings: z.boolean().default(false),
});
export type AggregateEntryInput = z.input<typeof AggregateEntryInput>;

export const AggregateBatchItem = AggregateEntryInput.extend({ indicatorCode: EnteredIndicatorCode });
export type AggregateBatchItem = z.input<typeof AggregateBatchItem>;

/** One entry of one cell: the unit is in the path, the period and the indicator here. */
export const AggregateEntrySave = AggregateBatchItem.extend({ period: PeriodCode });
export type AggregateEntrySave = z.input<typeof AggregateEntrySave>;

export const AggregateBatchInput = z.strictObject({
  period: PeriodCode,
  entries: z
    .array(AggregateBatchItem)
    .min(1)
    .max(enteredCodes.length)
    .refine((entries) => new Set(entries.map((e) => e.indicatorCode)).size === entries.length, {
      message: 'each indicator at most once',
    }),
});
export type AggregateBatchInput = z.input<typeof AggregateBatchInput>;

/** One rule an entry breaks, with the message in Vietnamese (the details of a 422). */
export const AggregateViolation = z.object({
  indicatorCode: z.string(),
  code: AggregateRuleCode,
  field: AggregateField,
  message: z.string(),
});
export type AggregateViolation = z.infer<typeof AggregateViolation>;

export const AggregateUnit = z.object({
  id: Uuid,
  name: z.string(),
  fullName: z.string(),
  level: OrgLevel,
  path: z.string(),
});
export type AggregateUnit = z.infer<typeof AggregateUnit>;

export const AggregatePerson = z.object({ id: Uuid, fullName: z.string() });
export type AggregatePerson = z.infer<typeof AggregatePerson>;

export const AggregateCellEntry = z.object({
  id: Uuid,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The indicator's value from the numbers (a count is its number); null for 0 / 0. */
  value: z.number().nullable(),
  comment: z.string().nullable(),
  /** The warnings shown when it was saved, which the person acknowledged. */
  warnings: z.array(AggregateWarningCode),
  enteredBy: AggregatePerson.nullable(),
  enteredAt: z.string(),
  version: z.number().int(),
});
export type AggregateCellEntry = z.infer<typeof AggregateCellEntry>;

export const PeriodValue = z.object({ period: z.string(), value: z.number().nullable() });
export type PeriodValue = z.infer<typeof PeriodValue>;

export const AggregateFormRow = z.object({
  indicatorCode: EnteredIndicatorCode,
  sector: Sector,
  /** The caller may enter it (their sector, and the period is not locked). */
  editable: z.boolean(),
  entry: AggregateCellEntry.nullable(),
  /** The period before of the same type, and the unit's value then (null when none was entered). */
  lastPeriod: PeriodValue,
  /** The unit's values in up to 10 earlier periods of the same type, oldest first: the outlier check's history. */
  history: z.array(PeriodValue),
});
export type AggregateFormRow = z.infer<typeof AggregateFormRow>;

export const PeriodLock = z.object({
  id: Uuid,
  unit: AggregateUnit,
  period: z.string(),
  lockedAt: z.string(),
  /** Null when the system locked it. */
  lockedBy: AggregatePerson.nullable(),
  reason: z.string().nullable(),
  unlockedAt: z.string().nullable(),
  unlockedBy: AggregatePerson.nullable(),
  unlockReason: z.string().nullable(),
});
export type PeriodLock = z.infer<typeof PeriodLock>;

export const AggregateForm = z.object({
  unit: AggregateUnit,
  period: z.string(),
  /** A lock on the unit or on a unit above it holds for this period: nothing can be saved. */
  locked: z.boolean(),
  /** The locks in force for the period: the unit's own and those of the units above it. */
  locks: z.array(PeriodLock),
  /**
   * The indicators entered at the unit's level for the period's type: those of the caller's sectors for a person
   * who enters data, every one (read-only) for a reader. None for a village or the country.
   */
  rows: z.array(AggregateFormRow),
});
export type AggregateForm = z.infer<typeof AggregateForm>;

export const AggregateFormQuery = z.strictObject({ period: PeriodCode, sector: Sector.optional() });
export type AggregateFormQuery = z.input<typeof AggregateFormQuery>;

export const AggregateSnapshot = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
});
export type AggregateSnapshot = z.infer<typeof AggregateSnapshot>;

/** One change of a cell, from the audit log. */
export const AggregateChange = z.object({
  at: z.string(),
  username: z.string().nullable(),
  before: AggregateSnapshot.nullable(),
  after: AggregateSnapshot,
});
export type AggregateChange = z.infer<typeof AggregateChange>;

export const PeriodLockInput = z.strictObject({
  period: PeriodCode,
  /** Why: "Báo cáo 6 tháng đầu năm 2025 đã được phê duyệt". */
  reason: z.string().trim().max(500).nullable().default(null),
});
export type PeriodLockInput = z.input<typeof PeriodLockInput>;

export const PeriodUnlockInput = z.strictObject({
  period: PeriodCode,
  reason: z.string().trim().min(3).max(500),
});
export type PeriodUnlockInput = z.input<typeof PeriodUnlockInput>;

const UnitParams = z.strictObject({ unitId: Uuid });
export const AggregateHistoryQuery = z.strictObject({
  period: PeriodCode,
  indicatorCode: EnteredIndicatorCode,
});
export type AggregateHistoryQuery = z.input<typeof AggregateHistoryQuery>;

// The unit is the only path parameter; the period and the indicator travel in the query or the body, so a request
// is read whole before anything is looked up.
export const aggregateEndpoints = {
  form: endpoint({
    method: 'GET',
    path: '/api/aggregate/units/:unitId/entries',
    permission: 'indicator.read',
    summary:
      "The entry form of a unit and period: each indicator entered at the unit's level with its entry, last period's value, the unit's history and the period's locks",
    tag,
    params: UnitParams,
    query: AggregateFormQuery,
    response: AggregateForm,
  }),
  saveAll: endpoint({
    method: 'PUT',
    path: '/api/aggregate/units/:unitId/entries',
    permission: 'aggregate.enter',
    summary:
      'Save the whole form in one transaction: every entry is saved, or none (422 lists every problem)',
    tag,
    params: UnitParams,
    body: AggregateBatchInput,
    response: AggregateForm,
  }),
  save: endpoint({
    method: 'PUT',
    path: '/api/aggregate/units/:unitId/entry',
    permission: 'aggregate.enter',
    summary:
      "Save one entry (the same numbers again change nothing): validation rules, the caller's sector, the unit's level, locks",
    tag,
    params: UnitParams,
    body: AggregateEntrySave,
    response: AggregateFormRow,
  }),
  history: endpoint({
    method: 'GET',
    path: '/api/aggregate/units/:unitId/entry-history',
    permission: 'indicator.read',
    summary: 'The changes of one entry, oldest first, from the audit log',
    tag,
    params: UnitParams,
    query: AggregateHistoryQuery,
    response: z.object({ items: z.array(AggregateChange) }),
  }),
  locks: endpoint({
    method: 'GET',
    path: '/api/aggregate/units/:unitId/locks',
    permission: 'indicator.read',
    summary: 'The period locks of a unit and of the units above it, in force or lifted, newest first',
    tag,
    params: UnitParams,
    response: z.object({ items: z.array(PeriodLock) }),
  }),
  lock: endpoint({
    method: 'POST',
    path: '/api/aggregate/units/:unitId/locks',
    permission: 'aggregate.lock',
    summary: 'Lock a province or commune for a period: no entry inside it can change until unlocked',
    tag,
    params: UnitParams,
    body: PeriodLockInput,
    response: PeriodLock,
    successStatus: 201,
  }),
  unlock: endpoint({
    method: 'POST',
    path: '/api/aggregate/units/:unitId/unlock',
    permission: 'aggregate.lock',
    summary: "Lift a unit's lock for a period, with a reason",
    tag,
    params: UnitParams,
    body: PeriodUnlockInput,
    response: PeriodLock,
  }),
};
