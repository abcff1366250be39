import {
  ageGroups,
  todayInVietnam,
  type Condition,
  type Disaggregation,
  type IndicatorDefinition,
  type Period,
  type Population,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { schoolYearOf } from '../ecd/records.service.ts';
import { assertFactsReach, factRowColumns, refreshIndicatorFacts } from './factTable.ts';
import { tallyCounts, tallyPeriods } from './tallies.ts';
import {
  bornAfter,
  factExpression,
  factSource,
  populationExpression,
  sourceTable,
  viewColumns,
  type PeriodParams,
  type SourceKey,
  type SourceReach,
} from './facts.ts';

/**
 * The indicator engine (docs/indicators.md, "Engine"): any number of computed indicators for one subtree and one
 * period in ONE set-based query over the per-child facts (factTable.ts): the children of the subtree alive and in
 * the register on the period's last day are read once (`c`, one narrow row each, with every fact as the set of
 * days on which it holds); every indicator is three `count(*) filter (…)` columns (population, denominator,
 * numerator) plus its completeness, counted in parallel, grouped by the area one level below the unit (a province's communes, a commune's villages) × the requested disaggregations. A total is the sum
 * of its areas' numerators over the sum of their denominators: nothing is averaged. Live: the rows of the children
 * written since the last count are rebuilt first (`refreshIndicatorFacts`); no batch job, no cache.
 * bench/README.md ("indicators") measures it on a province of 2.5 million children against a query written by hand.
 */

export type ComputedIndicator = Extract<IndicatorDefinition, { kind: 'computed' }>;

export interface EngineRequest {
  provinceCode: string;
  /** The subtree: the unit's ltree path. */
  unitPath: string;
  period: Period;
  indicators: readonly ComputedIndicator[];
  by: readonly Disaggregation[];
}

export interface Counts {
  population: number;
  denominator: number;
  numerator: number;
  /** Children of the population meeting the completeness condition (0 when the indicator has none). */
  complete: number;
}

export interface EngineRow {
  /** The area's path: a commune under a province, a village under a commune. */
  area: string;
  dims: Record<string, string>;
  /** In the order of `request.indicators`. */
  counts: Counts[];
}

const and = (terms: readonly RawBuilder<boolean>[]) =>
  terms.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(terms, sql` and `)})`;
const or = (terms: readonly RawBuilder<boolean>[]) =>
  terms.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(terms, sql` or `)})`;

export function periodParams(provinceCode: string, period: Period): PeriodParams {
  return { provinceCode, start: period.start, end: period.end, schoolYear: schoolYearOf(period.end) };
}

/**
 * The disaggregation's value for a row of `c` (and the circumstance group of the unnest). With the period, the age
 * group is read from the birth date against the groups' bounds (`bornAfter`), the same groups as from `c.age_m`.
 */
export function dimensionExpression(dimension: Disaggregation, period?: PeriodParams): RawBuilder<string> {
  switch (dimension) {
    case 'sex':
      return sql<string>`c.sex`;
    case 'age_group':
      return sql<string>`(case ${sql.join(
        ageGroups.map((group) =>
          period
            ? sql`when c.birth_date > ${bornAfter(period.end, group.toYears * 12)} then ${sql.lit(group.code)}`
            : sql`when c.age_m < ${sql.lit(group.toYears * 12)} then ${sql.lit(group.code)}`,
        ),
        sql` `,
      )} else '16+' end)`;
    case 'ethnicity_group':
      return sql<string>`(case when c.ethnicity_code = '01' then 'kinh' else 'minority' end)`;
    case 'ethnicity':
      return sql<string>`c.ethnicity_code`;
    case 'residence':
      return sql<string>`c.residence`;
    case 'disability':
      return sql<string>`(case when c.disability_type is not null then 'yes' else 'no' end)`;
    case 'circumstance_group':
      return sql<string>`cg.code`;
  }
}

/** The oldest age (months) any population of the request reaches: children older are not read. */
function oldestMonths(indicators: readonly ComputedIndicator[]): number {
  return Math.max(
    0,
    ...indicators.map(({ computed: { population } }) =>
      population.kind === 'age_at_end' ? population.toMonths : 24,
    ),
  );
}

export interface PopulationOptions {
  /**
   * For the lineage: the child's name and village, and the record that explains the fact (`factSource`): the
   * derived table of its record table, or a view over the fact row.
   */
  explain?: { fact: Condition | null; population: Population };
  /** How a record table is read (facts.ts, `SourceReach`); default: `scan` for a province, else `probe`. */
  reach?: SourceReach;
}

/** A province's children are most of its records' children: read its records once rather than child by child. */
export function defaultReach(unitPath: string): SourceReach {
  return unitPath.split('.').length <= 2 ? 'scan' : 'probe';
}

/**
 * The `c` CTE, the children of the subtree in the register on the period's last day with their fact rows
 * (factTable.ts), and the joins the request needs beyond them: the circumstance groups for that breakdown, and for
 * the lineage the name and the explaining record.
 */
export function populationQuery(
  request: EngineRequest,
  options: PopulationOptions = {},
): { cte: RawBuilder<unknown>; joins: RawBuilder<unknown>; params: PeriodParams } {
  const params = periodParams(request.provinceCode, request.period);
  const { end } = params;
  const needsResidence = request.by.includes('residence');
  const depth = request.unitPath.split('.').length + 1;
  const reach = options.reach ?? defaultReach(request.unitPath);
  const explain = options.explain;
  // Scanning a province, `c` is inlined: the planner then knows the children's number from the statistics of
  // `indicator_fact`. A commune's few thousand rows are read once by the path's index.
  const cte = sql`c as ${reach === 'scan' ? sql`not materialized` : sql`materialized`} (
    select f.person_id as id, f.sex, f.birth_date, f.ethnicity_code, f.disability_type, f.birth_registered,
           f.birth_registration_date, f.has_health_insurance, ${sql.join(factRowColumns.map((column) => sql.raw(`f.${column}`)))},
           subpath(f.org_path, 0, least(nlevel(f.org_path), ${sql.lit(depth)})) as area,
           (date_part('year', age(${end}::date, f.birth_date)) * 12
             + date_part('month', age(${end}::date, f.birth_date)))::int as age_m
           ${needsResidence ? sql`, case when cu.type_code = 'phuong' then 'urban' else 'rural' end as residence` : sql``}
           ${explain ? sql`, p.full_name, p.name_search, p.village_id` : sql``}
    from indicator_fact f
    ${needsResidence ? sql`left join org_unit cu on cu.path = subpath(f.org_path, 0, 3)` : sql``}
    ${explain ? sql`join person p on p.province_code = f.province_code and p.id = f.person_id` : sql``}
    where f.province_code = ${request.provinceCode} and f.org_path <@ ${request.unitPath}::ltree
      and f.birth_date <= ${end}::date
      and f.birth_date > ${end}::date - ${sql.lit(`${oldestMonths(request.indicators)} months`)}::interval
      and (f.status = 'active' or (f.status = 'deceased' and f.death_date > ${end}::date))
  )`;
  const populations = (list: readonly Population[]) =>
    or(
      [...new Map(list.map((p) => [JSON.stringify(p), p])).values()].map((p) =>
        populationExpression(p, params),
      ),
    );
  const joins: RawBuilder<unknown>[] = [];
  const source = explain?.fact ? factSource(explain.fact) : null;
  const tables = new Map<SourceKey, Population[]>();
  if (request.by.includes('circumstance_group'))
    tables.set(
      'ci',
      request.indicators.map((indicator) => indicator.computed.population),
    );
  if (source === 'm' || source === 'sc' || source === 'ci')
    tables.set(source, [...(tables.get(source) ?? []), explain!.population]);
  for (const [key, list] of tables)
    joins.push(
      sql`left join ${sourceTable(key, params, { reach, children: populations(list) })} ${sql.raw(key)} on ${sql.raw(key)}.person_id = c.id`,
    );
  // The lineage's view over the fact row for a fact whose reason is in it.
  if (source === 'er' || source === 'el')
    joins.push(sql`cross join lateral (select ${viewColumns(source, params)}) ${sql.raw(source)}`);
  if (request.by.includes('circumstance_group'))
    joins.push(sql`cross join lateral unnest(coalesce(ci.groups, array['none'])) cg(code)`);
  return { cte, joins: sql.join(joins, sql` `), params };
}

/** The indicator's population, denominator and numerator conditions as SQL. */
export function indicatorConditions(indicator: ComputedIndicator, params: PeriodParams) {
  const definition = indicator.computed;
  const population = populationExpression(definition.population, params);
  const denominator = and(definition.denominator.map((condition) => factExpression(condition, params)));
  const numerator = and(definition.numerator.map((condition) => factExpression(condition, params)));
  const completeness = definition.completeness ? factExpression(definition.completeness, params) : null;
  return { population, denominator, numerator, completeness };
}

export async function computeCounts(
  db: Executor,
  request: EngineRequest,
  options: { tallies?: boolean } = {},
): Promise<EngineRow[]> {
  if (request.indicators.length === 0) return [];
  assertFactsReach(request.period);
  const today = todayInVietnam();
  await refreshIndicatorFacts(db, request.provinceCode, today);
  // A recent period is summed from the tallies (tallies.ts); the others are counted from the facts.
  if (options.tallies !== false) {
    const tallied = await tallyCounts(db, request, tallyPeriods(today));
    if (tallied) return tallied;
  }
  const { query, dimensions } = countsStatement(db, request);
  // The groups are a few thousand (areas × disaggregation values), but PostgreSQL cannot know it of a computed key
  // and estimates hundreds of thousands: it would sort the 2.5 million rows of a province, carrying every fact,
  // instead of hashing them (4.7 s against 3.2 s on the benchmark). Sorting is turned off for this one statement.
  const result = await inTransaction(db, async (trx) => {
    const previous = await sql<{ value: string }>`select current_setting('enable_sort') as value`.execute(
      trx,
    );
    await sql`select set_config('enable_sort', 'off', true)`.execute(trx);
    const rows = await query.execute(trx);
    await sql`select set_config('enable_sort', ${previous.rows[0]!.value}, true)`.execute(trx);
    return rows;
  });
  return result.rows.map((row) => ({
    area: String(row.area),
    dims: Object.fromEntries(dimensions.map((d) => [d.dimension, String(row[d.alias])])),
    counts: request.indicators.map((_, index) => ({
      population: Number(row[`i${index}_p`]),
      denominator: Number(row[`i${index}_d`]),
      numerator: Number(row[`i${index}_n`]),
      complete: Number(row[`i${index}_c`]),
    })),
  }));
}

/** The one statement of `computeCounts` (the facts must be fresh: `refreshIndicatorFacts`). */
export function countsStatement(db: Executor, request: EngineRequest) {
  const { cte, joins, params } = populationQuery(request);
  const dimensions = request.by.map((dimension, index) => ({
    dimension,
    alias: `dim${index}`,
    expression: dimensionExpression(dimension, params),
  }));
  // Each count's condition is written out in it: the conditions are column tests on the child's one row, and
  // PostgreSQL computes the counts in parallel workers (partial aggregates) only if nothing fences them off. (The
  // engine used to compute each distinct condition once below an `offset 0` fence, when conditions were joins of
  // record tables; over the facts, the fence cost twice the time: one process aggregated every row.)
  const columns = request.indicators.flatMap((indicator, index) => {
    const condition = indicatorConditions(indicator, params);
    const definition = indicator.computed;
    // An empty list of conditions adds nothing: the denominator is then the population's very condition.
    const population = condition.population;
    const denominator =
      definition.denominator.length === 0
        ? population
        : sql<boolean>`(${population} and ${condition.denominator})`;
    const numerator =
      definition.numerator.length === 0
        ? denominator
        : sql<boolean>`(${denominator} and ${condition.numerator})`;
    return [
      sql`count(*) filter (where ${population}) as ${sql.raw(`i${index}_p`)}`,
      sql`count(*) filter (where ${denominator}) as ${sql.raw(`i${index}_d`)}`,
      sql`count(*) filter (where ${numerator}) as ${sql.raw(`i${index}_n`)}`,
      condition.completeness
        ? sql`count(*) filter (where ${population} and ${condition.completeness}) as ${sql.raw(`i${index}_c`)}`
        : sql`0 as ${sql.raw(`i${index}_c`)}`,
    ];
  });
  const populations = new Map(
    request.indicators.map((indicator) => [
      JSON.stringify(indicator.computed.population),
      indicator.computed.population,
    ]),
  );
  const anyPopulation = or(
    [...populations.values()].map((population) => populationExpression(population, params)),
  );
  // Grouped by one text key made of the area and the disaggregations (each quoted, so that no two differ only in
  // where a value ends). PostgreSQL has no statistics for the area (a path expression) or an age group, and cannot
  // hash `ltree` or an anonymous row; one text key it can group either way.
  const key = sql`concat_ws('|', ${sql.join(
    [sql`c.area::text`, ...dimensions.map((d) => d.expression)].map((part) => sql`quote_nullable(${part})`),
  )})`;
  const query = sql<Record<string, string | number>>`
    with ${cte}
    select min(c.area::text) as area,
      ${sql.join([...dimensions.map((d) => sql`min(${d.expression}) as ${sql.raw(d.alias)}`), ...columns])}
    from c ${joins}
    where ${anyPopulation}
    group by ${key}`;
  return { query, dimensions };
}
