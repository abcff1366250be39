// indicators: the whole computed catalogue of the indicator engine for a province of 2.5 million children, by
// sex × age group (issue 6: "the whole computed catalogue for the province with sex × age-group disaggregation —
// report wall time and the ratio to a hand-written single-scan SQL baseline run in the same script. Target ≤ 2 s
// total and ≤ 1.5× the baseline"), on native PostgreSQL.
//
// The engine: `computeCounts` (packages/server/src/modules/indicators/engine.ts) with every computed indicator of
// the catalogue, the province's unit path, one half-year and `by: ['sex', 'age_group']` — what the overview of a
// province asks with a breakdown. A recent period is summed from the tallies (tallies.ts); the same request is also
// timed with the tallies turned off (`tallies: false`), as the engine counts an older period from the per-child
// facts. The baseline: one SQL statement written by hand below over the per-child facts (`indicator_fact`): one scan
// of the province's children, each count a filter on the row. A second statement written by hand over the record
// tables (measurements, doses, screenings, enrolment, service contacts, circumstances, flags, cases, referrals and
// placements) checks that the facts mean what the records mean. All run through the same connection pool
// (`openDatabase`: the server's session settings); the warm-up answers are compared cell by cell (area × sex × age
// group × indicator × population, denominator, numerator and completeness) and the benchmark fails if any differs.
// Then rounds of the engine, the engine over the facts and the baseline, interleaved; the facts' build is timed on
// the first run that needs it, and a write of 1,000 children shows what the next count pays to stay live.
//
// Database: `treem_bench_register_<children>` (shared with the register, ECD and case benchmarks, kept between
// runs) with its early-childhood records (`writeEcdScale`), cases (`writeCaseScale`) and the early-childhood
// referrals and alternative care of `writeReferralScale`, each written on the first run that lacks it.
import { openDatabase } from '@treem/server';
import {
  computedIndicators,
  immunizationSchedules,
  parsePeriod,
  periodContaining,
  type Period,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Executor } from '../packages/server/src/db/transaction.ts';
import {
  computeCounts,
  countsStatement,
  type EngineRow,
} from '../packages/server/src/modules/indicators/engine.ts';
import { refreshIndicatorFacts } from '../packages/server/src/modules/indicators/factTable.ts';
import { schoolYearOf } from '../packages/server/src/modules/ecd/records.service.ts';
import { writeCaseScale } from '../packages/server/src/seed/caseScale.ts';
import { writeEcdScale } from '../packages/server/src/seed/ecdScale.ts';
import { writeReferralScale } from '../packages/server/src/seed/referralScale.ts';
import { writeRegisterScale } from '../packages/server/src/seed/registerScale.ts';
import {
  ensurePostgresDatabase,
  envInt,
  loadNote,
  machineInfo,
  round,
  row,
  summarize,
  timeMs,
  writeResult,
  migrateBenchDatabase,
} from './support.ts';

const TOTAL_TARGET_MS = 2_000;
const RATIO_TARGET = 1.5;
const CHILDREN = envInt('BENCH_CHILDREN', 2_500_000);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const RUNS = envInt('BENCH_RUNS', 5);
const EXPLAIN = process.env.BENCH_EXPLAIN !== 'false';
const adminUrl = process.env.DATABASE_URL;
const BY = ['sex', 'age_group'] as const;

// ---------------------------------------------------------------------------------------------------------------
// The hand-written baseline
// ---------------------------------------------------------------------------------------------------------------

interface BaselineParams {
  provinceCode: string;
  unitPath: string;
  start: string;
  end: string;
  schoolYear: string;
}

/**
 * The whole computed catalogue by commune × sex × age group, written by hand for the schedule of Circular
 * 10/2024 (`immunizationSchedules`; the benchmark refuses another). Ages are compared as birth dates against the
 * period's end minus N months (`bornBy`), which is how "under N months on the last day" reads for a date.
 */
function baselineQuery(p: BaselineParams): RawBuilder<BaselineRow> {
  const end = sql`${p.end}::date`;
  const start = sql`${p.start}::date`;
  /** Born after this day: under `months` completed months on the last day. */
  const bornAfter = (months: number) => sql`(${end} - ${sql.lit(`${months} months`)}::interval)::date`;
  const under = (months: number) => sql`k.birth_date > ${bornAfter(months)}`;
  const dueBy = (age: string) => sql`(k.birth_date + ${sql.lit(age)}::interval <= ${end})::int`;
  const vn = (column: string) => sql.raw(`(${column} at time zone 'Asia/Ho_Chi_Minh')::date`);
  return sql<BaselineRow>`
    with k as not materialized (
      select p.id, p.sex, subpath(p.org_path, 0, 3)::text as area, p.birth_date,
             case when p.birth_date > ${bornAfter(36)} then '0-2' when p.birth_date > ${bornAfter(72)} then '3-5'
                  when p.birth_date > ${bornAfter(132)} then '6-10' else '11-15' end as age_group,
             p.birth_date between ${start} - interval '1 year' and ${end} - interval '1 year' as first_birthday,
             coalesce(p.birth_registered and (p.birth_registration_date is null
                      or p.birth_registration_date <= ${end}), false) as registered,
             p.birth_registered is not null as registration_known,
             p.disability_type is not null as disabled,
             coalesce(p.has_health_insurance, false) as insured
        from person p
       where p.province_code = ${p.provinceCode} and p.org_path <@ ${p.unitPath}::ltree
         and p.birth_date <= ${end} and p.birth_date > ${bornAfter(192)}
         and (p.status = 'active' or (p.status = 'deceased' and p.death_date > ${end}))
    ),
    -- The period's measurements: the class of the latest one that has it, per classification.
    g as (
      select person_id,
             (array_agg(underweight order by measured_on desc, created_at desc, id desc)
               filter (where underweight is not null))[1] as uw,
             (array_agg(stunting order by measured_on desc, created_at desc, id desc)
               filter (where stunting is not null))[1] as st,
             (array_agg(wasting order by measured_on desc, created_at desc, id desc)
               filter (where wasting is not null))[1] as wa,
             (array_agg(overweight order by measured_on desc, created_at desc, id desc)
               filter (where overweight is not null))[1] as ow
        from growth_measurement
       where province_code = ${p.provinceCode} and measured_on between ${start} and ${end}
       group by person_id
    ),
    -- The doses of the children under 9 given in the last five years (a child under 5 has no older dose): any in
    -- the period (reach), and the EPI rules of Circular 10/2024 for the children under 5 and the one-year cohort.
    d as (
      select k.id as person_id,
             bool_or(d.given_on between ${start} and ${end}) as in_period,
             count(*) filter (where d.vaccine_code = 'bcg' and d.given_on >= k.birth_date
                                and d.given_on < k.birth_date + interval '1 year') >= 1
         and count(*) filter (where d.vaccine_code = 'dpt_hepb_hib' and d.given_on >= k.birth_date + 42
                                and d.given_on < k.birth_date + interval '1 year') >= 3
         and count(*) filter (where d.vaccine_code = 'opv' and d.given_on >= k.birth_date + 42
                                and d.given_on < k.birth_date + interval '1 year') >= 3
         and count(*) filter (where d.vaccine_code = 'measles' and d.given_on >= k.birth_date + interval '9 months'
                                and d.given_on < k.birth_date + interval '1 year') >= 1
             as fully_u1,
             count(*) filter (where d.vaccine_code = 'bcg' and d.given_on >= k.birth_date) >= ${dueBy('0 days')}
         and count(*) filter (where d.vaccine_code = 'dpt_hepb_hib' and d.given_on >= k.birth_date + 42)
               >= ${dueBy('2 months')} + ${dueBy('3 months')} + ${dueBy('4 months')}
         and count(*) filter (where d.vaccine_code = 'opv' and d.given_on >= k.birth_date + 42)
               >= ${dueBy('2 months')} + ${dueBy('3 months')} + ${dueBy('4 months')}
         and count(*) filter (where d.vaccine_code = 'measles' and d.given_on >= k.birth_date + interval '9 months')
               >= ${dueBy('9 months')}
         and count(*) filter (where d.vaccine_code = 'je' and d.given_on >= k.birth_date + interval '12 months')
               >= ${dueBy('12 months')} + ${dueBy('12 months 14 days')} + ${dueBy('24 months 14 days')}
         and count(*) filter (where d.vaccine_code = 'dpt_booster'
                                and d.given_on >= k.birth_date + interval '12 months') >= ${dueBy('18 months')}
         and count(*) filter (where d.vaccine_code = 'mr' and d.given_on >= k.birth_date + interval '12 months')
               >= ${dueBy('18 months')}
             as due_given
        from k
        join immunization_dose d on d.province_code = ${p.provinceCode} and d.person_id = k.id
       where ${under(108)} and d.given_on > ${bornAfter(60)} and d.given_on <= ${end}
       group by k.id, k.birth_date
    ),
    s as (
      select person_id, (array_agg(result order by screened_on desc, created_at desc, id desc))[1] as result
        from development_screening
       where province_code = ${p.provinceCode} and screened_on between ${start} and ${end}
       group by person_id
    ),
    e as (
      select person_id, bool_or(level = 'nursery') as nursery, bool_or(level = 'kindergarten') as kindergarten
        from school_enrolment
       where province_code = ${p.provinceCode} and school_year = ${p.schoolYear}
         and status in ('enrolled', 'completed')
       group by person_id
    ),
    v as (
      select person_id,
             bool_or(domain = 'health') as health, bool_or(domain = 'education') as education,
             bool_or(domain = 'nutrition') as nutrition, bool_or(domain = 'care') as care,
             bool_or(domain = 'protection') as protection, bool_or(domain = 'social_welfare') as social_welfare
        from ecd_service_contact
       where province_code = ${p.provinceCode} and received_on between ${start} and ${end}
       group by person_id
    ),
    ci as (
      select distinct person_id from circumstance_assignment
       where province_code = ${p.provinceCode} and valid_from <= ${end} and (valid_to is null or valid_to > ${end})
    ),
    ar as (
      select distinct person_id from at_risk_flag
       where province_code = ${p.provinceCode} and valid_from <= ${end} and (valid_to is null or valid_to > ${end})
    ),
    -- A child's cases: followed in the period; received in the period for abuse; its plan in force in the period.
    cs as (
      select c.person_id,
             bool_or(not (c.step = 'closed' and c.close_reason = 'not_verified')
                     and ${vn('c.received_at')} <= ${end}
                     and (c.closed_at is null or ${vn('c.closed_at')} >= ${start})) as managed,
             bool_or(not (c.step = 'closed' and c.close_reason = 'not_verified')
                     and ${vn('c.received_at')} between ${start} and ${end}
                     and c.concern_types && array['violence', 'sexual_abuse', 'exploitation', 'child_labour',
                       'neglect', 'abandonment', 'trafficking', 'abduction', 'online_harm']) as abused,
             bool_or(i.case_id is not null and (c.closed_at is null
                     or (${vn('c.closed_at')} >= ${start} and c.close_reason <> 'not_verified'))) as implementing
        from protection_case c
        left join (select distinct case_id from case_event
                    where province_code = ${p.provinceCode} and to_step = 'implementing'
                      and ${vn('at')} <= ${end}) i on i.case_id = c.id
       where c.province_code = ${p.provinceCode} and c.person_id is not null
       group by c.person_id
    ),
    -- Referrals answered and open during the period, and alternative care running during it.
    rs as (
      select coalesce(r.person_id, c.person_id) as person_id
        from referral r left join protection_case c on c.province_code = r.province_code and c.id = r.case_id
       where r.province_code = ${p.provinceCode} and r.status in ('accepted', 'completed')
         and ${vn('r.responded_at')} <= ${end} and coalesce(${vn('r.completed_at')}, ${end}) >= ${start}
      union
      select person_id from care_placement
       where province_code = ${p.provinceCode} and status in ('placed', 'terminated')
         and handed_over_on <= ${end} and (terminated_on is null or terminated_on >= ${start})
    ),
    x as (
      select k.area, k.sex, k.age_group, k.first_birthday, k.registered, k.registration_known, k.disabled,
             k.insured, ${under(108)} as u9, ${under(60)} as u5, ${under(72)} as u6,
             ${under(72)} and not ${under(60)} as aged5,
             ${under(36)} and not ${under(3)} as m3_36, ${under(72)} and not ${under(36)} as m36_72,
             g.uw, g.st, g.wa, g.ow, coalesce(d.fully_u1, false) as fully_u1,
             coalesce(d.due_given, false) as due_given, s.result as screening,
             coalesce(e.nursery, false) as nursery, coalesce(e.kindergarten, false) as kindergarten,
             coalesce(v.health, false) or coalesce(d.in_period, false) or s.person_id is not null as r_health,
             coalesce(v.education, false) or coalesce(e.nursery or e.kindergarten, false) as r_education,
             coalesce(v.nutrition, false) or g.person_id is not null as r_nutrition,
             coalesce(v.care, false) as r_care, coalesce(v.protection, false) as r_protection,
             coalesce(v.social_welfare, false) as r_social_welfare,
             ci.person_id is not null as special, ar.person_id is not null as at_risk,
             coalesce(cs.managed, false) as managed, coalesce(cs.abused, false) as abused,
             coalesce(v.protection or v.social_welfare, false) or coalesce(cs.implementing, false)
               or rs.person_id is not null as supported
        from k
        left join g on g.person_id = k.id
        left join d on d.person_id = k.id
        left join s on s.person_id = k.id
        left join e on e.person_id = k.id
        left join v on v.person_id = k.id
        left join ci on ci.person_id = k.id
        left join ar on ar.person_id = k.id
        left join cs on cs.person_id = k.id
        left join rs on rs.person_id = k.id
    )
    select area, sex, age_group,
           count(*) as children,
           count(*) filter (where u9) as u9,
           count(*) filter (where u9 and (r_health or r_education or r_nutrition or r_care or r_protection
                                          or r_social_welfare)) as reached,
           count(*) filter (where u9 and r_health) as reached_health,
           count(*) filter (where u9 and r_education) as reached_education,
           count(*) filter (where u9 and r_nutrition) as reached_nutrition,
           count(*) filter (where u9 and r_care) as reached_care,
           count(*) filter (where u9 and r_protection) as reached_protection,
           count(*) filter (where u9 and r_social_welfare) as reached_social_welfare,
           count(*) filter (where u5) as u5,
           count(*) filter (where u5 and uw is not null) as uw_measured,
           count(*) filter (where u5 and uw in ('moderate', 'severe')) as underweight,
           count(*) filter (where u5 and st is not null) as st_measured,
           count(*) filter (where u5 and st in ('moderate', 'severe')) as stunted,
           count(*) filter (where u5 and ow is not null) as ow_measured,
           count(*) filter (where u5 and ow in ('overweight', 'obese')) as overweight,
           count(*) filter (where u5 and wa is not null) as wa_measured,
           count(*) filter (where u5 and wa in ('moderate', 'severe')) as wasted,
           count(*) filter (where first_birthday) as cohort,
           count(*) filter (where first_birthday and fully_u1) as fully_immunized,
           count(*) filter (where u5 and due_given) as due_given,
           count(*) filter (where special) as special,
           count(*) filter (where special and supported) as supported,
           count(*) filter (where abused) as abused,
           count(*) filter (where u5 and registered) as registered,
           count(*) filter (where u5 and registration_known) as registration_known,
           count(*) filter (where u5 and screening is not null) as screened,
           count(*) filter (where u5 and screening = 'on_track') as on_track,
           count(*) filter (where aged5) as aged5,
           count(*) filter (where aged5 and kindergarten) as aged5_kindergarten,
           count(*) filter (where at_risk) as at_risk,
           count(*) filter (where at_risk and managed) as at_risk_managed,
           count(*) filter (where m3_36) as m3_36,
           count(*) filter (where m3_36 and nursery) as m3_36_nursery,
           count(*) filter (where m36_72) as m36_72,
           count(*) filter (where m36_72 and kindergarten) as m36_72_kindergarten,
           count(*) filter (where u6) as u6,
           count(*) filter (where u6 and insured) as u6_insured,
           count(*) filter (where disabled) as disabled
      from x
     group by area, sex, age_group`;
}

/**
 * The same counts written by hand over the per-child facts (`indicator_fact`, migration 0018): what one would write
 * knowing that table — one scan of the province's children, each count a `filter` on the row's own columns and
 * its sets of days, grouped by commune × sex × age group. The engine's ratio is taken against this statement.
 */
function factsBaselineQuery(p: BaselineParams): RawBuilder<BaselineRow> {
  const end = sql.lit(p.end);
  const e = sql`${end}::date`;
  const days = sql`daterange(${sql.lit(p.start)}::date, ${end}::date, '[]')`;
  const bornAfter = (months: number) => sql`(${e} - ${sql.lit(`${months} months`)}::interval)::date`;
  const under = (months: number) => sql`birth_date > ${bornAfter(months)}`;
  const met = (column: string) => sql`coalesce(${sql.raw(column)} && ${days}, false)`;
  const holds = (column: string) => sql`coalesce(${sql.raw(column)} @> ${e}, false)`;
  const u9 = under(108);
  const u5 = under(60);
  const education = sql`(${met('reach_education')} or ${holds('en_nursery')} or ${holds('en_kindergarten')})`;
  const reach = sql`(${met('reach_health')} or ${education} or ${met('reach_nutrition')} or ${met('reach_care')}
    or ${met('reach_protection')} or ${met('reach_social_welfare')})`;
  const measured = (prefix: string) => sql`${u5} and ${met(`${prefix}_on`)}`;
  const classed = (prefix: string, a: string, b: string) =>
    sql`${measured(prefix)} and (${holds(`${prefix}_${a}`)} or ${holds(`${prefix}_${b}`)})`;
  const firstBirthday = sql`birth_date between ${sql.lit(p.start)}::date - interval '1 year' and ${e} - interval '1 year'`;
  const aged5 = sql`${under(72)} and not ${u5}`;
  const m3_36 = sql`${under(36)} and not ${under(3)}`;
  const m36_72 = sql`${under(72)} and not ${under(36)}`;
  const special = holds('in_circumstance');
  const atRisk = holds('at_risk');
  const counts: [BaselineColumn, RawBuilder<unknown>][] = [
    ['children', sql`true`],
    ['u9', u9],
    ['reached', sql`${u9} and ${reach}`],
    ['reached_health', sql`${u9} and ${met('reach_health')}`],
    ['reached_education', sql`${u9} and ${education}`],
    ['reached_nutrition', sql`${u9} and ${met('reach_nutrition')}`],
    ['reached_care', sql`${u9} and ${met('reach_care')}`],
    ['reached_protection', sql`${u9} and ${met('reach_protection')}`],
    ['reached_social_welfare', sql`${u9} and ${met('reach_social_welfare')}`],
    ['u5', u5],
    ['uw_measured', measured('uw')],
    ['underweight', classed('uw', 'moderate', 'severe')],
    ['st_measured', measured('st')],
    ['stunted', classed('st', 'moderate', 'severe')],
    ['ow_measured', measured('ow')],
    ['overweight', classed('ow', 'overweight', 'obese')],
    ['wa_measured', measured('wa')],
    ['wasted', classed('wa', 'moderate', 'severe')],
    ['cohort', firstBirthday],
    ['fully_immunized', sql`${firstBirthday} and fully_u1`],
    ['due_given', sql`${u5} and not ${holds('dose_gap')}`],
    ['special', special],
    ['supported', sql`${special} and ${met('supported')}`],
    ['abused', met('abuse_reported')],
    [
      'registered',
      sql`${u5} and coalesce(birth_registered and (birth_registration_date is null
      or birth_registration_date <= ${e}), false)`,
    ],
    ['registration_known', sql`${u5} and birth_registered is not null`],
    ['screened', sql`${u5} and ${met('sc_on')}`],
    ['on_track', sql`${u5} and ${met('sc_on')} and ${holds('sc_on_track')}`],
    ['aged5', aged5],
    ['aged5_kindergarten', sql`${aged5} and ${holds('en_kindergarten')}`],
    ['at_risk', atRisk],
    ['at_risk_managed', sql`${atRisk} and ${met('case_managed')}`],
    ['m3_36', m3_36],
    ['m3_36_nursery', sql`${m3_36} and ${holds('en_nursery')}`],
    ['m36_72', m36_72],
    ['m36_72_kindergarten', sql`${m36_72} and ${holds('en_kindergarten')}`],
    ['u6', under(72)],
    ['u6_insured', sql`${under(72)} and coalesce(has_health_insurance, false)`],
    ['disabled', sql`disability_type is not null`],
  ];
  return sql<BaselineRow>`
    select subpath(org_path, 0, 3)::text as area, sex,
           case when ${under(36)} then '0-2' when ${under(72)} then '3-5' when ${under(132)} then '6-10'
                else '11-15' end as age_group,
           ${sql.join(counts.map(([name, condition]) => sql`count(*) filter (where ${condition}) as ${sql.raw(name)}`))}
      from indicator_fact
     where province_code = ${p.provinceCode} and org_path <@ ${p.unitPath}::ltree
       and birth_date <= ${e} and ${under(192)}
       and (status = 'active' or (status = 'deceased' and death_date > ${e}))
     group by 1, 2, 3`;
}

type BaselineColumn =
  | 'children'
  | 'u9'
  | 'reached'
  | 'reached_health'
  | 'reached_education'
  | 'reached_nutrition'
  | 'reached_care'
  | 'reached_protection'
  | 'reached_social_welfare'
  | 'u5'
  | 'uw_measured'
  | 'underweight'
  | 'st_measured'
  | 'stunted'
  | 'ow_measured'
  | 'overweight'
  | 'wa_measured'
  | 'wasted'
  | 'cohort'
  | 'fully_immunized'
  | 'due_given'
  | 'special'
  | 'supported'
  | 'abused'
  | 'registered'
  | 'registration_known'
  | 'screened'
  | 'on_track'
  | 'aged5'
  | 'aged5_kindergarten'
  | 'at_risk'
  | 'at_risk_managed'
  | 'm3_36'
  | 'm3_36_nursery'
  | 'm36_72'
  | 'm36_72_kindergarten'
  | 'u6'
  | 'u6_insured'
  | 'disabled';

type BaselineRow = { area: string; sex: string; age_group: string } & Record<BaselineColumn, number>;

/** Each indicator's population, denominator, numerator and completeness among the baseline's counts (0: none). */
const baselineCells: Record<
  string,
  readonly [BaselineColumn, BaselineColumn, BaselineColumn, BaselineColumn | 0]
> = {
  'NPA-02': ['u9', 'u9', 'reached', 0],
  'NPA-04a': ['u5', 'uw_measured', 'underweight', 0],
  'NPA-04b': ['u5', 'st_measured', 'stunted', 0],
  'NPA-04c': ['u5', 'ow_measured', 'overweight', 0],
  'NUT-WASTING': ['u5', 'wa_measured', 'wasted', 0],
  'NPA-05a': ['cohort', 'cohort', 'fully_immunized', 0],
  'NPA-05b': ['u5', 'u5', 'due_given', 0],
  'NPA-08a': ['children', 'children', 'special', 0],
  'NPA-08b': ['children', 'special', 'supported', 0],
  'NPA-09': ['children', 'children', 'abused', 0],
  'NPA-14': ['u5', 'u5', 'registered', 'registration_known'],
  'NPA-15': ['u5', 'screened', 'on_track', 0],
  'NPA-16': ['aged5', 'aged5', 'aged5_kindergarten', 0],
  'ECD-HEALTH': ['u9', 'u9', 'reached_health', 0],
  'ECD-EDUCATION': ['u9', 'u9', 'reached_education', 0],
  'ECD-NUTRITION': ['u9', 'u9', 'reached_nutrition', 0],
  'ECD-CARE': ['u9', 'u9', 'reached_care', 0],
  'ECD-PROTECTION': ['u9', 'u9', 'reached_protection', 0],
  'ECD-SOCIAL-WELFARE': ['u9', 'u9', 'reached_social_welfare', 0],
  'CP-03': ['children', 'at_risk', 'at_risk_managed', 0],
  'TT13-CHILDREN': ['children', 'children', 'children', 0],
  'TT13-CSC': ['children', 'children', 'special', 0],
  'TT13-ABUSED': ['children', 'children', 'abused', 0],
  'TT13-NURSERY': ['m3_36', 'm3_36', 'm3_36_nursery', 0],
  'TT13-KINDERGARTEN': ['m36_72', 'm36_72', 'm36_72_kindergarten', 0],
  'TT13-INSURANCE': ['u6', 'u6', 'u6_insured', 0],
  'TT13-DISABILITY': ['children', 'children', 'disabled', 0],
};

/** Every cell of the engine's answer against the baseline's; the differences, at most `limit`. */
function compareAnswers(engine: EngineRow[], baseline: BaselineRow[], limit = 20): string[] {
  const differences: string[] = [];
  const byKey = new Map(baseline.map((r) => [`${r.area}|${r.sex}|${r.age_group}`, r]));
  const seen = new Set<string>();
  for (const engineRow of engine) {
    const key = `${engineRow.area}|${engineRow.dims.sex}|${engineRow.dims.age_group}`;
    seen.add(key);
    const base = byKey.get(key);
    if (!base) {
      differences.push(`${key}: in the engine's answer only`);
      continue;
    }
    computedIndicators.forEach((indicator, index) => {
      const cells = baselineCells[indicator.code];
      if (!cells) throw new Error(`the baseline has no counts for ${indicator.code}: write them by hand`);
      const counts = engineRow.counts[index]!;
      const engineValues = [counts.population, counts.denominator, counts.numerator, counts.complete];
      const baseValues = cells.map((column) => (column === 0 ? 0 : Number(base[column])));
      ['population', 'denominator', 'numerator', 'completeness'].forEach((part, i) => {
        if (engineValues[i] !== baseValues[i])
          differences.push(
            `${key} ${indicator.code} ${part}: engine ${engineValues[i]}, baseline ${baseValues[i]}`,
          );
      });
    });
    if (differences.length >= limit) return differences.slice(0, limit);
  }
  for (const key of byKey.keys())
    if (!seen.has(key)) differences.push(`${key}: in the baseline's answer only`);
  return differences.slice(0, limit);
}

// ---------------------------------------------------------------------------------------------------------------
// The engine's query and its plan
// ---------------------------------------------------------------------------------------------------------------

/** The statement `computeCounts` sends for a request (`countsStatement`), for EXPLAIN. */
function engineStatement(
  db: Executor,
  request: Parameters<typeof computeCounts>[1],
): { text: string; values: unknown[] } {
  const compiled = countsStatement(db, request).query.compile(db);
  return { text: compiled.sql, values: [...compiled.parameters] };
}

interface PlanNode {
  'Node Type': string;
  Strategy?: string;
  'Join Type'?: string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  'Actual Rows': number;
  'Temp Written Blocks'?: number;
  Plans?: PlanNode[];
}

/** A node as EXPLAIN's text names it: `HashAggregate`, `Hash Left Join`, `Seq Scan on person`. */
function label(node: PlanNode): string {
  const type = node['Node Type'];
  const named =
    type === 'Aggregate'
      ? ({ Hashed: 'HashAggregate', Sorted: 'GroupAggregate', Mixed: 'MixedAggregate' }[
          node.Strategy ?? ''
        ] ?? 'Aggregate')
      : node['Join Type'] && node['Join Type'] !== 'Inner'
        ? type.replace(/ Join$| Loop$/, (end) => ` ${node['Join Type']}${end}`)
        : type;
  return node['Relation Name'] ? `${named} on ${node['Relation Name']}` : named;
}

/** The tables a subtree reads. */
function relationsOf(node: PlanNode): string[] {
  const found = new Set<string>();
  const walk = (n: PlanNode) => {
    if (n['Relation Name']) found.add(n['Relation Name']);
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(node);
  return [...found];
}

/**
 * Where the engine's time goes, from `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`: the join spine from the top (the
 * children and the joins of each derived table) with each spine node's own time, and each derived table's subtree
 * with its time. Times are PostgreSQL's per-process averages, so a parallel part counts its wall time once.
 */
function planSummary(plan: PlanNode, executionMs: number): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const spine: string[] = [];
  const tables: { relations: string[]; ms: number }[] = [];
  let node: PlanNode | undefined = plan;
  while (node) {
    const children: PlanNode[] = (node.Plans ?? []).filter(
      (child: PlanNode) => child['Parent Relationship'] !== 'InitPlan',
    );
    const own =
      node['Actual Total Time'] - children.reduce((sum, child) => sum + child['Actual Total Time'], 0);
    const outer: PlanNode | undefined =
      children.find((child) => child['Parent Relationship'] === 'Outer') ?? children[0];
    const inner = children.find((child) => child['Parent Relationship'] === 'Inner');
    if (inner) tables.push({ relations: relationsOf(inner), ms: inner['Actual Total Time'] });
    if (own >= 200 || !outer)
      spine.push(
        `${label(node)} ${s(Math.max(0, own))}${outer ? '' : ` (${node['Actual Rows'].toLocaleString('en-US')} rows)`}`,
      );
    node = outer;
  }
  const temp = Math.round(((plan['Temp Written Blocks'] ?? 0) * 8) / 1024);
  return [
    `EXPLAIN (ANALYZE, BUFFERS) of the engine's statement: execution ${s(executionMs)} (EXPLAIN's own timing ` +
      `adds to it), ${temp.toLocaleString('en-US')} MB written to temporary files`,
    `engine plan, the spine from the top (each node's own time): ${spine.join(' ← ')}`,
    'engine plan, each derived table joined to the children (its subtree’s time): ' +
      tables
        .sort((a, b) => b.ms - a.ms)
        .map((t) => `${t.relations.join(' + ')} ${s(t.ms)}`)
        .join('; '),
  ];
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of the engine's statement, on a session set as the server's pool sets its own. */
async function explainEngine(
  url: string,
  settings: { jit: string; work_mem: string },
  statement: { text: string; values: unknown[] },
): Promise<{ lines: string[]; text: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set jit = ${settings.jit}`);
    await client.query(`set work_mem = '${settings.work_mem}'`);
    const json = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `explain (analyze, buffers, format json) ${statement.text}`,
      statement.values,
    );
    const top = json.rows[0]!['QUERY PLAN'][0];
    const text = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${statement.text}`,
      statement.values,
    );
    return {
      lines: planSummary(top.Plan, top['Execution Time']),
      text: text.rows.map((r) => r['QUERY PLAN']).join('\n'),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------------------

/** The register, its ECD records, cases, referrals and alternative care: written where missing, else reused. */
async function prepareScale(url: string) {
  const postgres = await migrateBenchDatabase(url);
  const log = (line: string) => console.log(`  ${line}`);
  const options = { databaseUrl: url, provinceCode: PROVINCE, log };
  await writeRegisterScale({ ...options, children: CHILDREN });
  const ecd = await writeEcdScale(options);
  const cases = await writeCaseScale(options);
  const referrals = await writeReferralScale(options);
  return { postgres, written: ecd.measurements + cases.cases + referrals.referrals + referrals.placements };
}

const FRESH = 1_000;

/** Engine answers compared cell by cell. */
function compareEngine(a: EngineRow[], b: EngineRow[], limit = 20): string[] {
  const key = (r: EngineRow) => `${r.area}|${r.dims.sex}|${r.dims.age_group}`;
  const byKey = new Map(b.map((r) => [key(r), r]));
  const differences: string[] = [];
  for (const r of a) {
    const other = byKey.get(key(r));
    if (JSON.stringify(other?.counts) !== JSON.stringify(r.counts)) differences.push(`${key(r)} differs`);
    byKey.delete(key(r));
  }
  for (const k of byKey.keys()) differences.push(`${k}: only after`);
  return differences.slice(0, limit);
}

/** Writes then deletes a care service for FRESH children under 9, timing the count after each. */
async function freshness(
  db: Executor,
  request: Parameters<typeof computeCounts>[1],
  params: BaselineParams,
  day: string,
): Promise<{ afterWrite: number; afterUndo: number; undoneRows: EngineRow[]; careGain: number }> {
  const care = (rows: BaselineRow[]) => rows.reduce((sum, r) => sum + Number(r.reached_care), 0);
  const before = care((await factsBaselineQuery(params).execute(db)).rows);
  const written = await sql<{ id: string }>`
    insert into ecd_service_contact (province_code, id, person_id, service_code, domain, received_on)
    select province_code, gen_random_uuid(), id, 'parenting_session', 'care', ${day}::date
      from person
     where province_code = ${params.provinceCode} and status = 'active' and birth_date > ${day}::date - interval '8 years'
     order by id limit ${FRESH}
    returning id`.execute(db);
  const afterWrite = await timeMs(() => computeCounts(db, request));
  const after = care((await factsBaselineQuery(params).execute(db)).rows);
  await sql`delete from ecd_service_contact where province_code = ${params.provinceCode}
             and id = any(${written.rows.map((r) => r.id)}::uuid[])`.execute(db);
  const afterUndo = await timeMs(() => computeCounts(db, request));
  return {
    afterWrite: afterWrite.ms,
    afterUndo: afterUndo.ms,
    undoneRows: afterUndo.value,
    careGain: after - before,
  };
}

async function main() {
  if (!adminUrl) {
    console.error(
      'indicators needs native PostgreSQL: set DATABASE_URL=postgres://… (a user with CREATEDB). The province of ' +
        `${CHILDREN.toLocaleString('en-US')} children and its records are written once into ` +
        `treem_bench_register_${CHILDREN} and reused.`,
    );
    process.exit(2);
  }
  if (immunizationSchedules.length !== 1 || immunizationSchedules[0]!.code !== 'TT10_2024')
    throw new Error(
      'the baseline writes the EPI rules of Circular 10/2024 by hand: write the new schedule too',
    );
  const notes: string[] = [loadNote('at start')];
  const dbName = `treem_bench_register_${CHILDREN}`;
  const url = await ensurePostgresDatabase(adminUrl, dbName);
  console.log(`indicators: database ${dbName}; writing or reusing the register and its records`);
  const { postgres, written } = await prepareScale(url);
  if (written > 0) notes.push('part of the data was written in this run (see the log)');

  const database = await openDatabase({ databaseUrl: url });
  try {
    const db = database.db;
    const province = (
      await sql<{ path: string; name: string }>`
        select path::text as path, name from org_unit
         where generation = 'current' and level = 'province' and province_code = ${PROVINCE}
           and valid_to is null`.execute(db)
    ).rows[0]!;
    const latest = (
      await sql<{ day: string }>`select max(measured_on)::text as day from growth_measurement
        where province_code = ${PROVINCE}`.execute(db)
    ).rows[0]!.day;
    const period: Period = parsePeriod(process.env.BENCH_PERIOD ?? periodContaining(latest, 'half_year'));
    const request = {
      provinceCode: PROVINCE,
      unitPath: province.path,
      period,
      indicators: computedIndicators,
      by: BY,
    };
    const params: BaselineParams = {
      provinceCode: PROVINCE,
      unitPath: province.path,
      start: period.start,
      end: period.end,
      schoolYear: schoolYearOf(period.end),
    };
    const settings = (
      await sql<{ jit: string; work_mem: string }>`
        select current_setting('jit') as jit, current_setting('work_mem') as work_mem`.execute(db)
    ).rows[0]!;
    const volumes = (
      await sql<Record<string, number>>`
        select
          (select count(*) from person where province_code = ${PROVINCE} and status = 'active'
             and birth_date > (${period.end}::date - interval '16 years')::date)::int as children,
          (select count(*) from growth_measurement where province_code = ${PROVINCE}
             and measured_on between ${period.start}::date and ${period.end}::date)::int as measurements,
          (select count(*) from immunization_dose where province_code = ${PROVINCE})::int as doses,
          (select count(*) from ecd_service_contact where province_code = ${PROVINCE}
             and received_on between ${period.start}::date and ${period.end}::date)::int as contacts,
          (select count(*) from protection_case where province_code = ${PROVINCE})::int as cases,
          (select count(*) from referral where province_code = ${PROVINCE})::int as referrals,
          (select count(*) from care_placement where province_code = ${PROVINCE})::int as placements`.execute(
        db,
      )
    ).rows[0]!;
    console.log(
      `  ${province.name}, ${period.code} (${period.start} – ${period.end}), ${computedIndicators.length} computed ` +
        `indicators by sex × age group; session jit=${settings.jit}, work_mem=${settings.work_mem}`,
    );

    // The facts: built for every child on the first run after migration 0018 (or a new FACT_VERSION), then kept.
    const build = await timeMs(() => refreshIndicatorFacts(db, PROVINCE));
    const factRows = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from indicator_fact where province_code = ${PROVINCE}`.execute(db)
    ).rows[0]!.n;
    console.log(
      `  facts: ${build.value.toLocaleString('en-US')} children (re)built in ${Math.round(build.ms)} ms`,
    );
    notes.push(
      build.value > 0
        ? `facts: ${build.value.toLocaleString('en-US')} children's rows built in this run in ${(build.ms / 1000).toFixed(1)} s ` +
            `(${Math.round(build.value / (build.ms / 1000)).toLocaleString('en-US')} children/s); ${factRows.toLocaleString('en-US')} rows`
        : `facts: ${factRows.toLocaleString('en-US')} rows, built by an earlier run, none stale`,
    );

    // Warm-up, and the answers compared cell by cell: the engine (from the tallies, the period being recent) against
    // the engine made to count the facts (as for an older period), the statement over the record tables (the facts
    // mean what the records mean) and the statement over the facts.
    const engineWarm = await timeMs(() => computeCounts(db, request));
    const scanWarm = await timeMs(() => computeCounts(db, request, { tallies: false }));
    const recordsWarm = await timeMs(() => baselineQuery(params).execute(db));
    const baselineWarm = await timeMs(() => factsBaselineQuery(params).execute(db));
    console.log(
      `  warm-up: engine ${Math.round(engineWarm.ms)} ms (${engineWarm.value.length} rows), engine over the facts ` +
        `${Math.round(scanWarm.ms)} ms, records statement ${Math.round(recordsWarm.ms)} ms, facts statement ` +
        `${Math.round(baselineWarm.ms)} ms`,
    );
    const scanDifferences = compareEngine(engineWarm.value, scanWarm.value);
    if (scanDifferences.length > 0) {
      console.error(`the tallies and the facts disagree:\n  ${scanDifferences.join('\n  ')}`);
      process.exit(1);
    }
    for (const [name, rows] of [
      ['the statement over the record tables', recordsWarm.value.rows],
      ['the statement over the facts', baselineWarm.value.rows],
    ] as const) {
      const differences = compareAnswers(engineWarm.value, rows);
      if (differences.length > 0) {
        console.error(`the engine and ${name} disagree:\n  ${differences.join('\n  ')}`);
        process.exit(1);
      }
    }
    const cells = engineWarm.value.length * computedIndicators.length;
    notes.push(
      `the engine from the tallies, the engine over the facts, the statement over the record tables and the one ` +
        `over the facts agree on all ` +
        `${cells.toLocaleString('en-US')} cells (${engineWarm.value.length} rows: area × sex × age group; × ` +
        `${computedIndicators.length} indicators; population, denominator, numerator and completeness each)`,
      `the statement over the record tables (the baseline of the previous engine, which read them): ` +
        `${(recordsWarm.ms / 1000).toFixed(1)} s, once`,
    );

    // Interleaved rounds; the order alternates so that neither always runs on the caches the other left.
    const engineMs: number[] = [];
    const scanMs: number[] = [];
    const baselineMs: number[] = [];
    const loads: string[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const engine = () => timeMs(() => computeCounts(db, request)).then((r) => engineMs.push(r.ms));
      const scan = () =>
        timeMs(() => computeCounts(db, request, { tallies: false })).then((r) => scanMs.push(r.ms));
      const baseline = () =>
        timeMs(() => factsBaselineQuery(params).execute(db)).then((r) => baselineMs.push(r.ms));
      const order = i % 2 === 0 ? [engine, scan, baseline] : [baseline, scan, engine];
      for (const run of order) await run();
      loads.push(loadNote(`after round ${i + 1}`).replace(/ on \d+ CPUs$/, ''));
      console.log(
        `  round ${i + 1}/${RUNS}: engine ${Math.round(engineMs.at(-1)!)} ms, engine over the facts ` +
          `${Math.round(scanMs.at(-1)!)} ms, baseline ${Math.round(baselineMs.at(-1)!)} ms`,
      );
    }
    const engineSummary = summarize(engineMs);
    const scanSummary = summarize(scanMs);
    const baselineSummary = summarize(baselineMs);
    const ratios = engineMs.map((ms, i) => ms / baselineMs[i]!);
    notes.push(`per round, engine / baseline: ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
    notes.push(...loads);

    // Live: a care service for each of FRESH children on the period's last day, written as a form would (the
    // trigger marks them stale); the next count rebuilds their rows first. Then the services are deleted and the
    // count is back to the warm-up's answer.
    const fresh = await freshness(db, request, params, period.end);
    console.log(
      `  after ${FRESH} children changed: engine ${Math.round(fresh.afterWrite)} ms; after the change is undone: ` +
        `${Math.round(fresh.afterUndo)} ms`,
    );
    const undone = compareEngine(engineWarm.value, fresh.undoneRows);
    if (undone.length > 0) {
      console.error(`undoing the writes did not restore the answer:\n  ${undone.join('\n  ')}`);
      process.exit(1);
    }
    notes.push(
      `live: after a care service was written for ${FRESH.toLocaleString('en-US')} children, the next count took ` +
        `${(fresh.afterWrite / 1000).toFixed(2)} s (their rows rebuilt first; ECD-CARE numerator ` +
        `+${fresh.careGain.toLocaleString('en-US')}, as the statement over the facts counts it); deleting the ` +
        `services, ${(fresh.afterUndo / 1000).toFixed(2)} s, and every cell is back to the warm-up's`,
    );

    let explainText = '';
    if (EXPLAIN) {
      const statement = engineStatement(db, request);
      const explained = await explainEngine(url, settings, statement);
      notes.push(...explained.lines);
      explainText = explained.text;
    }
    notes.push(loadNote('at end'));

    const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    writeResult({
      name: 'indicators',
      scale:
        `${computedIndicators.length} computed indicators × ${province.name} (${volumes.children!.toLocaleString('en-US')} children under 16, ` +
        `${engineWarm.value.length} commune × sex × age-group rows), ${period.code}; ` +
        `${volumes.measurements!.toLocaleString('en-US')} measurements and ${volumes.contacts!.toLocaleString('en-US')} service contacts in the period, ` +
        `${volumes.doses!.toLocaleString('en-US')} doses, ${volumes.cases!.toLocaleString('en-US')} cases, ` +
        `${volumes.referrals!.toLocaleString('en-US')} referrals, ${volumes.placements!.toLocaleString('en-US')} placements; ` +
        `native PostgreSQL, session jit=${settings.jit}, work_mem=${settings.work_mem}`,
      machine: machineInfo(postgres),
      at: new Date().toISOString(),
      results: [
        row({
          metric: 'engine: whole catalogue by sex × age group, median',
          value: engineSummary.p50,
          unit: 'ms',
          baseline: baselineSummary.p50,
          target: TOTAL_TARGET_MS,
          note: `${RUNS} runs after one warm-up (${sec(engineWarm.ms)}); ${engineWarm.value.length} rows, ${cells.toLocaleString('en-US')} cells`,
        }),
        row({
          metric: 'engine: p95',
          value: engineSummary.p95,
          unit: 'ms',
          baseline: baselineSummary.p95,
          target: 'report',
        }),
        row({
          metric: 'engine over the facts (a period outside the tallied years), median',
          value: scanSummary.p50,
          unit: 'ms',
          baseline: baselineSummary.p50,
          target: 'report',
          note: `p95 ${sec(scanSummary.p95)}; warm-up ${sec(scanWarm.ms)}`,
        }),
        row({
          metric: 'baseline (hand-written single scan of the facts): median',
          value: baselineSummary.p50,
          unit: 'ms',
          target: 'report',
          note: `p95 ${sec(baselineSummary.p95)}; warm-up ${sec(baselineWarm.ms)}`,
        }),
        row({
          metric: 'live: the count after 1,000 children changed',
          value: fresh.afterWrite,
          unit: 'ms',
          baseline: engineSummary.p50,
          target: 'report',
          note: 'their fact rows rebuilt before the count; baseline: the count with none stale',
        }),
        row({
          metric: 'facts: build of every child (first run after migration 0018)',
          value: build.ms,
          unit: 'ms',
          target: 'report',
          note:
            build.value > 0
              ? `${build.value.toLocaleString('en-US')} children in this run`
              : 'none stale in this run: built earlier',
        }),
        row({
          metric: 'engine / baseline (median)',
          value: round(engineSummary.p50 / baselineSummary.p50, 3),
          unit: '×',
          target: RATIO_TARGET,
          note: `median of the per-round ratios ${summarize(ratios).p50.toFixed(2)}`,
        }),
      ],
      notes,
    });
    if (explainText) console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the engine's statement:\n${explainText}`);
  } finally {
    await database.close();
  }
}

await main();
