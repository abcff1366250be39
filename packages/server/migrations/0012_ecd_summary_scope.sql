-- The action lists read the per-child summary alone: it carries the register facts a list filters and sorts on
-- (where the child lives, whether the record is active, the folded name), under a GiST index on org_path, so a
-- commune's list reads its own young children's summary rows and joins the register only for the page it shows.
-- Measured on a 2.5 M-child province (bench ecd-action-lists): joining person for a commune's 12,000 young
-- children cost 60–160 ms a list, mostly a province-wide bitmap of birth dates the planner chose to intersect.
--
-- The register keeps these facts current through two statement triggers on person:
-- * insert: a child under 8 gets a summary row at once, marked stale (its dose plan is built when a list of its
--   unit is next read, or by the next dose or measurement), so a child registered or imported by any path is on
--   the lists;
-- * update: a change of residence, status or name is copied; a corrected sex or birth date marks the row stale.
-- Statement triggers with transition tables cost one set-based statement per INSERT, COPY or UPDATE, not one per
-- row. (On Citus: both tables are distributed by province_code and the trigger writes only co-located rows.)

-- Due periods instead of due days: a dose falling due this month is listed only while it can still be given.
alter table ecd_child_summary rename column due_dates to due_periods;

alter table ecd_child_summary
  add column org_path     ltree,
  add column village_id   uuid,
  add column name_search  text,
  add column status       text,
  add column stale        boolean not null default false;

update ecd_child_summary s
set org_path = p.org_path, village_id = p.village_id, name_search = p.name_search, status = p.status,
    stale = (s.sex, s.birth_date, s.birth_date_precision) is distinct from (p.sex, p.birth_date, p.birth_date_precision)
from person p
where p.province_code = s.province_code and p.id = s.person_id;

-- Children under 8 registered before this migration and never summarised.
insert into ecd_child_summary (province_code, person_id, summary_version, sex, birth_date, birth_date_precision,
                               overdue_periods, due_periods, org_path, village_id, name_search, status, stale)
select p.province_code, p.id, '', p.sex, p.birth_date, p.birth_date_precision, '{}', '{}',
       p.org_path, p.village_id, p.name_search, p.status, true
from person p
where p.birth_date > (now() at time zone 'Asia/Ho_Chi_Minh')::date - interval '8 years'
on conflict (province_code, person_id) do nothing;

alter table ecd_child_summary
  alter column org_path set not null,
  alter column village_id set not null,
  alter column name_search set not null,
  alter column status set not null;

create index ecd_child_summary_org on ecd_child_summary using gist (org_path);

create function ecd_summary_after_person_insert() returns trigger language plpgsql as $$
begin
  insert into ecd_child_summary (province_code, person_id, summary_version, sex, birth_date, birth_date_precision,
                                 overdue_periods, due_periods, org_path, village_id, name_search, status, stale)
  select n.province_code, n.id, '', n.sex, n.birth_date, n.birth_date_precision, '{}', '{}',
         n.org_path, n.village_id, n.name_search, n.status, true
  from new_rows n
  where n.birth_date > (now() at time zone 'Asia/Ho_Chi_Minh')::date - interval '8 years'
  on conflict (province_code, person_id) do nothing;
  return null;
end $$;

create function ecd_summary_after_person_update() returns trigger language plpgsql as $$
begin
  insert into ecd_child_summary (province_code, person_id, summary_version, sex, birth_date, birth_date_precision,
                                 overdue_periods, due_periods, org_path, village_id, name_search, status, stale)
  select n.province_code, n.id, '', n.sex, n.birth_date, n.birth_date_precision, '{}', '{}',
         n.org_path, n.village_id, n.name_search, n.status, true
  from new_rows n
  where n.birth_date > (now() at time zone 'Asia/Ho_Chi_Minh')::date - interval '8 years'
  on conflict (province_code, person_id) do update set
    org_path = excluded.org_path,
    village_id = excluded.village_id,
    name_search = excluded.name_search,
    status = excluded.status,
    stale = ecd_child_summary.stale
      or (excluded.sex, excluded.birth_date, excluded.birth_date_precision)
         is distinct from (ecd_child_summary.sex, ecd_child_summary.birth_date, ecd_child_summary.birth_date_precision)
  where (excluded.org_path, excluded.village_id, excluded.name_search, excluded.status,
         excluded.sex, excluded.birth_date, excluded.birth_date_precision)
        is distinct from (ecd_child_summary.org_path, ecd_child_summary.village_id, ecd_child_summary.name_search,
                          ecd_child_summary.status, ecd_child_summary.sex, ecd_child_summary.birth_date,
                          ecd_child_summary.birth_date_precision);
  -- A child over 8 today whose row exists (a birth date corrected to an earlier year) keeps the register's facts.
  update ecd_child_summary s
  set org_path = n.org_path, village_id = n.village_id, name_search = n.name_search, status = n.status,
      stale = s.stale or (n.sex, n.birth_date, n.birth_date_precision)
                         is distinct from (s.sex, s.birth_date, s.birth_date_precision)
  from new_rows n
  where s.province_code = n.province_code and s.person_id = n.id
    and n.birth_date <= (now() at time zone 'Asia/Ho_Chi_Minh')::date - interval '8 years'
    and (n.org_path, n.village_id, n.name_search, n.status, n.sex, n.birth_date, n.birth_date_precision)
        is distinct from (s.org_path, s.village_id, s.name_search, s.status, s.sex, s.birth_date,
                          s.birth_date_precision);
  return null;
end $$;

create trigger person_ecd_summary_insert after insert on person
  referencing new table as new_rows for each statement execute function ecd_summary_after_person_insert();
create trigger person_ecd_summary_update after update on person
  referencing new table as new_rows for each statement execute function ecd_summary_after_person_update();
