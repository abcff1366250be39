import { computedIndicators, parsePeriod, type Disaggregation, type Period } from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import {
  dimensionExpression,
  indicatorConditions,
  periodParams,
  type ComputedIndicator,
  type EngineRequest,
  type EngineRow,
} from './engine.ts';
import { populationExpression } from './facts.ts';

/**
 * Indicator tallies (migration 0019, docs/indicators.md "Tallies"): for the periods of the last five years, the
 * engine's counts kept per village × sex × age group × ethnicity × disability type, one count per distinct
 * condition of the computed catalogue. A count for one of these periods is then a sum over a few tens of thousands
 * of rows, whatever the size of the province. They are kept with the facts: the statement that rebuilds a child's
 * fact row (factTable.ts) takes the old row's contribution out of the tallies and puts the new one's in.
 */

/** How many years of periods (each year and its two halves) are tallied, the current one included. */
export const TALLY_YEARS = 5;

/** The tallied periods as of `today`: the last `TALLY_YEARS` years and their halves. */
export function tallyPeriods(today: string): Period[] {
  const year = Number(today.slice(0, 4));
  const periods: Period[] = [];
  for (let y = year - TALLY_YEARS + 1; y <= year; y += 1)
    periods.push(parsePeriod(`${y}H1`), parsePeriod(`${y}H2`), parsePeriod(String(y)));
  return periods;
}

/** The tallied years as of `today`, as they are recorded with a province's build (`2022-2026`). */
export function tallyWindow(today: string): string {
  const year = Number(today.slice(0, 4));
  return `${year - TALLY_YEARS + 1}-${year}`;
}

interface Slots {
  population: number;
  denominator: number;
  numerator: number;
  complete: number | null;
}

interface Layout {
  /** The distinct conditions, each as SQL over a fact row `c` for a period. */
  conditions: ((indicator: ComputedIndicator, period: Period) => RawBuilder<boolean>)[];
  /** Which indicator each condition is built from (any indicator that has it). */
  owners: ComputedIndicator[];
  slots: Map<string, Slots>;
}

let layoutCache: Layout | null = null;

/**
 * The counts a tally row keeps: each distinct condition of the computed catalogue (a population; a population and a
 * denominator; …; a population and its completeness), identified by its definition, so that indicators sharing a
 * population or a denominator share its count. Built from the catalogue: a change to it changes the layout, and
 * `TALLY_LAYOUT` (the layout's fingerprint) with it, which rebuilds every province's tallies.
 */
export function tallyLayout(): Layout {
  if (layoutCache) return layoutCache;
  const keys = new Map<string, number>();
  const conditions: Layout['conditions'] = [];
  const owners: ComputedIndicator[] = [];
  const slots = new Map<string, Slots>();
  const slot = (
    indicator: ComputedIndicator,
    key: unknown,
    build: (indicator: ComputedIndicator, period: Period) => RawBuilder<boolean>,
  ) => {
    const text = JSON.stringify(key);
    let index = keys.get(text);
    if (index === undefined) {
      index = conditions.length;
      keys.set(text, index);
      conditions.push(build);
      owners.push(indicator);
    }
    return index;
  };
  const parts = (indicator: ComputedIndicator, period: Period) =>
    indicatorConditions(indicator, periodParams('', period));
  for (const indicator of computedIndicators) {
    const { population, denominator, numerator, completeness } = indicator.computed;
    const p = slot(indicator, { population }, (i, period) => parts(i, period).population);
    const d =
      denominator.length === 0
        ? p
        : slot(indicator, { population, denominator }, (i, period) => {
            const c = parts(i, period);
            return sql<boolean>`(${c.population} and ${c.denominator})`;
          });
    const n =
      numerator.length === 0
        ? d
        : slot(indicator, { population, denominator, numerator }, (i, period) => {
            const c = parts(i, period);
            return sql<boolean>`(${c.population} and ${c.denominator} and ${c.numerator})`;
          });
    const complete = completeness
      ? slot(indicator, { population, completeness }, (i, period) => {
          const c = parts(i, period);
          return sql<boolean>`(${c.population} and ${c.completeness!})`;
        })
      : null;
    slots.set(indicator.code, { population: p, denominator: d, numerator: n, complete });
  }
  layoutCache = { conditions, owners, slots };
  return layoutCache;
}

/** A fingerprint of the layout: the tallies of another layout are rebuilt. */
export function tallyLayoutKey(): string {
  const layout = tallyLayout();
  let hash = 0;
  const text = JSON.stringify(
    computedIndicators.map((indicator) => [
      indicator.code,
      indicator.computed,
      layout.slots.get(indicator.code),
    ]),
  );
  for (let i = 0; i < text.length; i += 1) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return `${layout.conditions.length}:${(hash >>> 0).toString(16)}`;
}

/**
 * The tally rows the fact rows of `relation` (aliased `c`) add to each period, times `sign`: one SELECT per period,
 * the children in the register on its last day and in a population of the catalogue, grouped by village, sex, age
 * group, ethnicity and disability type.
 */
export function tallyContributions(
  relation: RawBuilder<unknown>,
  periods: readonly Period[],
  sign: 1 | -1,
): RawBuilder<unknown> {
  const layout = tallyLayout();
  const populations = [
    ...new Map(
      computedIndicators.map((i) => [JSON.stringify(i.computed.population), i.computed.population]),
    ).values(),
  ];
  return sql.join(
    periods.map((period) => {
      const params = periodParams('', period);
      const end = sql`${sql.lit(period.end)}::date`;
      const counts = layout.conditions.map(
        (build, index) =>
          sql`${sql.lit(sign)} * (count(*) filter (where ${build(layout.owners[index]!, period)}))::int`,
      );
      return sql`select ${sql.lit(period.code)} as period, c.village_id, c.sex,
          ${dimensionExpression('age_group', params)} as age_group, c.ethnicity_code,
          coalesce(c.disability_type, '') as disability_type, array[${sql.join(counts)}] as counts
        from ${relation} c
        where c.village_id is not null and c.birth_date <= ${end}
          and (c.status = 'active' or (c.status = 'deceased' and c.death_date > ${end}))
          and (${sql.join(
            populations.map((population) => populationExpression(population, params)),
            sql` or `,
          )})
        group by 1, 2, 3, 4, 5, 6`;
    }),
    sql` union all `,
  );
}

/**
 * The change to the tallies from the old and new fact rows of some children, applied: the contributions summed per
 * tally row (count by count) and added to the row, or inserted.
 */
export function applyTallyChanges(provinceCode: string, changes: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`insert into indicator_tally (province_code, period, village_id, sex, age_group, ethnicity_code,
                                          disability_type, counts)
    select ${provinceCode}, period, village_id, sex, age_group, ethnicity_code, disability_type,
           array_agg(total order by i)
    from (select ch.period, ch.village_id, ch.sex, ch.age_group, ch.ethnicity_code, ch.disability_type, u.i,
                 sum(u.x)::int as total
          from (${changes}) ch
          cross join lateral unnest(ch.counts) with ordinality u(x, i)
          group by 1, 2, 3, 4, 5, 6, 7) t
    group by 1, 2, 3, 4, 5, 6, 7
    on conflict (province_code, period, village_id, sex, age_group, ethnicity_code, disability_type)
    do update set counts = indicator_tally_add(indicator_tally.counts, excluded.counts)`;
}

/** The request's disaggregation over a tally row `c` (and its commune `cu`), as the engine names its values. */
function tallyDimension(dimension: Disaggregation): RawBuilder<string> | null {
  switch (dimension) {
    case 'age_group':
      return sql<string>`c.age_group`;
    case 'disability':
      return sql<string>`(case when c.disability_type <> '' then 'yes' else 'no' end)`;
    case 'residence':
      return sql<string>`(case when cu.type_code = 'phuong' then 'urban' else 'rural' end)`;
    case 'circumstance_group':
      return null;
    case 'sex':
    case 'ethnicity':
    case 'ethnicity_group':
      return dimensionExpression(dimension);
  }
}

/**
 * The engine's rows for a request from the tallies, or null when they cannot answer it: a period they do not keep,
 * or the circumstance-group breakdown (a child in two groups is in two rows). Groups none of whose children is in a
 * population of the request are left out, as the engine leaves them out.
 */
export async function tallyCounts(
  db: Executor,
  request: EngineRequest,
  periods: readonly Period[],
): Promise<EngineRow[] | null> {
  if (!periods.some((period) => period.code === request.period.code)) return null;
  const dimensions = request.by.map((dimension) => tallyDimension(dimension));
  if (dimensions.some((d) => d === null)) return null;
  const layout = tallyLayout();
  const slots = request.indicators.map((indicator) => layout.slots.get(indicator.code));
  if (slots.some((s) => s === undefined)) return null;
  const used = [
    ...new Set(slots.flatMap((s) => [s!.population, s!.denominator, s!.numerator, s!.complete ?? 0])),
  ];
  const depth = request.unitPath.split('.').length + 1;
  const area = sql`subpath(v.path, 0, least(nlevel(v.path), ${sql.lit(depth)}))::text`;
  const dims = dimensions.map((d, index) => sql`${d!} as ${sql.raw(`dim${index}`)}`);
  const result = await sql<Record<string, string | number>>`
    select ${area} as area, ${sql.join([...dims, ...used.map((i) => sql`sum(c.counts[${sql.lit(i + 1)}]) as ${sql.raw(`t${i}`)}`)])}
    from indicator_tally c
    join org_unit v on v.id = c.village_id
    ${request.by.includes('residence') ? sql`left join org_unit cu on cu.path = subpath(v.path, 0, 3)` : sql``}
    where c.province_code = ${request.provinceCode} and c.period = ${request.period.code}
      and v.path <@ ${request.unitPath}::ltree
    group by ${sql.join([area, ...dimensions.map((d) => d!)])}`.execute(db);
  const rows: EngineRow[] = [];
  for (const row of result.rows) {
    const count = (index: number | null) => (index === null ? 0 : Number(row[`t${index}`] ?? 0));
    const counts = slots.map((s) => ({
      population: count(s!.population),
      denominator: count(s!.denominator),
      numerator: count(s!.numerator),
      complete: count(s!.complete),
    }));
    if (counts.every((c) => c.population === 0)) continue;
    rows.push({
      area: String(row.area),
      dims: Object.fromEntries(request.by.map((dimension, index) => [dimension, String(row[`dim${index}`])])),
      counts,
    });
  }
  return rows;
}
