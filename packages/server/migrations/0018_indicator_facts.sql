-- Per-child indicator facts (docs/indicators.md, "Facts"): what the indicator engine counts, one narrow row per
-- child, so that a province's whole catalogue is one scan of its children instead of a read of every record table.
-- Nothing here depends on a period: a fact that depends on one is kept as the set of days on which it holds
-- (`datemultirange`), and the engine asks that set about the period's days (`&&` the period, `@>` its last day).
-- The rows are built by the server (modules/indicators/factTable.ts); the triggers below only mark a child stale
-- whenever a record about them is written, by any path (a form, the import, a merge, a generator), and the engine
-- rebuilds the stale rows of a province before it counts. Keyed (province_code, person_id) like the register.
create table indicator_fact (
  province_code            text not null,
  person_id                uuid not null,
  -- The register's own facts, copied (the engine reads no other table).
  org_path                 ltree not null,
  sex                      text not null,
  birth_date               date not null,
  ethnicity_code           text not null,
  disability_type          text,
  birth_registered         boolean,
  birth_registration_date  date,
  has_health_insurance     boolean,
  status                   text not null,
  death_date               date,
  -- Growth, per classification (underweight, stunting, wasting, overweight): `<c>_on` the days of a measurement
  -- that made it; `<c>_<class>` the days on which the latest such measurement (by day, then as entered) had that
  -- class: from its day to the next measurement's.
  uw_on datemultirange, uw_severe datemultirange, uw_moderate datemultirange, uw_none datemultirange,
  st_on datemultirange, st_severe datemultirange, st_moderate datemultirange, st_none datemultirange,
  wa_on datemultirange, wa_severe datemultirange, wa_moderate datemultirange, wa_none datemultirange,
  ow_on datemultirange, ow_obese datemultirange, ow_overweight datemultirange, ow_none datemultirange,
  -- Immunisation: fully immunised before the first birthday; the days on which a dose due by then was not yet given.
  fully_u1                 boolean not null default false,
  dose_gap                 datemultirange,
  -- Development screening: the days of a screening; the days on which the latest one was on track.
  sc_on                    datemultirange,
  sc_on_track              datemultirange,
  -- Enrolment (enrolled or completed) per level: the school years, 1 September to 31 August.
  en_nursery               datemultirange,
  en_kindergarten          datemultirange,
  en_primary               datemultirange,
  en_lower_secondary       datemultirange,
  -- The days a service of each early-childhood domain reached the child (health also by a dose or a screening,
  -- nutrition also by a measurement).
  reach_health             datemultirange,
  reach_education          datemultirange,
  reach_nutrition          datemultirange,
  reach_care               datemultirange,
  reach_protection         datemultirange,
  reach_social_welfare     datemultirange,
  -- Special circumstances and at-risk flags: the days in a group, the days flagged.
  in_circumstance          datemultirange,
  at_risk                  datemultirange,
  -- Protection: the days followed by a case (received to closed, not closed as unverified); the days a case of
  -- abuse was received; the days supported (a protection or social-welfare service, a referral answered and not
  -- yet completed, a case in implementation, alternative care).
  case_managed             datemultirange,
  abuse_reported           datemultirange,
  supported                datemultirange,
  refreshed_at             timestamptz not null default now(),
  primary key (province_code, person_id)
);
-- A commune's or a village's children (a province reads them all).
create index indicator_fact_org_path on indicator_fact using gist (org_path);

-- The children whose row must be rebuilt before the next count of their province.
create table indicator_fact_stale (
  province_code  text not null,
  person_id      uuid not null,
  primary key (province_code, person_id)
);

-- The version of the rules a province's rows were built with (`FACT_VERSION`): another version rebuilds them all.
create table indicator_fact_build (
  province_code  text primary key,
  version        text not null,
  built_at       timestamptz not null default now()
);

-- Marks stale the children of the rows a statement wrote: TG_ARGV[0] is the child's id as an expression over the
-- row `r`; TG_ARGV[1], if given, the condition a new row must meet (the person table's age horizon). One set-based
-- statement per INSERT, COPY, UPDATE or DELETE (transition tables), whatever wrote it.
create function indicator_fact_touch() returns trigger language plpgsql as $$
declare
  child text := TG_ARGV[0];
  keep text := coalesce(TG_ARGV[1], 'true');
begin
  if TG_OP <> 'DELETE' then
    execute format('insert into indicator_fact_stale (province_code, person_id)
                    select distinct r.province_code, %s from new_rows r where %s is not null and %s
                    on conflict do nothing', child, child, keep);
  end if;
  if TG_OP <> 'INSERT' then
    execute format('insert into indicator_fact_stale (province_code, person_id)
                    select distinct r.province_code, %s from old_rows r where %s is not null
                    on conflict do nothing', child, child);
  end if;
  return null;
end $$;

do $$
declare
  t record;
begin
  for t in select * from (values
    ('person', 'r.id', 'r.birth_date > (now() at time zone ''Asia/Ho_Chi_Minh'')::date - interval ''30 years'''),
    ('growth_measurement', 'r.person_id', null),
    ('immunization_dose', 'r.person_id', null),
    ('development_screening', 'r.person_id', null),
    ('school_enrolment', 'r.person_id', null),
    ('ecd_service_contact', 'r.person_id', null),
    ('circumstance_assignment', 'r.person_id', null),
    ('at_risk_flag', 'r.person_id', null),
    ('protection_case', 'r.person_id', null),
    ('case_event', '(select k.person_id from protection_case k where k.province_code = r.province_code and k.id = r.case_id)', null),
    ('referral', 'coalesce(r.person_id, (select k.person_id from protection_case k where k.province_code = r.province_code and k.id = r.case_id))', null),
    ('care_placement', 'r.person_id', null)
  ) v(tbl, child, keep) loop
    execute format('create trigger %I after insert on %I referencing new table as new_rows
                    for each statement execute function indicator_fact_touch(%L, %L)',
                   t.tbl || '_facts_insert', t.tbl, t.child, coalesce(t.keep, 'true'));
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows
                    for each statement execute function indicator_fact_touch(%L, %L)',
                   t.tbl || '_facts_update', t.tbl, t.child, coalesce(t.keep, 'true'));
    execute format('create trigger %I after delete on %I referencing old table as old_rows
                    for each statement execute function indicator_fact_touch(%L)',
                   t.tbl || '_facts_delete', t.tbl, t.child);
  end loop;
end $$;
