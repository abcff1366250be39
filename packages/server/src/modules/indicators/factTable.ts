import {
  AppError,
  abuseConcerns,
  todayInVietnam,
  type Period,
  ecdDomainCodes,
  enrolmentSchoolLevels,
  immunizationSchedules,
  type AgeSpec,
  type EcdDomainCode,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import {
  applyTallyChanges,
  tallyContributions,
  tallyLayoutKey,
  tallyPeriods,
  tallyWindow,
} from './tallies.ts';

/**
 * The per-child indicator facts (migration 0018, docs/indicators.md "Facts"): one row per child of the register
 * with the register's own facts and, for every fact that depends on a period, the set of days on which it holds.
 * The engine asks those sets about a period's days, so a province's whole catalogue is one scan of one table.
 *
 * Kept current without a batch job: triggers on every record table mark the child stale in the writing statement,
 * and `refreshIndicatorFacts` rebuilds a province's stale rows before the engine counts it, in set-based statements
 * of `BATCH` children. A row built with other rules (`FACT_VERSION`) is rebuilt the same way.
 */

/** Bump when the rules below change: every province's rows are rebuilt before its next count. */
export const FACT_VERSION = 'facts/2';

/**
 * Children born more than this many years before the day their row is built have none (the register also holds
 * their parents). The oldest population of the catalogue is under 16, so periods ending in the last 30 − 16 = 14
 * years are counted in full (`oldestPeriodEnd`); the trigger on `person` (migration 0018) uses the same bound.
 */
export const FACT_HORIZON_YEARS = 30;
const OLDEST_POPULATION_YEARS = 16;

/** The last day of the oldest period the facts can count in full, as of `today`. */
export function oldestPeriodEnd(today: string): string {
  const year = Number(today.slice(0, 4)) - (FACT_HORIZON_YEARS - OLDEST_POPULATION_YEARS);
  return `${year}${today.slice(4)}`;
}

/** Refuses a period the facts cannot count in full (`PERIOD_BEFORE_FACTS`). */
export function assertFactsReach(period: Period): void {
  if (period.end < oldestPeriodEnd(todayInVietnam())) throw new AppError('PERIOD_BEFORE_FACTS');
}

const BATCH = 50_000;

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

/** The classes of each growth classification, and the column prefix of its facts. */
export const growthFacts = {
  underweight: { prefix: 'uw', column: 'underweight', classes: ['severe', 'moderate', 'none'] },
  stunting: { prefix: 'st', column: 'stunting', classes: ['severe', 'moderate', 'none'] },
  wasting: { prefix: 'wa', column: 'wasting', classes: ['severe', 'moderate', 'none'] },
  overweight: { prefix: 'ow', column: 'overweight', classes: ['obese', 'overweight', 'none'] },
} as const;

const vnToday = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;
const vnDate = (column: string) => sql.raw(`(${column} at time zone 'Asia/Ho_Chi_Minh')::date`);
const day = (column: RawBuilder<unknown>) => sql`daterange(${column}, ${column}, '[]')`;

/**
 * The dose rules per schedule version, as constant tables: `sched` the earliest valid age of each vaccine code
 * (its first dose's, as the engine has always counted), `dues` the j-th due age of each code among the doses
 * scheduled under 5 years (the birth dose of hepatitis B and IPV left out, as "fully immunised" leaves them out),
 * `needs` how many valid doses of a code "fully immunised under 1" needs; `version` picks a child's schedule by
 * birth date.
 */
function doseTables(): {
  sched: RawBuilder<unknown>;
  dues: RawBuilder<unknown>;
  needs: RawBuilder<unknown>;
  version: RawBuilder<number>;
  needed: RawBuilder<number>;
} {
  const versions = [...immunizationSchedules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const sched: RawBuilder<unknown>[] = [];
  const dues: RawBuilder<unknown>[] = [];
  const needs: RawBuilder<unknown>[] = [];
  const needed: RawBuilder<unknown>[] = [];
  versions.forEach((schedule, version) => {
    const codes = [...new Set(schedule.doses.map((dose) => dose.vaccineCode))];
    let neededHere = 0;
    for (const code of codes) {
      const doses = schedule.doses.filter((dose) => dose.vaccineCode === code);
      sched.push(
        sql`(${sql.lit(version)}, ${sql.lit(code)}, ${sql.lit(ageInterval(doses[0]!.earliestAge))}::interval)`,
      );
      if (code !== 'hepb_birth' && code !== 'ipv') {
        doses
          .filter((dose) => (dose.dueAge.years ?? 0) * 12 + (dose.dueAge.months ?? 0) < 60)
          .map((dose) => ageInterval(dose.dueAge))
          .forEach((due, index) =>
            dues.push(
              sql`(${sql.lit(version)}, ${sql.lit(code)}, ${sql.lit(index + 1)}, ${sql.lit(due)}::interval)`,
            ),
          );
      }
      const count = doses.filter((dose) => dose.countsForFullyImmunizedUnder1).length;
      if (count > 0) {
        needs.push(sql`(${sql.lit(version)}, ${sql.lit(code)}, ${sql.lit(count)})`);
        neededHere += 1;
      }
    }
    needed.push(sql`when ${sql.lit(version)} then ${sql.lit(neededHere)}`);
  });
  // A child follows the last schedule in force at their birth; the first schedule covers every earlier birth.
  const version = versions
    .slice(1)
    .reduceRight<RawBuilder<number>>(
      (later, schedule, index) =>
        sql<number>`(case when birth_date < ${sql.lit(schedule.validFrom)}::date then ${sql.lit(index)} else ${later} end)`,
      sql<number>`${sql.lit(versions.length - 1)}`,
    );
  return {
    sched: sql`(values ${sql.join(sched)}) sched(version, code, earliest)`,
    dues: sql`(values ${sql.join(dues)}) dues(version, code, j, due)`,
    needs: sql`(values ${sql.join(needs)}) needs(version, code, n)`,
    version,
    needed: sql<number>`(case pv.version ${sql.join(needed, sql` `)} end)`,
  };
}

const personColumns = [
  'org_path',
  'sex',
  'birth_date',
  'ethnicity_code',
  'disability_type',
  'birth_registered',
  'birth_registration_date',
  'has_health_insurance',
  'status',
  'death_date',
  'village_id',
] as const;

const growthColumns = Object.values(growthFacts).flatMap(({ prefix, classes }) => [
  `${prefix}_on`,
  ...classes.map((cls) => `${prefix}_${cls}`),
]);
const enrolmentColumns = enrolmentSchoolLevels.map((level) => `en_${level}`);
const reachColumns = ecdDomainCodes.map((domain) => `reach_${domain}`);
/** Every column the build writes, in the order of its select list. */
const factColumns = [
  ...personColumns,
  ...growthColumns,
  'fully_u1',
  'dose_gap',
  'sc_on',
  'sc_on_track',
  ...enrolmentColumns,
  ...reachColumns,
  'in_circumstance',
  'at_risk',
  'case_managed',
  'abuse_reported',
  'supported',
] as const;

/** The columns of the facts proper (beyond the register's own facts), as the engine's `c` reads them. */
export const factRowColumns: readonly string[] = factColumns.filter(
  (column) => !(personColumns as readonly string[]).includes(column),
);

/** Which record reaches a child in each domain, beyond a service contact of the domain. */
const reachRecords: Partial<Record<EcdDomainCode, readonly ('dose' | 'screening' | 'measurement')[]>> = {
  health: ['dose', 'screening'],
  nutrition: ['measurement'],
};

/**
 * One statement that takes up to `BATCH` stale children of the province off the stale list and rebuilds their rows
 * (or deletes them: a child gone from the register or beyond the horizon). Every record table is read once for the
 * batch's children, by their key.
 */
export function refreshBatchStatement(
  provinceCode: string,
  periods: readonly Period[],
  children: readonly string[],
): RawBuilder<{ refreshed: number }> {
  const province = sql`${provinceCode}`;
  const ofBatch = (alias: string) =>
    sql`${sql.raw(alias)}.province_code = ${province} and ${sql.raw(alias)}.person_id in (select id from p)`;
  const doses = doseTables();
  const growthValues = sql.join(
    Object.values(growthFacts).map(({ prefix, column }) => sql`(${sql.lit(prefix)}, g.${sql.raw(column)})`),
  );
  const growthAggregates = Object.values(growthFacts).flatMap(({ prefix, classes }) => [
    sql`range_agg(${day(sql`measured_on`)}) filter (where ix = ${sql.lit(prefix)}) as ${sql.raw(`${prefix}_on`)}`,
    ...classes.map(
      (cls) =>
        sql`range_agg(daterange(measured_on, nxt)) filter (where ix = ${sql.lit(prefix)} and cls = ${sql.lit(cls)})
          as ${sql.raw(`${prefix}_${cls}`)}`,
    ),
  ]);
  const enrolmentAggregates = enrolmentSchoolLevels.map(
    (level) => sql`range_agg(span) filter (where level = ${sql.lit(level)}) as ${sql.raw(`en_${level}`)}`,
  );
  const reachAggregates = ecdDomainCodes.map(
    (domain) =>
      sql`range_agg(${day(sql`on_day`)}) filter (where domain = ${sql.lit(domain)}) as ${sql.raw(`reach_${domain}`)}`,
  );
  const reachSources = [
    sql`select person_id, domain, received_on as on_day from ecd_service_contact s where ${ofBatch('s')}`,
    ...Object.entries(reachRecords).flatMap(([domain, records]) =>
      records.map((record) => {
        const source = {
          dose: sql`select person_id, ${sql.lit(domain)}, given_on from immunization_dose r where ${ofBatch('r')}`,
          screening: sql`select person_id, ${sql.lit(domain)}, screened_on from development_screening r where ${ofBatch('r')}`,
          measurement: sql`select person_id, ${sql.lit(domain)}, measured_on from growth_measurement r where ${ofBatch('r')}`,
        };
        return source[record];
      }),
    ),
  ];
  const abuse = sql.raw(
    `array[${abuseConcerns.map((code) => `'${code.replace(/[^a-z_]/g, '')}'`).join(', ')}]::text[]`,
  );
  const closedOn = vnDate('k.closed_at');
  const receivedOn = vnDate('k.received_at');
  const respondedOn = vnDate('r.responded_at');
  const completedOn = vnDate('r.completed_at');
  const columns = sql.join(factColumns.map((column) => sql.raw(column)));
  const updates = sql.join(factColumns.map((column) => sql.raw(`${column} = excluded.${column}`)));
  return sql<{ refreshed: number }>`
    with b as materialized (select unnest(${[...children]}::uuid[]) as person_id),
    p as materialized (
      select p.id, ${sql.join(personColumns.map((column) => sql.raw(`p.${column}`)))}
      from person p
      where p.province_code = ${province} and p.id = any(${[...children]}::uuid[])
        and p.birth_date > ${vnToday} - ${sql.lit(`${FACT_HORIZON_YEARS} years`)}::interval
    ),
    gone as (
      delete from indicator_fact f
      where f.province_code = ${province} and f.person_id = any(${[...children]}::uuid[])
        and f.person_id not in (select id from p)
    ),
    gx as (
      select g.person_id, g.measured_on, x.ix, x.cls,
             row_number() over (partition by g.person_id, x.ix, g.measured_on order by g.created_at desc, g.id desc) as rn
      from growth_measurement g
      cross join lateral (values ${growthValues}) x(ix, cls)
      where ${ofBatch('g')} and x.cls is not null
    ),
    gy as (
      select person_id, ix, cls, measured_on,
             lead(measured_on) over (partition by person_id, ix order by measured_on) as nxt
      from gx where rn = 1
    ),
    g as (select person_id, ${sql.join(growthAggregates)} from gy group by person_id),
    pv as (select id, birth_date, ${doses.version} as version from p),
    vd as (
      select d.person_id, d.vaccine_code, d.given_on, pv.birth_date, pv.version,
             row_number() over (partition by d.person_id, d.vaccine_code order by d.given_on) as j
      from pv
      join immunization_dose d on d.province_code = ${province} and d.person_id = pv.id
      join ${doses.sched} on sched.version = pv.version and sched.code = d.vaccine_code
      where d.given_on >= pv.birth_date + sched.earliest
    ),
    gap as (
      select pv.id as person_id, range_agg(daterange((pv.birth_date + dues.due)::date, vd.given_on)) as dose_gap
      from pv
      join ${doses.dues} on dues.version = pv.version
      left join vd on vd.person_id = pv.id and vd.vaccine_code = dues.code and vd.j = dues.j
      where vd.given_on is null or vd.given_on > (pv.birth_date + dues.due)::date
      group by pv.id
    ),
    u1 as (
      select vd.person_id, count(*) as met
      from vd join ${doses.needs} on needs.version = vd.version and needs.code = vd.vaccine_code and needs.n = vd.j
      where vd.given_on < vd.birth_date + interval '1 year'
      group by vd.person_id
    ),
    sx as (
      select s.person_id, s.screened_on, s.result,
             row_number() over (partition by s.person_id, s.screened_on order by s.created_at desc, s.id desc) as rn
      from development_screening s where ${ofBatch('s')}
    ),
    sy as (
      select person_id, screened_on, result,
             lead(screened_on) over (partition by person_id order by screened_on) as nxt
      from sx where rn = 1
    ),
    sc as (
      select person_id, range_agg(${day(sql`screened_on`)}) as sc_on,
             range_agg(daterange(screened_on, nxt)) filter (where result = 'on_track') as sc_on_track
      from sy group by person_id
    ),
    en as (
      select e.person_id, ${sql.join(enrolmentAggregates)}
      from school_enrolment e
      cross join lateral (select split_part(e.school_year, '-', 1)::int as first_year) y
      cross join lateral (select daterange(make_date(y.first_year, 9, 1), make_date(y.first_year + 1, 9, 1)) as span) s
      where ${ofBatch('e')} and e.status in ('enrolled', 'completed')
      group by e.person_id
    ),
    rc as (
      select person_id, ${sql.join(reachAggregates)}
      from (${sql.join(reachSources, sql` union all `)}) r(person_id, domain, on_day)
      group by person_id
    ),
    ci as (
      select a.person_id, range_agg(daterange(a.valid_from, a.valid_to)) as in_circumstance
      from circumstance_assignment a
      where ${ofBatch('a')} and (a.valid_to is null or a.valid_to > a.valid_from)
      group by a.person_id
    ),
    ar as (
      select f.person_id, range_agg(daterange(f.valid_from, f.valid_to)) as at_risk
      from at_risk_flag f
      where ${ofBatch('f')} and (f.valid_to is null or f.valid_to > f.valid_from)
      group by f.person_id
    ),
    cs as (
      select k.person_id,
             range_agg(daterange(${receivedOn}, case when k.closed_at is not null then greatest(${receivedOn}, ${closedOn}) end, '[]'))
               as case_managed,
             range_agg(${day(receivedOn)}) filter (where k.concern_types && ${abuse}) as abuse_reported
      from protection_case k
      where ${ofBatch('k')} and not (k.step = 'closed' and k.close_reason = 'not_verified')
      group by k.person_id
    ),
    su as (
      select person_id, range_agg(span) as supported
      from (
        select s.person_id, ${day(sql`s.received_on`)} as span
        from ecd_service_contact s where ${ofBatch('s')} and s.domain in ('protection', 'social_welfare')
        union all
        select coalesce(r.person_id, rk.person_id),
               daterange(${respondedOn}, case when r.completed_at is not null then greatest(${respondedOn}, ${completedOn}) end, '[]')
        from referral r
        left join protection_case rk on rk.province_code = r.province_code and rk.id = r.case_id
        where r.province_code = ${province} and coalesce(r.person_id, rk.person_id) in (select id from p)
          and r.status in ('accepted', 'completed') and r.responded_at is not null
        union all
        select k.person_id,
               daterange(ev.first_on, case when k.closed_at is not null then greatest(ev.first_on, ${closedOn}) end, '[]')
        from protection_case k
        join (select ev.case_id, min(${vnDate('ev.at')}) as first_on
                from case_event ev
               where ev.province_code = ${province} and ev.to_step = 'implementing'
                 and ev.case_id in (select k2.id from protection_case k2 where ${ofBatch('k2')})
               group by ev.case_id) ev on ev.case_id = k.id
        where ${ofBatch('k')} and (k.closed_at is null or k.close_reason <> 'not_verified')
        union all
        select pl.person_id,
               daterange(pl.handed_over_on, case when pl.terminated_on is not null then greatest(pl.handed_over_on, pl.terminated_on) end, '[]')
        from care_placement pl
        where ${ofBatch('pl')} and pl.status in ('placed', 'terminated') and pl.handed_over_on is not null
      ) x(person_id, span)
      group by person_id
    ),
    ins as (
      insert into indicator_fact (province_code, person_id, ${columns}, refreshed_at)
      select ${province}, p.id, ${sql.join(personColumns.map((column) => sql.raw(`p.${column}`)))},
             ${sql.join(growthColumns.map((column) => sql.raw(`g.${column}`)))},
             coalesce(u1.met, 0) = ${doses.needed}, gap.dose_gap, sc.sc_on, sc.sc_on_track,
             ${sql.join(enrolmentColumns.map((column) => sql.raw(`en.${column}`)))},
             ${sql.join(reachColumns.map((column) => sql.raw(`rc.${column}`)))},
             ci.in_circumstance, ar.at_risk, cs.case_managed, cs.abuse_reported, su.supported, now()
      from p
      join pv on pv.id = p.id
      left join g on g.person_id = p.id
      left join gap on gap.person_id = p.id
      left join u1 on u1.person_id = p.id
      left join sc on sc.person_id = p.id
      left join en on en.person_id = p.id
      left join rc on rc.person_id = p.id
      left join ci on ci.person_id = p.id
      left join ar on ar.person_id = p.id
      left join cs on cs.person_id = p.id
      left join su on su.person_id = p.id
      on conflict (province_code, person_id) do update set ${updates}, refreshed_at = excluded.refreshed_at
      returning *
    ),
    -- The tallies (tallies.ts): out with the old rows (as this statement found them), in with the new.
    old as (
      select * from indicator_fact f
      where f.province_code = ${province} and f.person_id = any(${[...children]}::uuid[])
    ),
    tallied as (
      ${applyTallyChanges(
        provinceCode,
        sql`${tallyContributions(sql`old`, periods, -1)} union all ${tallyContributions(sql`ins`, periods, 1)}`,
      )}
    )
    select count(*)::int as refreshed from b`;
}

/**
 * Brings the province's facts and tallies up to date, as of `today`: every row if the facts were built with other
 * rules (or never); every tally if the tallied years or the catalogue changed (from the facts, without rebuilding
 * them); else the stale children's, `BATCH` a statement. Returns how many children's rows were rebuilt. Safe to run
 * concurrently: a second caller waits on the build row or on the stale rows the first is rebuilding, then finds
 * them fresh.
 */
export async function refreshIndicatorFacts(
  db: Executor,
  provinceCode: string,
  today: string = todayInVietnam(),
): Promise<number> {
  const periods = tallyPeriods(today);
  const tallies = `${tallyWindow(today)}|${tallyLayoutKey()}`;
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('indicator_fact_build')
      .values({ province_code: provinceCode, version: '' })
      .onConflict((oc) => oc.column('province_code').doNothing())
      .execute();
    const build = await sql<{ version: string }>`
      select version from indicator_fact_build where province_code = ${provinceCode} for update`.execute(trx);
    const [facts, built] = (build.rows[0]?.version ?? '').split(';');
    if (facts === FACT_VERSION && built === tallies) return;
    await trx.deleteFrom('indicator_tally').where('province_code', '=', provinceCode).execute();
    if (facts !== FACT_VERSION) {
      // Every row is rebuilt, and the tallies with them: no old row is left to take out of the tallies.
      await trx.deleteFrom('indicator_fact').where('province_code', '=', provinceCode).execute();
      await sql`
        insert into indicator_fact_stale (province_code, person_id)
        select province_code, id from person
        where province_code = ${provinceCode}
          and birth_date > ${today}::date - ${sql.lit(`${FACT_HORIZON_YEARS} years`)}::interval
        on conflict do nothing`.execute(trx);
    } else {
      // The same facts, other tallies: counted afresh from the rows as they are (the stale ones follow below).
      await applyTallyChanges(
        provinceCode,
        tallyContributions(
          sql`(select * from indicator_fact where province_code = ${provinceCode})`,
          periods,
          1,
        ),
      ).execute(trx);
    }
    await trx
      .updateTable('indicator_fact_build')
      .set({ version: `${FACT_VERSION};${tallies}`, built_at: new Date() })
      .where('province_code', '=', provinceCode)
      .execute();
  });
  let total = 0;
  for (;;) {
    // The batch is taken off the list and passed to the rebuild as a list of ids, in one transaction: the planner
    // then knows how many children it rebuilds (it cannot know the rows a DELETE returns, and took 2,500 children
    // for one — nested loops over every derived table: minutes for the demo province on the embedded database).
    const refreshed = await inTransaction(db, async (trx) => {
      const taken = await sql<{ person_id: string }>`
        delete from indicator_fact_stale s
        where s.province_code = ${provinceCode}
          and s.person_id in (select person_id from indicator_fact_stale
                               where province_code = ${provinceCode} limit ${sql.lit(BATCH)})
        returning s.person_id`.execute(trx);
      if (taken.rows.length === 0) return 0;
      await refreshBatchStatement(
        provinceCode,
        periods,
        taken.rows.map((row) => row.person_id),
      ).execute(trx);
      return taken.rows.length;
    });
    total += refreshed;
    if (refreshed < BATCH) return total;
  }
}
