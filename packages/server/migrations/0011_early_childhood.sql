-- Early childhood: growth measurements with their WHO z-scores, EPI doses, development screenings, ECD service
-- contacts, school enrolment, and one summary row per child that the action lists read.
-- Every table is keyed (province_code, id) and points at its child by (province_code, person_id), so a Citus
-- cluster can distribute them all by province_code with the register. Scope is the child's: the lists join
-- `person` for its org_path, so a child who moves takes their records along without rewriting them.

create table growth_measurement (
  province_code              text not null,
  id                         uuid not null,
  person_id                  uuid not null,
  measured_on                date not null,
  weight_kg                  double precision check (weight_kg > 0),
  length_height_cm           double precision check (length_height_cm > 0),
  position                   text check (position in ('lying', 'standing')),
  head_circumference_cm      double precision check (head_circumference_cm > 0),
  muac_cm                    double precision check (muac_cm > 0),
  oedema                     boolean not null default false,
  measured_by                text,
  place                      text,
  note                       text,
  -- What the z-scores were computed from: if the child's sex or birth date is corrected, the row is rescored.
  scored_sex                 text not null check (scored_sex in ('male', 'female')),
  scored_birth_date          date not null,
  scored_birth_precision     text not null check (scored_birth_precision in ('day', 'month', 'year')),
  age_days                   integer,
  standard                   text check (standard in ('WHO2006', 'WHO2007')),
  adjusted_length_height_cm  double precision,
  bmi                        double precision,
  z_wfa                      double precision,
  z_lhfa                     double precision,
  z_wflh                     double precision,
  z_bmifa                    double precision,
  z_hcfa                     double precision,
  z_acfa                     double precision,
  f_wfa                      boolean not null default false,
  f_lhfa                     boolean not null default false,
  f_wflh                     boolean not null default false,
  f_bmifa                    boolean not null default false,
  f_hcfa                     boolean not null default false,
  f_acfa                     boolean not null default false,
  underweight                text check (underweight in ('severe', 'moderate', 'none')),
  stunting                   text check (stunting in ('severe', 'moderate', 'none')),
  wasting                    text check (wasting in ('severe', 'moderate', 'none')),
  overweight                 text check (overweight in ('obese', 'overweight', 'none')),
  thinness                   text check (thinness in ('severe', 'moderate', 'none')),
  malnourished               boolean not null default false,
  created_by                 uuid,
  created_at                 timestamptz not null default now(),
  updated_at                 timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id),
  check (weight_kg is not null or length_height_cm is not null or head_circumference_cm is not null or muac_cm is not null)
);
create index growth_measurement_person on growth_measurement (province_code, person_id, measured_on desc);

create table immunization_dose (
  province_code  text not null,
  id             uuid not null,
  person_id      uuid not null,
  vaccine_code   text not null,
  dose_number    integer check (dose_number between 1 and 9),
  given_on       date not null,
  place          text,
  lot            text,
  source         text not null default 'manual' check (source in ('manual', 'import', 'demo')),
  created_by     uuid,
  created_at     timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id)
);
create index immunization_dose_person on immunization_dose (province_code, person_id, given_on);

create table development_screening (
  province_code       text not null,
  id                  uuid not null,
  person_id           uuid not null,
  screened_on         date not null,
  tool                text not null check (tool in ('checklist', 'asq3', 'denver_ii', 'other')),
  domains             text[] not null,
  result              text not null check (result in ('on_track', 'needs_follow_up', 'referred')),
  milestones_not_met  text[] not null default '{}',
  follow_up_on        date,
  follow_up_done_on   date,
  follow_up_note      text,
  screened_by         text,
  note                text,
  created_by          uuid,
  created_at          timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id)
);
create index development_screening_person on development_screening (province_code, person_id, screened_on desc);

create table ecd_service_contact (
  province_code        text not null,
  id                   uuid not null,
  person_id            uuid not null,
  service_code         text not null,
  domain               text not null,
  received_on          date not null,
  caregiver_person_id  uuid,
  provider             text,
  outcome              text,
  created_by           uuid,
  created_at           timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id),
  foreign key (province_code, caregiver_person_id) references person (province_code, id)
);
create index ecd_service_contact_person on ecd_service_contact (province_code, person_id, received_on desc);

create table school_enrolment (
  province_code  text not null,
  id             uuid not null,
  person_id      uuid not null,
  school_year    text not null check (school_year ~ '^\d{4}-\d{4}$'),
  level          text not null check (level in ('nursery', 'kindergarten', 'primary', 'lower_secondary')),
  school_name    text not null,
  status         text not null check (status in ('enrolled', 'completed', 'dropped_out', 'transferred')),
  note           text,
  created_by     uuid,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id)
);
create unique index school_enrolment_year on school_enrolment (province_code, person_id, school_year);

-- One row per child under 8, what the action lists read, so that a list never runs the schedule per child:
-- * overdue_periods: for every scheduled dose not given, [first overdue day, upper age): the child has an overdue
--   dose on day D exactly when D is in the multirange; due_periods: [due day, end of its month or upper age) — the
--   dose is due this month and can still be given on day D when the range overlaps [D, next month). Both depend
--   only on the birth date and the doses given, never on today, so they stay true as days pass;
-- * the last measurement's date and whether it showed moderate or severe malnutrition; the earliest open
--   follow-up of the child's screenings;
-- * the register facts a list filters and sorts on (where the child lives, status, folded name), and the sex and
--   birth date the dose plan was built from.
-- Rebuilt in the transaction of every dose, measurement or screening change (refreshChildSummaries); `stale`
-- when the register changed what the plan rests on, rebuilt before the unit's next list.
create table ecd_child_summary (
  province_code         text not null,
  person_id             uuid not null,
  summary_version       text not null,
  stale                 boolean not null default false,
  org_path              ltree not null,
  village_id            uuid not null,
  name_search           text not null,
  status                text not null,
  sex                   text not null,
  birth_date            date not null,
  birth_date_precision  text not null,
  overdue_periods       datemultirange not null,
  due_periods           datemultirange not null,
  -- [{ doseId, dueDate, overdueFrom, expiresOn }] of the doses not given: the list shows which doses are overdue.
  pending_doses         jsonb not null default '[]',
  last_measured_on      date,
  last_malnourished     boolean not null default false,
  last_classification   jsonb,
  open_follow_up_on     date,
  refreshed_at          timestamptz not null default now(),
  primary key (province_code, person_id),
  foreign key (province_code, person_id) references person (province_code, id)
);

-- A list reads its unit's rows from this index alone (an index-only scan by village): it holds every column a list
-- filters and sorts on, and the table is read for the page's 50 rows only. Measured on the 2.5 M-child bench
-- database (bench ecd-action-lists), for a commune with 12,800 children under 8: joining person for them cost
-- 60–160 ms a list; a GiST on org_path with the table read, ~30 ms; this index, 4–8 ms.
create index ecd_child_summary_list on ecd_child_summary (province_code, village_id)
  include (person_id, status, birth_date, name_search, overdue_periods, due_periods, last_malnourished,
           last_measured_on, open_follow_up_on);
-- The stale rows alone, looked up by village before a list.
create index ecd_child_summary_stale on ecd_child_summary (province_code, village_id) where stale;

-- Children under 8 registered before this migration: an empty row, stale, built by the next list of their unit.
insert into ecd_child_summary (province_code, person_id, summary_version, stale, org_path, village_id, name_search,
                               status, sex, birth_date, birth_date_precision, overdue_periods, due_periods)
select p.province_code, p.id, '', true, p.org_path, p.village_id, p.name_search, p.status, p.sex, p.birth_date,
       p.birth_date_precision, '{}', '{}'
from person p
where p.birth_date > (now() at time zone 'Asia/Ho_Chi_Minh')::date - interval '8 years';

-- The register keeps the summary's facts current through two statement triggers on person, whatever path wrote
-- the person (a form, the import, a merge, a generator), at one set-based statement per INSERT, COPY or UPDATE:
-- * insert: a child under 8 gets an empty, stale row at once, so a child registered by any path is on the lists;
-- * update: a move, death or rename is copied; a corrected sex or birth date marks the row stale.
create function ecd_summary_after_person_insert() returns trigger language plpgsql as $$
begin
  insert into ecd_child_summary (province_code, person_id, summary_version, stale, org_path, village_id,
                                 name_search, status, sex, birth_date, birth_date_precision, overdue_periods,
                                 due_periods)
  select n.province_code, n.id, '', true, n.org_path, n.village_id, n.name_search, n.status, n.sex, n.birth_date,
         n.birth_date_precision, '{}', '{}'
  from new_rows n
  where n.birth_date > (now() at time zone 'Asia/Ho_Chi_Minh')::date - interval '8 years'
  on conflict (province_code, person_id) do nothing;
  return null;
end $$;

create function ecd_summary_after_person_update() returns trigger language plpgsql as $$
begin
  -- A child under 8: a row is made if there was none (a birth date corrected into early childhood).
  insert into ecd_child_summary (province_code, person_id, summary_version, stale, org_path, village_id,
                                 name_search, status, sex, birth_date, birth_date_precision, overdue_periods,
                                 due_periods)
  select n.province_code, n.id, '', true, n.org_path, n.village_id, n.name_search, n.status, n.sex, n.birth_date,
         n.birth_date_precision, '{}', '{}'
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
  -- A child now 8 or older whose row exists keeps the register's facts too.
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
