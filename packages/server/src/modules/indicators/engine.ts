import {
  abuseConcerns,
  ageGroups,
  type Condition,
  type Disaggregation,
  type IndicatorDefinition,
  type Period,
  type Population,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { schoolYearOf } from '../ecd/records.service.ts';
import {
  bornAfter,
  factExpression,
  factSource,
  factTables,
  needsDoseRules,
  populationExpression,
  sourceTable,
  viewColumns,
  type LineageView,
  type PeriodParams,
  type SourceKey,
  type SourceReach,
} from './facts.ts';

/**
 * The indicator engine (docs/indicators.md, "Engine"): any number of computed indicators for one subtree and one
 * period in ONE set-based query. The children of the subtree alive and in the register on the period's last day are
 * read once (`c`); each record table an indicator needs is read once for the period into a per-child table (facts.ts:
 * a province's records are scanned, a commune's probed by child); every indicator is three `count(*) filter (…)`
 * columns over the join (population, denominator, numerator) plus its completeness, each distinct condition computed
 * once per child, grouped by the area one level below the unit (a province's communes, a commune's villages) × the
 * requested disaggregations. A total is the sum of its areas' numerators over the sum of their denominators:
 * nothing is averaged. Live: no batch job, no cache. bench/README.md ("indicators") measures it on a province of
 * 2.5 million children against a query written by hand.
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

function conditionsOf(indicator: ComputedIndicator): Condition[] {
  const definition = indicator.computed;
  return [
    ...definition.denominator,
    ...definition.numerator,
    ...(definition.completeness ? [definition.completeness] : []),
  ];
}

/** The oldest age (months) a child of these populations can be on the period's last day. */
function oldestOf(populations: Iterable<Population>): number {
  return Math.max(
    0,
    ...[...populations].map((population) => (population.kind === 'age_at_end' ? population.toMonths : 24)),
  );
}

/** The oldest age (months) any population of the request reaches: children older are not read. */
function oldestMonths(indicators: readonly ComputedIndicator[]): number {
  return oldestOf(indicators.map((indicator) => indicator.computed.population));
}

export interface PopulationOptions {
  /** Extra columns for the lineage (name, village). */
  withNames?: boolean;
  /** How the record tables are read (facts.ts, `SourceReach`); default: `scan` for a province, else `probe`. */
  reach?: SourceReach;
}

/** A province's children are most of its records' children: read its records once rather than child by child. */
export function defaultReach(unitPath: string): SourceReach {
  return unitPath.split('.').length <= 2 ? 'scan' : 'probe';
}

/** The `c` CTE and the joins of the sources the indicators need. */
export function populationQuery(
  request: EngineRequest,
  options: PopulationOptions = {},
): { cte: RawBuilder<unknown>; joins: RawBuilder<unknown>; params: PeriodParams } {
  const params = periodParams(request.provinceCode, request.period);
  const { end, start } = params;
  const needsResidence = request.by.includes('residence');
  const depth = request.unitPath.split('.').length + 1;
  const reach = options.reach ?? defaultReach(request.unitPath);
  // Probing, every derived table reads `c`: it is computed once. Scanning, only the main query and the doses read it:
  // inlined, the planner knows the children's number and keys from the statistics of `person` (a materialised CTE
  // has none, and its estimates turned every join of a province into sorts and merges), and reading `person` a
  // second time for the doses' children costs less than materialising 2.5 million rows.
  const cte = sql`c as ${reach === 'scan' ? sql`not materialized` : sql`materialized`} (
    select p.id, p.sex, p.birth_date, p.ethnicity_code, p.disability_type, p.birth_registered,
           p.birth_registration_date, p.has_health_insurance,
           subpath(p.org_path, 0, least(nlevel(p.org_path), ${sql.lit(depth)})) as area,
           (date_part('year', age(${end}::date, p.birth_date)) * 12
             + date_part('month', age(${end}::date, p.birth_date)))::int as age_m,
           (p.birth_date between ${start}::date - interval '1 year' and ${end}::date - interval '1 year')
             as first_birthday_in_period
           ${needsResidence ? sql`, case when cu.type_code = 'phuong' then 'urban' else 'rural' end as residence` : sql``}
           ${options.withNames ? sql`, p.full_name, p.name_search, p.village_id` : sql``}
    from person p
    ${needsResidence ? sql`left join org_unit cu on cu.path = subpath(p.org_path, 0, 3)` : sql``}
    where p.province_code = ${request.provinceCode} and p.org_path <@ ${request.unitPath}::ltree
      and p.birth_date <= ${end}::date
      and p.birth_date > ${end}::date - ${sql.lit(`${oldestMonths(request.indicators)} months`)}::interval
      and (p.status = 'active' or (p.status = 'deceased' and p.death_date > ${end}::date))
  )`;

  // Each table is read for the children of the populations of the indicators whose facts read it.
  const sources = new Map<SourceKey, Map<string, Population>>();
  const doseRules = new Map<string, Population>();
  const use = (key: SourceKey, population: Population) => {
    const populations = sources.get(key) ?? new Map<string, Population>();
    populations.set(JSON.stringify(population), population);
    sources.set(key, populations);
  };
  const views = new Set<LineageView>();
  for (const indicator of request.indicators) {
    const population = indicator.computed.population;
    for (const condition of conditionsOf(indicator)) {
      // The lineage's reach view names every domain that reached the child: it reads every domain's tables.
      const tables =
        options.withNames && condition.fact === 'ecd_reached'
          ? factTables({ fact: 'ecd_reached' })
          : factTables(condition);
      for (const key of tables) use(key, population);
      if (needsDoseRules(condition)) doseRules.set(JSON.stringify(population), population);
      const source = factSource(condition);
      if (source === 'er' || source === 'su' || source === 'cm' || source === 'pc') views.add(source);
    }
    if (request.by.includes('circumstance_group')) use('ci', population);
  }
  const populationsSql = (populations: Iterable<Population>) =>
    or([...populations].map((population) => populationExpression(population, params)));
  const sourceOptions = {
    reach,
    concerns: concernList(request.indicators),
    details: options.withNames === true,
  };
  const joins = sql.join(
    [...sources].map(([key, populations]) => {
      const needs = {
        children: populationsSql(populations.values()),
        doseRules:
          key === 'dz' && doseRules.size > 0
            ? { children: populationsSql(doseRules.values()), oldestMonths: oldestOf(doseRules.values()) }
            : null,
      };
      return sql`left join ${sourceTable(key, params, needs, sourceOptions)} ${sql.raw(key)} on ${sql.raw(key)}.person_id = c.id`;
    }),
    sql` `,
  );
  // The lineage shows the record behind a fact; a fact read from several tables gets a one-row view of them.
  const lineageViews = options.withNames
    ? sql.join(
        [...views].map((view) => sql` cross join lateral (select ${viewColumns(view)}) ${sql.raw(view)}`),
        sql``,
      )
    : sql``;
  const unnest = request.by.includes('circumstance_group')
    ? sql` cross join lateral unnest(coalesce(ci.groups, array['none'])) cg(code)`
    : sql``;
  return { cte, joins: sql`${joins}${lineageViews}${unnest}`, params };
}

function concernList(indicators: readonly ComputedIndicator[]): readonly string[] {
  const lists = indicators.flatMap((indicator) =>
    conditionsOf(indicator).flatMap((condition) =>
      condition.fact === 'protection_case_received' ? [condition.concerns.join(',')] : [],
    ),
  );
  if (new Set(lists).size > 1) throw new Error('one list of abuse concerns per request');
  return lists[0]?.split(',') ?? abuseConcerns;
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

export async function computeCounts(db: Executor, request: EngineRequest): Promise<EngineRow[]> {
  if (request.indicators.length === 0) return [];
  const { cte, joins, params } = populationQuery(request);
  const dimensions = request.by.map((dimension, index) => ({
    dimension,
    alias: `dim${index}`,
    expression: dimensionExpression(dimension, params),
  }));
  // Each distinct condition (population, population and denominator, …) is computed once per child, below an
  // optimisation fence (`offset 0`): the catalogue's 108 counts share a few dozen conditions, and without the fence
  // PostgreSQL would inline them back into every count.
  const flags: RawBuilder<boolean>[] = [];
  const flagIndex = new Map<string, number>();
  const flag = (condition: RawBuilder<boolean>) => {
    const compiled = condition.compile(db);
    const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
    let index = flagIndex.get(key);
    if (index === undefined) {
      index = flags.length;
      flags.push(condition);
      flagIndex.set(key, index);
    }
    return sql.raw(`x.f${index}`);
  };
  const columns = request.indicators.flatMap((indicator, index) => {
    const condition = indicatorConditions(indicator, params);
    const definition = indicator.computed;
    // An empty list of conditions adds nothing: the denominator is then the population's very condition (one flag).
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
      sql`count(*) filter (where ${flag(population)}) as ${sql.raw(`i${index}_p`)}`,
      sql`count(*) filter (where ${flag(denominator)}) as ${sql.raw(`i${index}_d`)}`,
      sql`count(*) filter (where ${flag(numerator)}) as ${sql.raw(`i${index}_n`)}`,
      condition.completeness
        ? sql`count(*) filter (where ${flag(sql<boolean>`(${population} and ${condition.completeness})`)}) as ${sql.raw(`i${index}_c`)}`
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
  const dimensionColumns = dimensions.map((d) => sql`${d.expression} as ${sql.raw(d.alias)}`);
  const flagColumns = flags.map((condition, index) => sql`${condition} as ${sql.raw(`f${index}`)}`);
  // Grouped by one text key made of the area and the disaggregations (each quoted, so that no two differ only in
  // where a value ends). PostgreSQL has no statistics for the area (a path expression) or an age group; for several
  // columns it multiplies its guesses and sorts the millions of rows to group them (nor can it hash `ltree` or an
  // anonymous row); for one key it hashes, which suits the few thousand groups there are.
  const key = sql`concat_ws('|', ${sql.join(
    [sql`c.area::text`, ...dimensions.map((d) => d.expression)].map((part) => sql`quote_nullable(${part})`),
  )})`;
  const query = sql<Record<string, string | number>>`
    with ${cte}
    select min(x.area) as area,
      ${sql.join([...dimensions.map((d) => sql`min(${sql.raw(`x.${d.alias}`)}) as ${sql.raw(d.alias)}`), ...columns])}
    from (
      select ${key} as k, c.area::text as area, ${sql.join([...dimensionColumns, ...flagColumns])}
      from c ${joins}
      where ${anyPopulation}
      offset 0
    ) x
    group by x.k`;
  const result = await query.execute(db);
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
