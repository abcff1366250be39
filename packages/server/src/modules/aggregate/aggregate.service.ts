// Aggregate data entry (docs/aggregate-entry.md): the form of a unit and period, and saving entries under the
// rules of packages/shared/src/domain/indicators/entryRules.ts — the same rules the web form applies as one types.
// A save checks, in this order: the unit is in scope (404), the indicator is entered at the unit's level (400) and
// for the period's type (400), by the caller's sector (403), the period is not locked (409), no number is
// impossible (422 AGGREGATE_INVALID), every warning is acknowledged with a comment (422). Then it writes, with one
// audit event per changed entry, in one transaction: a batch is saved whole or not at all.
import {
  AppError,
  checkEntry,
  enteredIndicators,
  entryFields,
  entryFor,
  entryLevelFits,
  entryMessages,
  entrySectorsOf,
  hasPermission,
  newId,
  parsePeriod,
  periodsEndingWith,
  previousPeriod,
  usedNumbers,
  warningsResolved,
  type AggregateBatchItem,
  type AggregateChange,
  type AggregateEntry,
  type AggregateEntryInput,
  type AggregateEntrySave,
  type AggregateForm,
  type AggregateFormRow,
  type AggregateSnapshot,
  type AggregateViolation,
  type AuditAction,
  type EnteredNumbers,
  type EntryIssue,
  type FieldIssue,
  type IndicatorDefinition,
  type PeriodCode,
  type PeriodValue,
  type Sector,
} from '@treem/shared';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import type { AggregateValueTable } from '../../db/schemaAggregate.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import type { Scope } from '../access/scope.ts';
import {
  getEntryUnit,
  lockUnitValues,
  numberOf,
  toAggregateUnit,
  toCellEntry,
  unitValues,
  type EntryUnit,
  type ValueRow,
} from './aggregate.repo.ts';
import { holdPeriod, isPeriodLocked, locksInForce } from './locks.ts';

const savedAction: AuditAction = 'aggregate.entered';

/** How many earlier periods of the same type the form shows and the outlier check reads. */
export const HISTORY_PERIODS = 10;

type EntryFields = z.output<typeof AggregateEntryInput>;
type BatchItem = z.output<typeof AggregateBatchItem>;
type EntrySave = z.output<typeof AggregateEntrySave>;

/** The caller enters data and the indicator belongs to one of their sectors. */
function mayEnter(scope: Scope, indicator: IndicatorDefinition): boolean {
  return (
    hasPermission(scope.role, 'aggregate.enter') &&
    entrySectorsOf(scope.role, scope.sector).includes(indicator.sector)
  );
}

/**
 * The form's indicators: those entered at the unit's level for the period's type — of the caller's sectors for a
 * person who enters data, all of them (to read) for anyone else — optionally of one sector.
 */
function formIndicators(scope: Scope, unit: EntryUnit, period: PeriodCode, sector: Sector | undefined) {
  const type = parsePeriod(period).type;
  const enters = hasPermission(scope.role, 'aggregate.enter');
  return enteredIndicators.filter(
    (indicator) =>
      entryLevelFits(entryFor(indicator.code)!.entry, unit.level) &&
      indicator.periodTypes.includes(type) &&
      (sector === undefined || indicator.sector === sector) &&
      (!enters || mayEnter(scope, indicator)),
  );
}

const earlierPeriods = (period: PeriodCode) => periodsEndingWith(previousPeriod(period), HISTORY_PERIODS);

/** The unit's value of the indicator in the period before, and in the earlier periods that have one. */
function historyOf(rows: readonly ValueRow[], code: string, period: PeriodCode) {
  const byPeriod = new Map(
    rows.filter((row) => row.indicator_code === code).map((row) => [row.period, numberOf(row.value)]),
  );
  const last = previousPeriod(period);
  const lastPeriod: PeriodValue = { period: last, value: byPeriod.get(last) ?? null };
  const history: PeriodValue[] = earlierPeriods(period)
    .filter((p) => byPeriod.has(p))
    .map((p) => ({ period: p, value: byPeriod.get(p) ?? null }));
  return { lastPeriod, history };
}

const knownValues = (history: readonly PeriodValue[]) =>
  history.map((h) => h.value).filter((value): value is number => value !== null);

function rowOf(
  scope: Scope,
  indicator: IndicatorDefinition,
  rows: readonly ValueRow[],
  period: PeriodCode,
  locked: boolean,
): AggregateFormRow {
  const current = rows.find((row) => row.indicator_code === indicator.code && row.period === period);
  return {
    indicatorCode: indicator.code,
    sector: indicator.sector,
    editable: !locked && mayEnter(scope, indicator),
    entry: current ? toCellEntry(current) : null,
    ...historyOf(rows, indicator.code, period),
  };
}

async function formOf(
  db: Executor,
  scope: Scope,
  unit: EntryUnit,
  period: PeriodCode,
  sector?: Sector,
): Promise<AggregateForm> {
  const indicators = formIndicators(scope, unit, period, sector);
  const rows = await unitValues(
    db,
    unit,
    [period, ...earlierPeriods(period)],
    indicators.map((i) => i.code),
  );
  const locks = await locksInForce(db, unit.path, period);
  const locked = locks.length > 0;
  return {
    unit: toAggregateUnit(unit),
    period,
    locked,
    locks,
    rows: indicators.map((indicator) => rowOf(scope, indicator, rows, period, locked)),
  };
}

export async function entryForm(
  db: Executor,
  scope: Scope,
  unitId: string,
  period: PeriodCode,
  sector?: Sector,
): Promise<AggregateForm> {
  return formOf(db, scope, await getEntryUnit(db, scope, unitId), period, sector);
}

interface Item extends EntryFields {
  indicatorCode: string;
  /** Where the item sits in the request, for the issues' paths: `body`, `body.entries.2`. */
  at: string;
}

const sameNumber = (stored: string | null, entered: number | null) =>
  stored === null ? entered === null : entered !== null && Number(stored) === entered;

/** The entered numbers and the comment are those stored (`value` is compared only where it is entered). */
function unchanged(
  row: Selectable<AggregateValueTable>,
  entry: AggregateEntry,
  numbers: EnteredNumbers,
  comment: string | null,
) {
  return (
    entryFields(entry).every((field) => sameNumber(row[field], numbers[field])) && row.comment === comment
  );
}

function snapshot(numbers: EnteredNumbers, value: number | null, comment: string | null): AggregateSnapshot {
  return { numerator: numbers.numerator, denominator: numbers.denominator, value, comment };
}

function snapshotOfRow(row: Selectable<AggregateValueTable>): AggregateSnapshot {
  return {
    numerator: numberOf(row.numerator),
    denominator: numberOf(row.denominator),
    value: numberOf(row.value),
    comment: row.comment,
  };
}

/** Problems of one kind across the items, as the 422's details (Vietnamese messages) and its field issues. */
class Problems {
  readonly violations: AggregateViolation[] = [];
  readonly issues: FieldIssue[] = [];

  add(item: Item, found: readonly EntryIssue<AggregateViolation['code']>[]) {
    for (const problem of found) {
      const message = entryMessages[problem.code].vi;
      this.violations.push({
        indicatorCode: item.indicatorCode,
        code: problem.code,
        field: problem.field,
        message,
      });
      this.issues.push({ path: `${item.at}.${problem.field}`, code: problem.code, message });
    }
  }

  throwIfAny(code: 'AGGREGATE_INVALID' | 'AGGREGATE_WARNINGS_NEED_COMMENT') {
    if (this.violations.length > 0) throw new AppError(code, { violations: this.violations }, this.issues);
  }
}

/** Checks and saves the items for one unit and period; returns the unit. */
async function applyEntries(
  trx: Transaction<DB>,
  ctx: Operator,
  unitId: string,
  period: PeriodCode,
  items: readonly Item[],
): Promise<EntryUnit> {
  const unit = await getEntryUnit(trx, ctx.scope, unitId);
  const type = parsePeriod(period).type;
  const found = items.map((item) => {
    const entered = entryFor(item.indicatorCode);
    if (!entered) throw new AppError('NOT_FOUND', { entity: 'indicator', code: item.indicatorCode });
    const details = { indicatorCode: item.indicatorCode };
    if (!entryLevelFits(entered.entry, unit.level))
      throw new AppError('AGGREGATE_WRONG_LEVEL', {
        ...details,
        level: unit.level,
        entryLevel: entered.entry.level,
      });
    if (!entered.indicator.periodTypes.includes(type))
      throw new AppError('PERIOD_TYPE_NOT_ALLOWED', { ...details, periodType: type });
    if (!mayEnter(ctx.scope, entered.indicator))
      throw new AppError('AGGREGATE_NOT_YOUR_SECTOR', { ...details, sector: entered.indicator.sector });
    return { item, ...entered };
  });
  // Entered at a commune or the province (the level check above): both lie in a province.
  const provinceCode = unit.provinceCode!;
  await holdPeriod(trx, provinceCode, period, 'shared');
  if (await isPeriodLocked(trx, unit.path, period))
    throw new AppError('PERIOD_LOCKED', { unitId: unit.id, period });

  const codes = items.map((item) => item.indicatorCode);
  const current = await lockUnitValues(trx, { ...unit, provinceCode }, period, codes);
  const earlier = await unitValues(trx, unit, earlierPeriods(period), codes);
  const errors = new Problems();
  const warnings = new Problems();
  const changes = [];
  for (const { item, entry } of found) {
    const numbers = usedNumbers(entry, item);
    const comment = item.comment || null;
    const before = current.get(item.indicatorCode);
    // Saving the form again must not ask again about warnings acknowledged before, nor audit a change.
    if (before && unchanged(before, entry, numbers, comment)) continue;
    const { lastPeriod, history } = historyOf(earlier, item.indicatorCode, period);
    const check = checkEntry(item.indicatorCode, numbers, lastPeriod.value, knownValues(history));
    errors.add(item, check.errors);
    if (!warningsResolved(check.warnings, item.acknowledgeWarnings, comment))
      warnings.add(item, check.warnings);
    changes.push({ item, numbers, comment, check, before });
  }
  errors.throwIfAny('AGGREGATE_INVALID');
  warnings.throwIfAny('AGGREGATE_WARNINGS_NEED_COMMENT');

  for (const { item, numbers, comment, check, before } of changes) {
    const warningCodes = check.warnings.map((w) => w.code);
    const row = await trx
      .insertInto('aggregate_value')
      .values({
        province_code: provinceCode,
        id: newId(),
        org_unit_id: unit.id,
        org_path: unit.path,
        period,
        indicator_code: item.indicatorCode,
        numerator: numbers.numerator,
        denominator: numbers.denominator,
        value: check.value,
        comment,
        warnings: warningCodes,
        entered_by: ctx.userId,
      })
      .onConflict((conflict) =>
        conflict.columns(['province_code', 'org_unit_id', 'period', 'indicator_code']).doUpdateSet((eb) => ({
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          value: eb.ref('excluded.value'),
          comment: eb.ref('excluded.comment'),
          warnings: eb.ref('excluded.warnings'),
          entered_by: eb.ref('excluded.entered_by'),
          entered_at: sql`now()`,
          version: sql`aggregate_value.version + 1`,
        })),
      )
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.actor, {
      action: savedAction,
      entityType: 'aggregate_value',
      entityId: row.id,
      orgPath: unit.path,
      before: before ? { ...snapshotOfRow(before), version: before.version } : null,
      after: {
        indicatorCode: item.indicatorCode,
        period,
        unitId: unit.id,
        ...snapshot(numbers, check.value, comment),
        warnings: warningCodes,
        version: row.version,
      },
      reason: warningCodes.length > 0 ? comment : null,
    });
  }
  return unit;
}

/** Saves one entry; the same numbers and comment again change nothing (PUT). */
export async function saveEntry(ctx: Operator, unitId: string, input: EntrySave): Promise<AggregateFormRow> {
  const { period, indicatorCode } = input;
  return inTransaction(ctx.db, async (trx) => {
    const unit = await applyEntries(trx, ctx, unitId, period, [{ ...input, at: 'body' }]);
    const indicator = entryFor(indicatorCode)!.indicator;
    const rows = await unitValues(trx, unit, [period, ...earlierPeriods(period)], [indicatorCode]);
    return rowOf(ctx.scope, indicator, rows, period, false);
  });
}

/** Saves the whole form in one transaction: every entry, or none. Answers with the form as saved. */
export async function saveEntries(
  ctx: Operator,
  unitId: string,
  period: PeriodCode,
  entries: readonly BatchItem[],
): Promise<AggregateForm> {
  return inTransaction(ctx.db, async (trx) => {
    const items = entries.map((entry, index) => ({ ...entry, at: `body.entries.${index}` }));
    const unit = await applyEntries(trx, ctx, unitId, period, items);
    return formOf(trx, ctx.scope, unit, period);
  });
}

function snapshotOf(value: unknown): AggregateSnapshot | null {
  if (!value || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  const numberOrNull = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    numerator: numberOrNull(record.numerator),
    denominator: numberOrNull(record.denominator),
    value: numberOrNull(record.value),
    comment: typeof record.comment === 'string' ? record.comment : null,
  };
}

/** The changes of one entry, oldest first, as the audit log keeps them. */
export async function entryHistory(
  db: Executor,
  scope: Scope,
  unitId: string,
  period: PeriodCode,
  indicatorCode: string,
): Promise<AggregateChange[]> {
  const unit = await getEntryUnit(db, scope, unitId);
  if (!unit.provinceCode) return [];
  const row = await db
    .selectFrom('aggregate_value')
    .select('id')
    .where('province_code', '=', unit.provinceCode)
    .where('org_unit_id', '=', unit.id)
    .where('period', '=', period)
    .where('indicator_code', '=', indicatorCode)
    .executeTakeFirst();
  if (!row) return [];
  const events = await db
    .selectFrom('audit_event')
    .select(['at', 'actor_username', 'before', 'after'])
    .where('entity_type', '=', 'aggregate_value')
    .where('entity_id', '=', row.id)
    .orderBy('seq')
    .execute();
  return events.map((event) => ({
    at: new Date(event.at).toISOString(),
    username: event.actor_username,
    before: snapshotOf(event.before),
    after: snapshotOf(event.after) ?? { numerator: null, denominator: null, value: null, comment: null },
  }));
}
