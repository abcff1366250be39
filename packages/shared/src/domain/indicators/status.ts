import type { Direction } from './types.ts';

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** A target as a plan states it: a value to reach, how an observed value is compared with it. */
export interface TargetValue {
  value: number;
  comparator: Comparator;
}

export const indicatorStatuses = ['on_track', 'at_risk', 'off_track', 'no_data', 'no_target'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

/**
 * How far from its target a value may be and still be "at risk" rather than "off track": 10 % of the target,
 * relative (at least 0.5 percentage points, so a target of 0 or 1 % still has a band).
 */
export const AT_RISK_BAND = 0.1;
const MIN_BAND = 0.5;

/**
 * The status of a value against its target (docs/indicators.md, "Status"):
 * - on track: the value meets the target as the plan compares it (≥, >, ≤, <, or = for 100 % and 0 targets, read
 *   as "at least" or "at most" by the indicator's direction);
 * - at risk: it misses by no more than the band (10 % of the target, at least 0.5 points);
 * - off track: it misses by more;
 * - no data: nothing to compute from (a denominator of 0); no target: the plan sets none for the period's year.
 */
export function indicatorStatus(
  value: number | null,
  target: TargetValue | null,
  direction: Direction,
): IndicatorStatus {
  if (value === null || !Number.isFinite(value)) return 'no_data';
  if (!target) return 'no_target';
  if (meets(value, target, direction)) return 'on_track';
  const band = Math.max(Math.abs(target.value) * AT_RISK_BAND, MIN_BAND);
  const gap = Math.abs(value - target.value);
  return gap <= band ? 'at_risk' : 'off_track';
}

function meets(value: number, target: TargetValue, direction: Direction): boolean {
  switch (target.comparator) {
    case '>=':
      return value >= target.value;
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
    case '=':
      return direction === 'higher_is_better' ? value >= target.value : value <= target.value;
  }
}

/**
 * The target that applies to a year: the plan's value for that year, or else for the next checkpoint year after
 * it (a 2023 figure is held to the 2025 target), or null after the last one.
 */
export function targetForYear<T extends { year: number; toYear?: number | null }>(
  values: readonly T[],
  year: number,
): T | null {
  const exact = values.find(
    (value) => value.year === year || (value.toYear != null && value.year <= year && year <= value.toYear),
  );
  if (exact) return exact;
  const later = values.filter((value) => value.year > year).sort((a, b) => a.year - b.year);
  return later[0] ?? null;
}
