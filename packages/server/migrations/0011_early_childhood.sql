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

-- One row per child, what the action lists filter on without running the schedule per child:
-- * overdue_periods: for every scheduled dose not given, [first overdue day, upper age) — the child has an overdue
--   dose on day D exactly when D is in the multirange; due_dates: the due day of every dose not given.
--   Both depend only on the birth date and the doses given, never on today, so they stay true as days pass.
-- * the last measurement's date and whether it showed moderate or severe malnutrition.
-- Written with every dose or measurement change; a row whose child's birth date or sex no longer matches, or
-- that was built with another schedule version, is rebuilt before a list is read.
create table ecd_child_summary (
  province_code         text not null,
  person_id             uuid not null,
  summary_version       text not null,
  sex                   text not null,
  birth_date            date not null,
  birth_date_precision  text not null,
  overdue_periods       datemultirange not null,
  due_dates             datemultirange not null,
  -- [{ doseId, dueDate, overdueFrom, expiresOn }] of the doses not given: the list shows which doses are overdue.
  pending_doses         jsonb not null default '[]',
  last_measured_on      date,
  last_malnourished     boolean not null default false,
  last_classification   jsonb,
  refreshed_at          timestamptz not null default now(),
  primary key (province_code, person_id),
  foreign key (province_code, person_id) references person (province_code, id)
);
