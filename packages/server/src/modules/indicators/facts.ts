import {
  assertNever,
  immunizationSchedules,
  type AgeSpec,
  type Condition,
  type Population,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';

/**
 * The register facts an indicator definition names (`Condition` in packages/shared/src/domain/indicators/types.ts),
 * compiled to SQL. Each fact reads one source: the child's own row (`c`, the population CTE of engine.ts), or a
 * per-child table derived from one scan of a record table for the period (`m` growth, `dz` doses, `sc` screenings,
 * `en` enrolment, `ci` circumstances, `ar` at-risk flags, `su` support, `cm` cases followed, `pc` cases received,
 * `er` ECD reach). A derived table is joined only when an indicator of the request needs it, and it reads only the
 * records of the children of the populations that use it.
 */

export interface PeriodParams {
  provinceCode: string;
  start: string;
  end: string;
  /** The school year running on the period's last day (`2025-2026`). */
  schoolYear: string;
}

export type SourceKey = 'm' | 'dz' | 'sc' | 'en' | 'ci' | 'ar' | 'su' | 'cm' | 'pc' | 'er';

/**
 * How a derived table finds its records: `probe` reads the records of the population's children by key (a commune
 * or a village: a few thousand index look-ups); `scan` reads the province's records of the period once and leaves
 * the join to the children to the final hash join (a province: the whole table would be probed child by child).
 */
export type SourceReach = 'probe' | 'scan';

const classificationColumn = {
  underweight: { column: 'underweight', z: 'z_wfa', alias: 'uw' },
  stunting: { column: 'stunting', z: 'z_lhfa', alias: 'st' },
  wasting: { column: 'wasting', z: 'z_wflh', alias: 'wa' },
  overweight: { column: 'overweight', z: 'z_wflh', alias: 'ow' },
} as const;

/** The table a fact reads; null = the child's own row. */
export function factSource(condition: Condition): SourceKey | null {
  switch (condition.fact) {
    case 'latest_measurement':
    case 'latest_measurement_class':
      return 'm';
    case 'fully_immunized_under_1':
    case 'doses_due_given':
      return 'dz';
    case 'latest_screening':
    case 'latest_screening_on_track':
      return 'sc';
    case 'enrolled':
      return 'en';
    case 'special_circumstance':
      return 'ci';
    case 'at_risk':
      return 'ar';
    case 'supported':
      return 'su';
    case 'case_managed':
      return 'cm';
    case 'protection_case_received':
      return 'pc';
    case 'ecd_reached':
      return 'er';
    case 'birth_registered':
    case 'birth_registration_known':
    case 'disability':
    case 'health_insurance':
      return null;
    default:
      return assertNever(condition);
  }
}

const sqlList = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

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
      return sql`(su.person_id is not null)`;
    case 'case_managed':
      return sql`(cm.person_id is not null)`;
    case 'protection_case_received':
      return sql`(pc.person_id is not null)`;
    case 'ecd_reached':
      if (!condition.domains) return sql`(er.person_id is not null)`;
      return sql`coalesce(${sql.join(
        condition.domains.map((domain) => sql`er.${sql.raw(`d_${domain}`)}`),
        sql` or `,
      )}, false)`;
    case 'disability':
      return sql`(c.disability_type is not null)`;
    case 'health_insurance':
      return sql`coalesce(c.has_health_insurance, false)`;
    default:
      return assertNever(condition);
  }
}

/** The population as a boolean SQL expression over `c`. */
export function populationExpression(population: Population): RawBuilder<boolean> {
  switch (population.kind) {
    case 'age_at_end':
      return sql`(c.age_m >= ${sql.lit(population.fromMonths)} and c.age_m < ${sql.lit(population.toMonths)})`;
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

/**
 * The derived table of a source: one row per child of `c` that passes `needed` (the union of the populations of
 * the indicators using it), with the columns `factExpression` reads.
 */
export function sourceTable(
  key: SourceKey,
  period: PeriodParams,
  needed: RawBuilder<boolean>,
  /** For `pc`: the concerns that count (one list per request). */
  concerns: readonly string[],
  reach: SourceReach = 'probe',
): RawBuilder<unknown> {
  const { provinceCode, start, end, schoolYear } = period;
  const children = sql`select c.id from c where ${needed}`;
  /** The records' filter by child: none when the whole province's records of the period are read. */
  const ofChildren = (column: RawBuilder<unknown>) =>
    reach === 'scan' ? sql<boolean>`true` : sql<boolean>`${column} in (${children})`;
  switch (key) {
    case 'm': {
      const columns = Object.values(classificationColumn).map(
        ({ column, z, alias }) => sql`
          (array_agg(g.${sql.raw(column)} order by g.measured_on desc, g.created_at desc, g.id desc)
            filter (where g.${sql.raw(column)} is not null))[1] as ${sql.raw(alias)},
          (array_agg(g.${sql.raw(z)} order by g.measured_on desc, g.created_at desc, g.id desc)
            filter (where g.${sql.raw(column)} is not null))[1] as ${sql.raw(`${alias}_z`)},
          max(g.measured_on) filter (where g.${sql.raw(column)} is not null) as ${sql.raw(`${alias}_on`)}`,
      );
      return sql`(select g.person_id, ${sql.join(columns)}
        from growth_measurement g
        where g.province_code = ${provinceCode} and g.measured_on between ${start}::date and ${end}::date
          and ${ofChildren(sql`g.person_id`)}
        group by g.person_id)`;
    }
    case 'dz': {
      const rules = doseRules(end);
      // Probing (a commune): the children's rows by key. Scanning (a province): their birth dates from `c`, and the
      // doses hash-joined to them.
      const people =
        reach === 'scan'
          ? sql`(select c.id, c.birth_date from c where ${needed}) pp`
          : sql`(${children}) k join person pp on pp.province_code = ${provinceCode} and pp.id = k.id`;
      return sql`(select pp.id as person_id, ${rules.fullyU1} as fully_u1, ${rules.dueGiven} as due_given
        from ${people}
        left join immunization_dose d on d.province_code = ${provinceCode} and d.person_id = pp.id
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
    case 'su':
      // Assisted in the period: a protection or social-welfare service; a referral accepted or completed (from a
      // case or from the child's need); a case whose plan is in force, or closed with its goals met, during the
      // period; alternative care running during the period.
      return sql`(select distinct x.person_id from (
          select s.person_id from ecd_service_contact s
           where s.province_code = ${provinceCode} and s.domain in ('protection', 'social_welfare')
             and s.received_on between ${start}::date and ${end}::date
          union all
          select coalesce(r.person_id, pcase.person_id) from referral r
            left join protection_case pcase on pcase.province_code = r.province_code and pcase.id = r.case_id
           where r.province_code = ${provinceCode} and r.status in ('accepted', 'completed')
             and (r.responded_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${end}::date
             and coalesce((r.completed_at at time zone 'Asia/Ho_Chi_Minh')::date, ${end}::date) >= ${start}::date
          union all
          select k.person_id from protection_case k
           where k.province_code = ${provinceCode} and k.person_id is not null
             and exists (select 1 from case_event ev where ev.province_code = k.province_code and ev.case_id = k.id
                          and ev.to_step = 'implementing'
                          and (ev.at at time zone 'Asia/Ho_Chi_Minh')::date <= ${end}::date)
             and (k.closed_at is null or ((k.closed_at at time zone 'Asia/Ho_Chi_Minh')::date >= ${start}::date
                                          and k.close_reason <> 'not_verified'))
          union all
          select cp.person_id from care_placement cp
           where cp.province_code = ${provinceCode} and cp.status in ('placed', 'terminated')
             and cp.handed_over_on <= ${end}::date
             and (cp.terminated_on is null or cp.terminated_on >= ${start}::date)
        ) x where ${ofChildren(sql`x.person_id`)})`;
    case 'cm':
      return sql`(select distinct k.person_id from protection_case k
        where k.province_code = ${provinceCode} and ${ofChildren(sql`k.person_id`)}
          and (k.received_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${end}::date
          and (k.closed_at is null or (k.closed_at at time zone 'Asia/Ho_Chi_Minh')::date >= ${start}::date)
          and not (k.step = 'closed' and k.close_reason = 'not_verified'))`;
    case 'pc':
      return sql`(select distinct k.person_id from protection_case k
        where k.province_code = ${provinceCode} and ${ofChildren(sql`k.person_id`)}
          and (k.received_at at time zone 'Asia/Ho_Chi_Minh')::date between ${start}::date and ${end}::date
          and k.concern_types && ${sql.raw(`array[${abuseList(concerns)}]::text[]`)}
          and not (k.step = 'closed' and k.close_reason = 'not_verified'))`;
    case 'er':
      return sql`(select x.person_id,
          bool_or(x.domain = 'health') as d_health,
          bool_or(x.domain = 'education') as d_education,
          bool_or(x.domain = 'nutrition') as d_nutrition,
          bool_or(x.domain = 'care') as d_care,
          bool_or(x.domain = 'protection') as d_protection,
          bool_or(x.domain = 'social_welfare') as d_social_welfare
        from (
          select s.person_id, s.domain from ecd_service_contact s
           where s.province_code = ${provinceCode} and s.received_on between ${start}::date and ${end}::date
          union all
          select d.person_id, 'health' from immunization_dose d
           where d.province_code = ${provinceCode} and d.given_on between ${start}::date and ${end}::date
          union all
          select s.person_id, 'health' from development_screening s
           where s.province_code = ${provinceCode} and s.screened_on between ${start}::date and ${end}::date
          union all
          select g.person_id, 'nutrition' from growth_measurement g
           where g.province_code = ${provinceCode} and g.measured_on between ${start}::date and ${end}::date
          union all
          select e.person_id, 'education' from school_enrolment e
           where e.province_code = ${provinceCode} and e.school_year = ${schoolYear}
             and e.level in ('nursery', 'kindergarten') and e.status in ('enrolled', 'completed')
        ) x
        where ${ofChildren(sql`x.person_id`)}
        group by x.person_id)`;
    default:
      return assertNever(key);
  }
}

/** The concern codes of `protection_case_received` as SQL literals (codes are catalogue constants). */
function abuseList(concerns: readonly string[]): string {
  return concerns.map((code) => `'${code.replace(/[^a-z_]/g, '')}'`).join(', ');
}
