import {
  abuseConcerns,
  assertNever,
  ecdDomainCodes,
  enrolmentSchoolLevels,
  type Condition,
  type EcdDomainCode,
  type Population,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import { growthFacts } from './factTable.ts';

/**
 * The register facts an indicator definition names (`Condition` in packages/shared/src/domain/indicators/types.ts),
 * compiled to SQL over the child's fact row `c` (the population CTE of engine.ts, read from `indicator_fact`,
 * factTable.ts). A fact that depends on the period asks one of the row's sets of days: whether it meets the
 * period's days (`&&`: measured, screened, reached, followed, supported in the period) or holds on the period's
 * last day (`@>`: the class of the latest measurement, enrolment in the school year then running, in a group,
 * flagged, a due dose missing). The record tables are read only for the lineage's detail (`sourceTable`).
 */

export interface PeriodParams {
  provinceCode: string;
  start: string;
  end: string;
  /** The school year running on the period's last day (`2025-2026`). */
  schoolYear: string;
}

/**
 * The record tables the lineage reads to show why a child is counted (the latest measurement's z-score, the
 * latest screening, the groups): `m` growth measurements, `sc` screenings, `ci` circumstances (also read for the
 * circumstance-group breakdown). Counting reads none of them: it reads the facts (factTable.ts).
 */
export type SourceKey = 'm' | 'sc' | 'ci';

/**
 * How a derived table finds its records: `probe` reads the records of the population's children by key (a commune
 * or a village: a few thousand index look-ups); `scan` reads the province's records of the period once and leaves
 * the join to the children to a hash or merge join.
 */
export type SourceReach = 'probe' | 'scan';

const classificationColumn = {
  underweight: { column: 'underweight', z: 'z_wfa', alias: 'uw' },
  stunting: { column: 'stunting', z: 'z_lhfa', alias: 'st' },
  wasting: { column: 'wasting', z: 'z_wflh', alias: 'wa' },
  overweight: { column: 'overweight', z: 'z_wflh', alias: 'ow' },
} as const;

/** The one-row views the lineage shows for facts read from the fact row: the domains reached, the levels enrolled. */
export type LineageView = 'er' | 'el';

/**
 * The relation whose row explains a fact to the lineage (`to_jsonb(<alias>)`): a record table's derived table, a
 * view over the fact row, or null when the fact itself is the reason.
 */
export function factSource(condition: Condition): SourceKey | LineageView | null {
  switch (condition.fact) {
    case 'latest_measurement':
    case 'latest_measurement_class':
      return 'm';
    case 'latest_screening':
    case 'latest_screening_on_track':
      return 'sc';
    case 'special_circumstance':
      return 'ci';
    case 'enrolled':
      return 'el';
    case 'ecd_reached':
      return 'er';
    case 'at_risk':
    case 'birth_registered':
    case 'birth_registration_known':
    case 'case_managed':
    case 'disability':
    case 'doses_due_given':
    case 'fully_immunized_under_1':
    case 'health_insurance':
    case 'protection_case_received':
    case 'supported':
      return null;
    default:
      return assertNever(condition);
  }
}

/** The period's days and its last day as SQL literals (period dates are parsed, never free text). */
function periodDays(period: PeriodParams): { days: RawBuilder<unknown>; end: RawBuilder<unknown> } {
  return {
    days: sql`daterange(${sql.lit(period.start)}::date, ${sql.lit(period.end)}::date, '[]')`,
    end: sql`${sql.lit(period.end)}::date`,
  };
}

/** The fact row's set of days `column` holds on some day of the period. */
const inPeriod = (column: string, period: PeriodParams) =>
  sql<boolean>`coalesce(c.${sql.raw(column)} && ${periodDays(period).days}, false)`;
/** The fact row's set of days `column` holds on the period's last day. */
const atEnd = (column: string, period: PeriodParams) =>
  sql<boolean>`coalesce(c.${sql.raw(column)} @> ${periodDays(period).end}, false)`;

/**
 * Reached in the period by a service of the domain: a service contact of the domain; for health also an EPI dose or
 * a development screening; for nutrition a growth measurement (the fact row's `reach_<domain>` days); for
 * education also an enrolment at nursery or kindergarten in the school year running at the period's end.
 */
function reachedIn(domain: EcdDomainCode, period: PeriodParams): RawBuilder<boolean> {
  const reached = inPeriod(`reach_${domain}`, period);
  return domain === 'education'
    ? sql<boolean>`(${reached} or ${atEnd('en_nursery', period)} or ${atEnd('en_kindergarten', period)})`
    : reached;
}

/** The one-row views the lineage shows for facts read from the fact row. */
export function viewColumns(view: LineageView, period: PeriodParams): RawBuilder<unknown> {
  switch (view) {
    case 'er':
      return sql.join(
        ecdDomainCodes.map((domain) => sql`${reachedIn(domain, period)} as ${sql.raw(`d_${domain}`)}`),
      );
    case 'el':
      return sql.join(
        enrolmentSchoolLevels.map(
          (level) => sql`${atEnd(`en_${level}`, period)} as ${sql.raw(`lv_${level}`)}`,
        ),
      );
    default:
      return assertNever(view);
  }
}

/** The fact as a boolean SQL expression over the child's fact row `c` (factTable.ts). */
export function factExpression(condition: Condition, period: PeriodParams): RawBuilder<boolean> {
  switch (condition.fact) {
    case 'latest_measurement':
      return inPeriod(`${growthFacts[condition.classification].prefix}_on`, period);
    case 'latest_measurement_class': {
      // Measured in the period, so the latest measurement by its last day is the period's latest.
      const facts = growthFacts[condition.classification];
      const classes = condition.classes.map((cls) => {
        if (!(facts.classes as readonly string[]).includes(cls))
          throw new Error(`no class ${cls} of ${condition.classification}`);
        return atEnd(`${facts.prefix}_${cls}`, period);
      });
      return sql<boolean>`(${inPeriod(`${facts.prefix}_on`, period)} and (${sql.join(classes, sql` or `)}))`;
    }
    case 'birth_registered':
      return sql`coalesce(c.birth_registered and (c.birth_registration_date is null or c.birth_registration_date <= ${periodDays(period).end}), false)`;
    case 'birth_registration_known':
      return sql`(c.birth_registered is not null)`;
    case 'fully_immunized_under_1':
      return sql`c.fully_u1`;
    case 'doses_due_given':
      return sql<boolean>`not ${atEnd('dose_gap', period)}`;
    case 'latest_screening':
      return inPeriod('sc_on', period);
    case 'latest_screening_on_track':
      return sql<boolean>`(${inPeriod('sc_on', period)} and ${atEnd('sc_on_track', period)})`;
    case 'enrolled':
      return sql<boolean>`(${sql.join(
        condition.levels.map((level) => atEnd(`en_${level}`, period)),
        sql` or `,
      )})`;
    case 'special_circumstance':
      return atEnd('in_circumstance', period);
    case 'at_risk':
      return atEnd('at_risk', period);
    case 'supported':
      return inPeriod('supported', period);
    case 'case_managed':
      return inPeriod('case_managed', period);
    case 'protection_case_received':
      if (
        condition.concerns.length !== abuseConcerns.length ||
        condition.concerns.some((concern) => !abuseConcerns.includes(concern))
      )
        throw new Error("the facts keep the cases of the catalogue's abuse concerns only");
      return inPeriod('abuse_reported', period);
    case 'ecd_reached':
      return sql<boolean>`(${sql.join(
        (condition.domains ?? ecdDomainCodes).map((domain) => reachedIn(domain, period)),
        sql` or `,
      )})`;
    case 'disability':
      return sql`(c.disability_type is not null)`;
    case 'health_insurance':
      return sql`coalesce(c.has_health_insurance, false)`;
    default:
      return assertNever(condition);
  }
}

/**
 * The birth date before which a child is at least `months` old on the period's last day, as a date literal: a child
 * born on day `b` is under `months` completed months on `end` exactly when `b > end - months` (PostgreSQL's date
 * arithmetic, which `age()` follows; checked for every birth date of 21 years, every month's last and 15th day of
 * 2019–2031 and every age bound of the catalogue). Comparing the birth date with a constant is what lets a
 * province's 2.5 million children be tested against a dozen age bounds without computing each one's age.
 */
export function bornAfter(end: string, months: number): RawBuilder<string> {
  return sql`(${end}::date - ${sql.lit(`${months} months`)}::interval)::date`;
}

/**
 * The population as a boolean SQL expression over `c`: age in [from, to) months on the period's last day (from 0:
 * every child of `c` is born by the last day already).
 */
export function populationExpression(population: Population, period: PeriodParams): RawBuilder<boolean> {
  switch (population.kind) {
    case 'age_at_end':
      return population.fromMonths === 0
        ? sql`(c.birth_date > ${bornAfter(period.end, population.toMonths)})`
        : sql`(c.birth_date > ${bornAfter(period.end, population.toMonths)}
            and c.birth_date <= ${bornAfter(period.end, population.fromMonths)})`;
    case 'first_birthday_in_period':
      return sql`(c.birth_date between ${period.start}::date - interval '1 year'
                                   and ${period.end}::date - interval '1 year')`;
    default:
      return assertNever(population);
  }
}

export interface SourceOptions {
  reach: SourceReach;
  /** The children whose records are read (probing). */
  children: RawBuilder<boolean>;
}

/**
 * The derived table of a record table for the lineage's detail and the circumstance-group breakdown: one row per
 * child of `c` with a record of the period. `m`: the class, z-score and day of the latest measurement of the period
 * per classification; `sc`: the latest screening of the period; `ci`: the groups on the period's last day.
 */
export function sourceTable(
  key: SourceKey,
  period: PeriodParams,
  options: SourceOptions,
): RawBuilder<unknown> {
  const { provinceCode, start, end } = period;
  /** The records' filter by child: none when the whole province's records of the period are read. */
  const ofChildren = (column: RawBuilder<unknown>) =>
    options.reach === 'scan'
      ? sql<boolean>`true`
      : sql<boolean>`${column} in (select c.id from c where ${options.children})`;
  switch (key) {
    case 'm': {
      const columns = Object.values(classificationColumn).map(({ column, z, alias }) => {
        const latest = (value: string) =>
          sql`(array_agg(g.${sql.raw(value)} order by g.measured_on desc, g.created_at desc, g.id desc)
            filter (where g.${sql.raw(column)} is not null))[1]`;
        return sql`${latest(column)} as ${sql.raw(alias)}, ${latest(z)} as ${sql.raw(`${alias}_z`)},
              max(g.measured_on) filter (where g.${sql.raw(column)} is not null) as ${sql.raw(`${alias}_on`)}`;
      });
      return sql`(select g.person_id, ${sql.join(columns)}
        from growth_measurement g
        where g.province_code = ${provinceCode} and g.measured_on between ${start}::date and ${end}::date
          and ${ofChildren(sql`g.person_id`)}
        group by g.person_id)`;
    }
    case 'sc':
      return sql`(select s.person_id,
          (array_agg(s.result order by s.screened_on desc, s.created_at desc, s.id desc))[1] as result,
          max(s.screened_on) as screened_on
        from development_screening s
        where s.province_code = ${provinceCode} and s.screened_on between ${start}::date and ${end}::date
          and ${ofChildren(sql`s.person_id`)}
        group by s.person_id)`;
    case 'ci':
      return sql`(select a.person_id, array_agg(distinct a.group_code order by a.group_code) as groups
        from circumstance_assignment a
        where a.province_code = ${provinceCode} and a.valid_from <= ${end}::date
          and (a.valid_to is null or a.valid_to > ${end}::date) and ${ofChildren(sql`a.person_id`)}
        group by a.person_id)`;
    default:
      return assertNever(key);
  }
}
