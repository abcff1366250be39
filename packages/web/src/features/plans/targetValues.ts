import {
  indicatorStatus,
  targetForYear,
  type Direction,
  type IndicatorStatus,
  type PlanTarget,
  type PlanTargetValue,
  type TargetComparator,
  type TargetDirection,
} from '@treem/shared';

/**
 * The figure a target sets for a year, as `indicatorStatus` compares it: the plan's value for that year, else for
 * the next year it names (a 2023 figure is held to the 2025 target); a yes/no value reads as 100 or 0. A target set
 * per group (rural, urban) has no value for the whole unit: null.
 */
export function targetValueFor(
  target: Pick<PlanTarget, 'values' | 'comparator'>,
  year: number,
): { value: number; comparator: TargetComparator } | null {
  if (target.values.some((value) => value.group !== undefined)) return null;
  const found = targetForYear(target.values, year);
  if (!found) return null;
  const comparator = found.comparator ?? target.comparator;
  if (!comparator) return null;
  const value = typeof found.value === 'boolean' ? (found.value ? 100 : 0) : found.value;
  return { value, comparator };
}

/** The indicator's own direction when the target is linked to one; else the target's ("giảm" is lower-is-better). */
export function statusDirection(
  direction: TargetDirection,
  indicatorDirection: Direction | undefined,
): Direction {
  if (indicatorDirection) return indicatorDirection;
  return direction === 'decrease' ? 'lower_is_better' : 'higher_is_better';
}

/** A current value against THIS plan's target for the year. */
export function targetStatus(
  current: number | null,
  target: Pick<PlanTarget, 'values' | 'comparator' | 'direction'>,
  year: number,
  indicatorDirection: Direction | undefined,
): IndicatorStatus {
  return indicatorStatus(
    current,
    targetValueFor(target, year),
    statusDirection(target.direction, indicatorDirection),
  );
}

/** Every year any target names, in order: the columns of the targets table. */
export function targetYears(targets: readonly Pick<PlanTarget, 'values'>[]): number[] {
  return [...new Set(targets.flatMap((target) => target.values.map((value) => value.year)))].sort(
    (a, b) => a - b,
  );
}

/** The values a target sets for one year (several when it is set per group). */
export function valuesOfYear(target: Pick<PlanTarget, 'values'>, year: number): PlanTargetValue[] {
  return target.values.filter((value) => value.year === year);
}

/** The year of data a plan page opens on: this year inside the plan's period, else its nearest end. */
export function defaultDataYear(periodStart: number, periodEnd: number, thisYear: number): number {
  return Math.min(Math.max(thisYear, periodStart), periodEnd);
}

/** The years one may look at: the plan's period up to this year (data of future years does not exist). */
export function dataYears(periodStart: number, periodEnd: number, thisYear: number): number[] {
  const last = Math.max(periodStart, Math.min(periodEnd, thisYear));
  return Array.from({ length: last - periodStart + 1 }, (_, index) => last - index);
}
