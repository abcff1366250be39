import {
  assertNever,
  ecdDomainCodes,
  immunizationSchedules,
  type AgeSpec,
  type Condition,
  type EcdDomainCode,
  type Population,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';

/**
 * The register facts an indicator definition names (`Condition` in packages/shared/src/domain/indicators/types.ts),
 * compiled to SQL. A fact reads the child's own row (`c`, the population CTE of engine.ts) or one or more per-child
 * tables, each derived from one read of a record table for the period: `m` growth measurements, `dz` doses, `sc`
 * screenings, `en` enrolment, `sv` service contacts, `ci` circumstances, `ar` at-risk flags, `cs` protection
 * cases, `rf` referrals, `cp` alternative care. A table is read once however many facts need it (ECD reach reads
 * the service contacts, doses, screenings, measurements and enrolment the other facts read too), it is joined only
 * when a fact of the request needs it, and it reads only the records of the children of the populations that use
 * it (`SourceReach`).
 */

export interface PeriodParams {
  provinceCode: string;
  start: string;
  end: string;
  /** The school year running on the period's last day (`2025-2026`). */
  schoolYear: string;
}

export type SourceKey = 'm' | 'dz' | 'sc' | 'en' | 'sv' | 'ci' | 'ar' | 'cs' | 'rf' | 'cp';

/**
 * How a derived table finds its records: `probe` reads the records of the population's children by key (a commune
 * or a village: a few thousand index look-ups); `scan` reads the province's records of the period once and leaves
 * the join to the children to a hash or merge join (a province: probing its records child by child, on estimates
 * the planner cannot make for `c`, cost minutes on 2.5 million children).
 */
export type SourceReach = 'probe' | 'scan';

const classificationColumn = {
  underweight: { column: 'underweight', z: 'z_wfa', alias: 'uw' },
  stunting: { column: 'stunting', z: 'z_lhfa', alias: 'st' },
  wasting: { column: 'wasting', z: 'z_wflh', alias: 'wa' },
  overweight: { column: 'overweight', z: 'z_wflh', alias: 'ow' },
} as const;

/** The tables that say whether a child was reached in each domain (`ecd_reached`, `reachedIn`). */
const reachTables: Record<EcdDomainCode, readonly SourceKey[]> = {
  health: ['sv', 'dz', 'sc'],
  education: ['sv', 'en'],
  nutrition: ['sv', 'm'],
  care: ['sv'],
  protection: ['sv'],
  social_welfare: ['sv'],
};

/** The tables a fact reads (none: the child's own row). */
export function factTables(condition: Condition): readonly SourceKey[] {
  switch (condition.fact) {
    case 'latest_measurement':
    case 'latest_measurement_class':
      return ['m'];
    case 'fully_immunized_under_1':
    case 'doses_due_given':
      return ['dz'];
    case 'latest_screening':
    case 'latest_screening_on_track':
      return ['sc'];
    case 'enrolled':
      return ['en'];
    case 'special_circumstance':
      return ['ci'];
    case 'at_risk':
      return ['ar'];
    case 'supported':
      return ['sv', 'rf', 'cs', 'cp'];
    case 'case_managed':
    case 'protection_case_received':
      return ['cs'];
    case 'ecd_reached':
      return [...new Set((condition.domains ?? ecdDomainCodes).flatMap((domain) => reachTables[domain]))];
    case 'birth_registered':
    case 'birth_registration_known':
    case 'disability':
    case 'health_insurance':
      return [];
    default:
      return assertNever(condition);
  }
}

/** Whether the fact applies the dose rules (all the child's doses) rather than reading the period's doses. */
export function needsDoseRules(condition: Condition): boolean {
  return condition.fact === 'fully_immunized_under_1' || condition.fact === 'doses_due_given';
}

/**
 * The relation whose row explains a fact to the lineage (`to_jsonb(<alias>)`), null for the child's own row. Most
 * are the fact's table; `er`, `su`, `cm` and `pc` are one-row views over several tables that `populationQuery`
 * adds for the lineage (`viewColumns`).
 */
export function factSource(condition: Condition): SourceKey | LineageView | null {
  const views: Partial<Record<Condition['fact'], LineageView>> = {
    supported: 'su',
    case_managed: 'cm',
    protection_case_received: 'pc',
    ecd_reached: 'er',
  };
  return views[condition.fact] ?? factTables(condition)[0] ?? null;
}

export type LineageView = 'er' | 'su' | 'cm' | 'pc';

const sqlList = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

/**
 * Reached in the period by a service of the domain: a service contact of the domain; for health also an EPI dose or
 * a development screening; for nutrition a growth measurement; for education an enrolment at nursery or
 * kindergarten in the school year running at the period's end.
 */
const reachedIn: Record<EcdDomainCode, RawBuilder<boolean>> = {
  health: sql`(coalesce(sv.d_health, false) or coalesce(dz.in_period, false) or sc.person_id is not null)`,
  education: sql`(coalesce(sv.d_education, false) or coalesce(en.lv_nursery or en.lv_kindergarten, false))`,
  nutrition: sql`(coalesce(sv.d_nutrition, false) or m.person_id is not null)`,
  care: sql`coalesce(sv.d_care, false)`,
  protection: sql`coalesce(sv.d_protection, false)`,
  social_welfare: sql`coalesce(sv.d_social_welfare, false)`,
};
/** Reached by any service: a service contact of any domain, or a dose, screening, measurement or enrolment. */
const reachedAny = sql<boolean>`(sv.person_id is not null or coalesce(dz.in_period, false)
  or sc.person_id is not null or m.person_id is not null or coalesce(en.lv_nursery or en.lv_kindergarten, false))`;
/**
 * Supported in the period: a protection or social-welfare service; a referral accepted or completed (from a case or
 * from the child's need); a case whose plan is in force, or closed with its goals met, during the period;
 * alternative care running during the period.
 */
const supported = sql<boolean>`(coalesce(sv.d_protection or sv.d_social_welfare, false) or rf.person_id is not null
  or coalesce(cs.implementing, false) or cp.person_id is not null)`;

/** The one-row views the lineage shows for facts read from several tables (`factSource`). */
export function viewColumns(view: LineageView): RawBuilder<unknown> {
  switch (view) {
    case 'er':
      return sql.join(ecdDomainCodes.map((domain) => sql`${reachedIn[domain]} as ${sql.raw(`d_${domain}`)}`));
    case 'su':
      return sql`${supported} as supported`;
    case 'cm':
      return sql`coalesce(cs.managed, false) as managed`;
    case 'pc':
      return sql`coalesce(cs.received, false) as received`;
    default:
      return assertNever(view);
  }
}

/** The fact as a boolean SQL expression over `c` and the joined derived tables. */
export function factExpression(condition: Condition, period: PeriodParams): RawBuilder<boolean> {
  switch (condition.fact) {
    case 'latest_measurement':
      return sql`(m.${sql.raw(classificationColumn[condition.classification].alias)} is not null)`;
    case 'latest_measurement_class':
      return sql`coalesce(m.${sql.raw(classificationColumn[condition.classification].alias)} in (${sqlList(condition.classes)}), false)`;
    case 'birth_registered':
      return sql`coalesce(c.birth_registered and (c.birth_registration_date is null or c.birth_registration_date <= ${period.end}::date), false)`;
    case 'birth_registration_known':
      return sql`(c.birth_registered is not null)`;
    case 'fully_immunized_under_1':
      return sql`coalesce(dz.fully_u1, false)`;
    case 'doses_due_given':
      return sql`coalesce(dz.due_given, false)`;
    case 'latest_screening':
      return sql`(sc.result is not null)`;
    case 'latest_screening_on_track':
      return sql`coalesce(sc.result = 'on_track', false)`;
    case 'enrolled':
      return sql`coalesce(${sql.join(
        condition.levels.map((level) => sql`en.${sql.raw(`lv_${level}`)}`),
        sql` or `,
      )}, false)`;
    case 'special_circumstance':
      return sql`(ci.groups is not null)`;
    case 'at_risk':
      return sql`(ar.person_id is not null)`;
    case 'supported':
      return supported;
    case 'case_managed':
      return sql`coalesce(cs.managed, false)`;
    case 'protection_case_received':
      return sql`coalesce(cs.received, false)`;
    case 'ecd_reached':
      if (!condition.domains) return reachedAny;
      return sql`(${sql.join(
        condition.domains.map((domain) => reachedIn[domain]),
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
      return sql`c.first_birthday_in_period`;
    default:
      return assertNever(population);
  }
}

/** An age as a PostgreSQL interval literal. */
export function ageInterval(age: AgeSpec): string {
  const parts = [
    age.years ? `${age.years} years` : '',
    age.months ? `${age.months} months` : '',
    age.weeks ? `${age.weeks * 7} days` : '',
    age.days ? `${age.days} days` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 days';
}

/**
 * The dose rules per schedule version, as SQL over the child's birth date (`pp.birth_date`) and their doses `d`:
 * - fully immunised under 1: for each vaccine code of the doses the schedule counts, at least as many doses given
 *   on or after the earliest valid age and before the first birthday as the schedule counts;
 * - every due dose given: for each vaccine code, at least as many doses given on or after the earliest age and by
 *   the period's last day as are due by then (scheduled ages under 5; the birth dose of hepatitis B and IPV are
 *   left out, as "fully immunised" leaves them out).
 * Intervals between doses are not checked (the child's immunisation page does).
 */
function doseRules(end: string): { fullyU1: RawBuilder<boolean>; dueGiven: RawBuilder<boolean> } {
  const versions = [...immunizationSchedules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const underOne: RawBuilder<boolean>[] = [];
  const due: RawBuilder<boolean>[] = [];
  versions.forEach((schedule, index) => {
    const next = versions[index + 1];
    const inVersion = sql.join(
      [
        index === 0 ? sql`true` : sql`pp.birth_date >= ${sql.lit(schedule.validFrom)}::date`,
        next ? sql`pp.birth_date < ${sql.lit(next.validFrom)}::date` : sql`true`,
      ],
      sql` and `,
    );
    const codes = [...new Set(schedule.doses.map((dose) => dose.vaccineCode))];
    const given = (code: string, before: RawBuilder<unknown>) => {
      const earliest = schedule.doses
        .filter((dose) => dose.vaccineCode === code)
        .map((dose) => ageInterval(dose.earliestAge))[0]!;
      return sql`count(*) filter (where d.vaccine_code = ${sql.lit(code)}
        and d.given_on >= pp.birth_date + ${sql.lit(earliest)}::interval and ${before})`;
    };
    const u1Terms = codes
      .map((code) => ({
        code,
        needed: schedule.doses.filter(
          (dose) => dose.vaccineCode === code && dose.countsForFullyImmunizedUnder1,
        ).length,
      }))
      .filter((term) => term.needed > 0)
      .map(
        (term) =>
          sql`${given(term.code, sql`d.given_on < pp.birth_date + interval '1 year'`)} >= ${sql.lit(term.needed)}`,
      );
    underOne.push(sql`(${inVersion} and ${sql.join(u1Terms, sql` and `)})`);
    const dueTerms = codes
      .filter((code) => code !== 'hepb_birth' && code !== 'ipv')
      .map((code) => {
        const scheduled = schedule.doses.filter(
          (dose) =>
            dose.vaccineCode === code && (dose.dueAge.years ?? 0) * 12 + (dose.dueAge.months ?? 0) < 60,
        );
        if (scheduled.length === 0) return null;
        const dueCount = sql.join(
          scheduled.map(
            (dose) =>
              sql`(case when pp.birth_date + ${sql.lit(ageInterval(dose.dueAge))}::interval <= ${end}::date then 1 else 0 end)`,
          ),
          sql` + `,
        );
        return sql`${given(code, sql`d.given_on <= ${end}::date`)} >= ${dueCount}`;
      })
      .filter((term): term is RawBuilder<boolean> => term !== null);
    due.push(sql`(${inVersion} and ${sql.join(dueTerms, sql` and `)})`);
  });
  return {
    fullyU1: sql<boolean>`(${sql.join(underOne, sql` or `)})`,
    dueGiven: sql<boolean>`(${sql.join(due, sql` or `)})`,
  };
}

export interface SourceNeeds {
  /** The children whose records are read: the union of the populations of the facts that read the table. */
  children: RawBuilder<boolean>;
  /**
   * `dz` only: the children to whom the dose rules apply (every dose they have; the others' doses are read for the
   * period only), and the oldest age (months) among them: a dose given before a child's birth never counts, so
   * doses older than that are not read. Null when no fact of the request applies the rules.
   */
  doseRules?: { children: RawBuilder<boolean>; oldestMonths: number } | null;
}

export interface SourceOptions {
  reach: SourceReach;
  /** For `cs`: the concerns that count as abuse (one list per request). */
  concerns: readonly string[];
  /** The z-scores and dates of the last measurement, for the lineage's detail. */
  details: boolean;
}

/**
 * The derived table of a record table: one row per child of `c` with a record (`dz`: per child of the populations
 * using it), with the columns `factExpression` reads.
 */
export function sourceTable(
  key: SourceKey,
  period: PeriodParams,
  needs: SourceNeeds,
  options: SourceOptions,
): RawBuilder<unknown> {
  const { provinceCode, start, end, schoolYear } = period;
  /** The records' filter by child: none when the whole province's records of the period are read. */
  const ofChildren = (column: RawBuilder<unknown>) =>
    options.reach === 'scan'
      ? sql<boolean>`true`
      : sql<boolean>`${column} in (select c.id from c where ${needs.children})`;
  switch (key) {
    case 'm': {
      const columns = Object.values(classificationColumn).map(({ column, z, alias }) => {
        const latest = (value: string) =>
          sql`(array_agg(g.${sql.raw(value)} order by g.measured_on desc, g.created_at desc, g.id desc)
            filter (where g.${sql.raw(column)} is not null))[1]`;
        return options.details
          ? sql`${latest(column)} as ${sql.raw(alias)}, ${latest(z)} as ${sql.raw(`${alias}_z`)},
              max(g.measured_on) filter (where g.${sql.raw(column)} is not null) as ${sql.raw(`${alias}_on`)}`
          : sql`${latest(column)} as ${sql.raw(alias)}`;
      });
      return sql`(select g.person_id, ${sql.join(columns)}
        from growth_measurement g
        where g.province_code = ${provinceCode} and g.measured_on between ${start}::date and ${end}::date
          and ${ofChildren(sql`g.person_id`)}
        group by g.person_id)`;
    }
    case 'dz': {
      // One pass over the doses for both uses: every dose of the children the rules apply to, and the period's
      // doses of the others (ECD reach). The children's birth dates come from `c`.
      const rules = needs.doseRules ?? null;
      const ruleColumns = rules
        ? (() => {
            const compiled = doseRules(end);
            return sql`, ${compiled.fullyU1} as fully_u1, ${compiled.dueGiven} as due_given`;
          })()
        : sql``;
      // A month's margin over the oldest child, and never after the period's start (the period's doses count).
      const oldest = rules
        ? sql`least(${start}::date, (${end}::date - ${sql.lit(`${rules.oldestMonths + 1} months`)}::interval)::date)`
        : sql`${start}::date`;
      return sql`(select pp.id as person_id,
          bool_or(d.given_on between ${start}::date and ${end}::date) as in_period ${ruleColumns}
        from (select c.id, c.birth_date, ${rules ? rules.children : sql`false`} as all_doses
                from c where ${needs.children}) pp
        left join immunization_dose d on d.province_code = ${provinceCode} and d.person_id = pp.id
          and d.given_on >= ${oldest} and (pp.all_doses or d.given_on between ${start}::date and ${end}::date)
        group by pp.id, pp.birth_date)`;
    }
    case 'sc':
      return sql`(select s.person_id,
          (array_agg(s.result order by s.screened_on desc, s.created_at desc, s.id desc))[1] as result,
          max(s.screened_on) as screened_on
        from development_screening s
        where s.province_code = ${provinceCode} and s.screened_on between ${start}::date and ${end}::date
          and ${ofChildren(sql`s.person_id`)}
        group by s.person_id)`;
    case 'en':
      return sql`(select e.person_id,
          bool_or(e.level = 'nursery') as lv_nursery,
          bool_or(e.level = 'kindergarten') as lv_kindergarten,
          bool_or(e.level = 'primary') as lv_primary,
          bool_or(e.level = 'lower_secondary') as lv_lower_secondary
        from school_enrolment e
        where e.province_code = ${provinceCode} and e.school_year = ${schoolYear}
          and e.status in ('enrolled', 'completed') and ${ofChildren(sql`e.person_id`)}
        group by e.person_id)`;
    case 'sv':
      return sql`(select s.person_id,
          bool_or(s.domain = 'health') as d_health,
          bool_or(s.domain = 'education') as d_education,
          bool_or(s.domain = 'nutrition') as d_nutrition,
          bool_or(s.domain = 'care') as d_care,
          bool_or(s.domain = 'protection') as d_protection,
          bool_or(s.domain = 'social_welfare') as d_social_welfare
        from ecd_service_contact s
        where s.province_code = ${provinceCode} and s.received_on between ${start}::date and ${end}::date
          and ${ofChildren(sql`s.person_id`)}
        group by s.person_id)`;
    case 'ci':
      return sql`(select a.person_id, array_agg(distinct a.group_code order by a.group_code) as groups
        from circumstance_assignment a
        where a.province_code = ${provinceCode} and a.valid_from <= ${end}::date
          and (a.valid_to is null or a.valid_to > ${end}::date) and ${ofChildren(sql`a.person_id`)}
        group by a.person_id)`;
    case 'ar':
      return sql`(select distinct f.person_id
        from at_risk_flag f
        where f.province_code = ${provinceCode} and f.valid_from <= ${end}::date
          and (f.valid_to is null or f.valid_to > ${end}::date) and ${ofChildren(sql`f.person_id`)})`;
    case 'cs': {
      // A child's protection cases: followed during the period (received by its end, not closed before its start,
      // not closed as unverified); received in the period for abuse (not closed as unverified); in implementation
      // by the period's end and not closed before its start (or closed then with its goals met, not unverified).
      const receivedOn = sql`(k.received_at at time zone 'Asia/Ho_Chi_Minh')::date`;
      const closedOn = sql`(k.closed_at at time zone 'Asia/Ho_Chi_Minh')::date`;
      const verified = sql`not (k.step = 'closed' and k.close_reason = 'not_verified')`;
      return sql`(select k.person_id,
          bool_or(${receivedOn} <= ${end}::date and (k.closed_at is null or ${closedOn} >= ${start}::date)
                  and ${verified}) as managed,
          bool_or(${receivedOn} between ${start}::date and ${end}::date
                  and k.concern_types && ${sql.raw(`array[${abuseList(options.concerns)}]::text[]`)}
                  and ${verified}) as received,
          bool_or(ev.case_id is not null
                  and (k.closed_at is null or (${closedOn} >= ${start}::date and k.close_reason <> 'not_verified')))
            as implementing
        from protection_case k
        left join (select distinct ev.case_id from case_event ev
                    where ev.province_code = ${provinceCode} and ev.to_step = 'implementing'
                      and (ev.at at time zone 'Asia/Ho_Chi_Minh')::date <= ${end}::date) ev on ev.case_id = k.id
        where k.province_code = ${provinceCode} and k.person_id is not null and ${ofChildren(sql`k.person_id`)}
        group by k.person_id)`;
    }
    case 'rf':
      // Referrals answered (accepted or completed) by the period's end and not completed before its start: a
      // case's (the case's child) or a child's own.
      return sql`(select distinct coalesce(r.person_id, rcase.person_id) as person_id
        from referral r
        left join protection_case rcase on rcase.province_code = r.province_code and rcase.id = r.case_id
        where r.province_code = ${provinceCode} and r.status in ('accepted', 'completed')
          and (r.responded_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${end}::date
          and coalesce((r.completed_at at time zone 'Asia/Ho_Chi_Minh')::date, ${end}::date) >= ${start}::date
          and ${ofChildren(sql`coalesce(r.person_id, rcase.person_id)`)})`;
    case 'cp':
      // Alternative care running during the period.
      return sql`(select distinct pl.person_id
        from care_placement pl
        where pl.province_code = ${provinceCode} and pl.status in ('placed', 'terminated')
          and pl.handed_over_on <= ${end}::date
          and (pl.terminated_on is null or pl.terminated_on >= ${start}::date)
          and ${ofChildren(sql`pl.person_id`)})`;
    default:
      return assertNever(key);
  }
}

/** The concern codes of `protection_case_received` as SQL literals (codes are catalogue constants). */
function abuseList(concerns: readonly string[]): string {
  return concerns.map((code) => `'${code.replace(/[^a-z_]/g, '')}'`).join(', ');
}
