import {
  AppError,
  findIndicator,
  indicatorCatalogue,
  indicatorStatus,
  parsePeriod,
  periodsEndingWith,
  targetForYear,
  unitFactor,
  type Disaggregation,
  type IndicatorCell,
  type IndicatorDefinition,
  type IndicatorOverview,
  type IndicatorStatus,
  type IndicatorSummary,
  type IndicatorTarget,
  type IndicatorTrend,
  type IndicatorUnitRef,
  type IndicatorValues,
  type Period,
} from '@treem/shared';
import type { Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { enteredRows } from '../aggregate/aggregateValues.ts';
import { targetsForIndicator } from '../plans/planTargets.ts';
import { trainedCounts } from '../plans/trainings.ts';
import { communeCoverage } from '../providers/coverage.ts';
import { provinceCodeOfPath } from '../register/registerScope.ts';
import { computeCounts, type ComputedIndicator, type Counts } from './engine.ts';

/**
 * Indicator values for the API (docs/indicators.md): the engine's counts (computed indicators), the sectors'
 * entries (aggregate), or both sources (derived), turned into cells with value, completeness, targets and status.
 */

export interface IndicatorUnit extends IndicatorUnitRef {
  provinceCode: string;
}

interface AreaUnit extends IndicatorUnitRef {
  /** Urban (phường) or rural, for the targets a plan sets per group. */
  residence: 'urban' | 'rural' | null;
}

export function summarise(indicator: IndicatorDefinition): IndicatorSummary {
  const entry = indicator.kind === 'computed' ? undefined : indicator.entry;
  return {
    code: indicator.code,
    kind: indicator.kind,
    name: indicator.name,
    definition: indicator.definition,
    numeratorText: indicator.numeratorText,
    denominatorText: indicator.denominatorText,
    unit: indicator.unit,
    direction: indicator.direction,
    periodTypes: [...indicator.periodTypes],
    disaggregations: [...indicator.disaggregations],
    sector: indicator.sector,
    group: indicator.group,
    references: [...indicator.references],
    confidence: indicator.confidence,
    note: indicator.note ?? null,
    entryLevel: entry?.level ?? null,
    confidential: indicator.kind === 'computed' && indicator.computed.confidential === true,
  };
}

export function catalogue(): { items: IndicatorSummary[] } {
  return { items: indicatorCatalogue.map(summarise) };
}

export function indicatorOrThrow(code: string): IndicatorDefinition {
  const indicator = findIndicator(code);
  if (!indicator) throw new AppError('NOT_FOUND', { entity: 'indicator' });
  return indicator;
}

/** The unit a number is asked for: a province, commune or village inside the caller's scope (404 otherwise). */
export async function resolveUnit(db: Executor, scope: Scope, unitId: string): Promise<IndicatorUnit> {
  const unit = await db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.level', 'o.path', 'o.province_code'])
    .where('o.id', '=', unitId)
    .where('o.generation', 'in', ['current', 'village'])
    .where('o.level', 'in', ['province', 'commune', 'village'])
    .where(withinScope('o.path', scope))
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  return {
    id: unit.id,
    name: unit.name,
    level: unit.level,
    path: unit.path,
    provinceCode: unit.province_code ?? provinceCodeOfPath(unit.path),
  };
}

async function areasOf(db: Executor, unit: IndicatorUnit): Promise<AreaUnit[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'level', 'path', 'type_code'])
    .where('parent_id', '=', unit.id)
    .where('generation', 'in', ['current', 'village'])
    .where('valid_to', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    level: row.level,
    path: row.path,
    residence: row.level === 'commune' ? (row.type_code === 'phuong' ? 'urban' : 'rural') : null,
  }));
}

/** The area (one level below the unit) a path falls in. */
function areaOf(unitPath: string, path: string): string {
  return path
    .split('.')
    .slice(0, unitPath.split('.').length + 1)
    .join('.');
}

interface Tally {
  numerator: number;
  denominator: number;
  population: number;
  complete: number;
  /** Aggregate entries: units that entered. */
  entered: number;
  /** Aggregate entries: an entered value (the `value` field) when the indicator is entered as its value. */
  values: number[];
}

const emptyTally = (): Tally => ({
  numerator: 0,
  denominator: 0,
  population: 0,
  complete: 0,
  entered: 0,
  values: [],
});

function addCounts(tally: Tally, counts: Counts): void {
  tally.numerator += counts.numerator;
  tally.denominator += counts.denominator;
  tally.population += counts.population;
  tally.complete += counts.complete;
}

/** A cell from a tally: value = Σ numerators / Σ denominators × factor (a count is its numerator). */
export function cellOf(
  indicator: IndicatorDefinition,
  tally: Tally,
  expectedUnits: number | null,
): IndicatorCell {
  if (indicator.kind === 'computed') {
    const definition = indicator.computed;
    const value =
      indicator.unit === 'count'
        ? tally.numerator
        : tally.denominator === 0
          ? null
          : (tally.numerator / tally.denominator) * unitFactor[indicator.unit];
    let completeness: number | null = null;
    if (definition.completeness) completeness = tally.population ? tally.complete / tally.population : null;
    else if (definition.completeness === undefined && definition.denominator.length > 0)
      completeness = tally.population ? tally.denominator / tally.population : null;
    return { numerator: tally.numerator, denominator: tally.denominator, value, completeness };
  }
  const completeness = expectedUnits ? Math.min(1, tally.entered / expectedUnits) : null;
  if (tally.entered === 0 && indicator.kind === 'aggregate') {
    return { numerator: null, denominator: null, value: null, completeness };
  }
  if (indicator.kind === 'aggregate' && indicator.entry.fields === 'value') {
    // An entered value (a province's yearly reduction) is not summed: one unit enters it.
    return { numerator: null, denominator: null, value: tally.values.at(-1) ?? null, completeness };
  }
  if (indicator.kind === 'aggregate' && indicator.entry.fields === 'count') {
    return { numerator: tally.numerator, denominator: null, value: tally.numerator, completeness };
  }
  const value =
    tally.denominator === 0 ? null : (tally.numerator / tally.denominator) * unitFactor[indicator.unit];
  return { numerator: tally.numerator, denominator: tally.denominator, value, completeness };
}

interface Computation {
  total: Tally;
  areas: Map<string, Tally>;
  breakdown: { dims: Record<string, string>; tally: Tally }[];
  /** Units expected to enter (aggregate): the communes, or the province once. */
  expectedUnits: number | null;
  expectedPerArea: number | null;
}

/** Tallies of one indicator for a unit and period, by area and by the requested disaggregations. */
async function tallies(
  db: Executor,
  indicator: IndicatorDefinition,
  unit: IndicatorUnit,
  period: Period,
  by: readonly Disaggregation[],
): Promise<Computation> {
  const total = emptyTally();
  const areas = new Map<string, Tally>();
  const areaTally = (path: string) => {
    const key = areaOf(unit.path, path);
    let tally = areas.get(key);
    if (!tally) areas.set(key, (tally = emptyTally()));
    return tally;
  };
  if (indicator.kind === 'computed') {
    const rows = await computeCounts(db, {
      provinceCode: unit.provinceCode,
      unitPath: unit.path,
      period,
      indicators: [indicator],
      by,
    });
    const breakdown = new Map<string, { dims: Record<string, string>; tally: Tally }>();
    const byArea = new Map<string, Counts>();
    for (const row of rows) {
      const counts = row.counts[0]!;
      if (by.length > 0) {
        const key = JSON.stringify(row.dims);
        let entry = breakdown.get(key);
        if (!entry) breakdown.set(key, (entry = { dims: row.dims, tally: emptyTally() }));
        addCounts(entry.tally, counts);
      }
      // A child in several special-circumstance groups has a row in each: areas and totals count them once.
      if (!by.includes('circumstance_group')) {
        addCounts(areaTally(row.area), counts);
        addCounts(total, counts);
      } else byArea.set(row.area, counts);
    }
    if (by.includes('circumstance_group')) {
      const plain = await computeCounts(db, {
        provinceCode: unit.provinceCode,
        unitPath: unit.path,
        period,
        indicators: [indicator],
        by: [],
      });
      for (const row of plain) {
        addCounts(areaTally(row.area), row.counts[0]!);
        addCounts(total, row.counts[0]!);
      }
    }
    return { total, areas, breakdown: [...breakdown.values()], expectedUnits: null, expectedPerArea: null };
  }
  const communes = await communeCount(db, unit);
  if (indicator.kind === 'aggregate') {
    for (const row of await enteredRows(db, unit.path, period.code, [indicator.code])) {
      const targets = [total, ...(row.unitPath === unit.path ? [] : [areaTally(row.unitPath)])];
      for (const tally of targets) {
        tally.numerator += row.numerator ?? 0;
        tally.denominator += row.denominator ?? 0;
        tally.entered += 1;
        if (row.value !== null) tally.values.push(row.value);
      }
    }
    const expected = indicator.entry.level === 'province' ? 1 : communes;
    return {
      total,
      areas,
      breakdown: [],
      expectedUnits: expected,
      expectedPerArea: indicator.entry.level === 'commune' && unit.level === 'province' ? 1 : null,
    };
  }
  // Derived indicators.
  const { numerator, denominator } = indicator.derived;
  if (numerator.source === 'training_participants') {
    for (const row of await trainedCounts(db, unit.path, period, numerator.roles)) {
      total.numerator += row.count;
      if (row.unitPath !== unit.path && row.unitPath.startsWith(`${unit.path}.`))
        areaTally(row.unitPath).numerator += row.count;
    }
  }
  if (numerator.source === 'communes_with_referral_network' || denominator.source === 'communes') {
    const rootPath = unit.level === 'village' ? unit.path.split('.').slice(0, -1).join('.') : unit.path;
    for (const commune of await communeCoverage(db, rootPath)) {
      const tally = unit.level === 'province' ? areaTally(commune.commune.path) : null;
      for (const target of tally ? [total, tally] : [total]) {
        if (denominator.source === 'communes') target.denominator += 1;
        if (numerator.source === 'communes_with_referral_network' && commune.fullyCovered)
          target.numerator += 1;
      }
    }
  }
  if (denominator.source === 'aggregate_denominator') {
    for (const row of await enteredRows(db, unit.path, period.code, [indicator.code])) {
      // The entered count of staff and caregivers is the denominator.
      total.denominator += row.numerator ?? 0;
      total.entered += 1;
      if (row.unitPath !== unit.path) {
        const tally = areaTally(row.unitPath);
        tally.denominator += row.numerator ?? 0;
        tally.entered += 1;
      }
    }
  }
  return {
    total,
    areas,
    breakdown: [],
    expectedUnits: denominator.source === 'aggregate_denominator' ? communes : null,
    expectedPerArea: denominator.source === 'aggregate_denominator' && unit.level === 'province' ? 1 : null,
  };
}

async function communeCount(db: Executor, unit: IndicatorUnit): Promise<number> {
  if (unit.level === 'commune' || unit.level === 'village') return 1;
  const row = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('generation', '=', 'current')
    .where('level', '=', 'commune')
    .where('valid_to', 'is', null)
    .where('path', '<@', unit.path)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The target for the period's year; for targets set per group (rural/urban), the area's group. */
function targetFor(
  targets: readonly IndicatorTarget[],
  year: number,
  residence: 'urban' | 'rural' | null,
): IndicatorTarget | null {
  const nearestPlan = targets[0]?.planId;
  const ofPlan = targets.filter((target) => target.planId === nearestPlan);
  const grouped = ofPlan.some((target) => target.group !== null);
  const candidates = grouped
    ? residence
      ? ofPlan.filter((target) => target.group === residence)
      : []
    : ofPlan.filter((target) => target.group === null);
  return targetForYear(candidates, year);
}

function statusOf(
  indicator: IndicatorDefinition,
  cell: IndicatorCell,
  target: IndicatorTarget | null,
): IndicatorStatus {
  return indicatorStatus(
    cell.value,
    target ? { value: target.value, comparator: target.comparator } : null,
    indicator.direction,
  );
}

function checkRequest(indicator: IndicatorDefinition, period: Period, by: readonly Disaggregation[]): void {
  if (!indicator.periodTypes.includes(period.type)) throw new AppError('PERIOD_TYPE_NOT_ALLOWED');
  for (const dimension of by) {
    if (!indicator.disaggregations.includes(dimension))
      throw new AppError('DISAGGREGATION_NOT_ALLOWED', { disaggregation: dimension });
  }
}

const unitRef = (unit: IndicatorUnitRef): IndicatorUnitRef => ({
  id: unit.id,
  name: unit.name,
  level: unit.level,
  path: unit.path,
});

export async function indicatorValues(
  ctx: Operator,
  code: string,
  query: { unitId: string; period: string; by?: Disaggregation[] | undefined },
): Promise<IndicatorValues> {
  const started = performance.now();
  const indicator = indicatorOrThrow(code);
  const period = parsePeriod(query.period);
  const by = query.by ?? [];
  checkRequest(indicator, period, by);
  const unit = await resolveUnit(ctx.db, ctx.scope, query.unitId);
  const computation = await tallies(ctx.db, indicator, unit, period, by);
  const targets = await targetsForIndicator(ctx.db, unit.path, indicator.code);
  const unitResidence = unit.level === 'commune' ? await residenceOf(ctx.db, unit.id) : null;
  const total = cellOf(indicator, computation.total, computation.expectedUnits);
  const target = targetFor(targets, period.year, unitResidence);
  const areas = (await areasOf(ctx.db, unit)).map((area) => {
    const cell = cellOf(
      indicator,
      computation.areas.get(area.path) ?? emptyTally(),
      computation.expectedPerArea,
    );
    return {
      unit: unitRef(area),
      cell,
      status: statusOf(indicator, cell, targetFor(targets, period.year, area.residence)),
    };
  });
  return {
    code: indicator.code,
    unit: unitRef(unit),
    period: period.code,
    periodStart: period.start,
    periodEnd: period.end,
    total,
    areas,
    by: [...by],
    breakdown: computation.breakdown
      .map((entry) => ({ dims: entry.dims, cell: cellOf(indicator, entry.tally, null) }))
      .sort((a, b) => JSON.stringify(a.dims).localeCompare(JSON.stringify(b.dims))),
    targets,
    target,
    status: statusOf(indicator, total, target),
    computedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
}

async function residenceOf(db: Executor, unitId: string): Promise<'urban' | 'rural'> {
  const row = await db
    .selectFrom('org_unit')
    .select('type_code')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  return row.type_code === 'phuong' ? 'urban' : 'rural';
}

export async function indicatorTrend(
  ctx: Operator,
  code: string,
  query: { unitId: string; period: string; count: number },
): Promise<IndicatorTrend> {
  const indicator = indicatorOrThrow(code);
  const last = parsePeriod(query.period);
  checkRequest(indicator, last, []);
  const unit = await resolveUnit(ctx.db, ctx.scope, query.unitId);
  const targets = await targetsForIndicator(ctx.db, unit.path, indicator.code);
  const residence = unit.level === 'commune' ? await residenceOf(ctx.db, unit.id) : null;
  const points = [];
  for (const code of periodsEndingWith(last.code, query.count)) {
    const period = parsePeriod(code);
    const computation = await tallies(ctx.db, indicator, unit, period, []);
    const cell = cellOf(indicator, computation.total, computation.expectedUnits);
    const target = targetFor(targets, period.year, residence);
    points.push({ period: code, cell, target, status: statusOf(indicator, cell, target) });
  }
  return { code: indicator.code, unit: unitRef(unit), points };
}

/**
 * Many indicators of one unit and period (a plan's targets table, the bench's whole catalogue): every computed
 * indicator of the request in one engine query, the others one by one.
 */
export async function indicatorOverview(
  ctx: Operator,
  query: { unitId: string; period: string; codes?: string | undefined },
): Promise<IndicatorOverview> {
  const started = performance.now();
  const period = parsePeriod(query.period);
  const codes = query.codes ? [...new Set(query.codes.split(',').filter(Boolean))] : null;
  const indicators = (codes ?? indicatorCatalogue.map((i) => i.code))
    .map((code) => findIndicator(code))
    .filter((indicator): indicator is IndicatorDefinition => indicator !== undefined)
    .filter((indicator) => indicator.periodTypes.includes(period.type));
  const unit = await resolveUnit(ctx.db, ctx.scope, query.unitId);
  const residence = unit.level === 'commune' ? await residenceOf(ctx.db, unit.id) : null;
  const computed = indicators.filter((i): i is ComputedIndicator => i.kind === 'computed');
  const totals = new Map<string, Tally>();
  if (computed.length > 0) {
    const rows = await computeCounts(ctx.db, {
      provinceCode: unit.provinceCode,
      unitPath: unit.path,
      period,
      indicators: computed,
      by: [],
    });
    computed.forEach((indicator, index) => {
      const tally = emptyTally();
      for (const row of rows) addCounts(tally, row.counts[index]!);
      totals.set(indicator.code, tally);
    });
  }
  const items = [];
  for (const indicator of indicators) {
    let cell: IndicatorCell;
    if (indicator.kind === 'computed') cell = cellOf(indicator, totals.get(indicator.code)!, null);
    else {
      const computation = await tallies(ctx.db, indicator, unit, period, []);
      cell = cellOf(indicator, computation.total, computation.expectedUnits);
    }
    const target = targetFor(
      await targetsForIndicator(ctx.db, unit.path, indicator.code),
      period.year,
      residence,
    );
    items.push({ code: indicator.code, cell, target, status: statusOf(indicator, cell, target) });
  }
  return {
    unit: unitRef(unit),
    period: period.code,
    items,
    durationMs: Math.round(performance.now() - started),
  };
}
