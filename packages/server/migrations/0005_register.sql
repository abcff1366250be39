-- The household child register (Sổ theo dõi trẻ em). Every table grows with children, so every table is keyed
-- `(province_code, id)` and every reference between them carries `province_code`: the tables can be distributed
-- by province with Citus without changing a key. `org_path` is the village's ltree path, denormalised onto every
-- row so scope filters (`org_path <@ 'vn.p01.c00004'`) and per-commune counts need no join.

create table household (
  province_code    text not null,
  id               uuid not null,
  village_id       uuid not null references org_unit (id),
  org_path         ltree not null,
  -- the household's number in the village book (số hộ), as the commune writes it
  book_number      text,
  address          text not null,
  head_person_id   uuid,
  poverty_status   text not null default 'none' check (poverty_status in ('poor', 'near_poor', 'none')),
  poverty_year     integer check (poverty_year between 2000 and 2100),
  phone            text,
  notes            text,
  status           text not null default 'active' check (status in ('active', 'moved_away', 'dissolved')),
  -- a stable key from an imported file (commune + book number), so re-importing the same file adds nothing
  import_key       text,
  created_by       uuid,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  primary key (province_code, id)
);
create index household_org on household using gist (org_path);
create index household_village on household (province_code, village_id, book_number);
create unique index household_import_key on household (province_code, import_key) where import_key is not null;

create table person (
  province_code          text not null,
  id                     uuid not null,
  household_id           uuid,
  village_id             uuid not null references org_unit (id),
  org_path               ltree not null,
  full_name              text not null,
  -- folded by the application (no tones, lower case, đ → d) for tone-insensitive search
  name_search            text not null,
  sex                    text not null check (sex in ('male', 'female')),
  birth_date             date not null,
  -- day = exact date; month / year = only the month or the year is known (the date is the 1st / 1 January)
  birth_date_precision   text not null default 'day' check (birth_date_precision in ('day', 'month', 'year')),
  personal_id            text,
  ethnicity_code         text not null default '01',
  nationality            text not null default 'VN',
  relationship_to_head   text,
  birth_registered       boolean,
  birth_registration_date date,
  birth_registration_place text,
  disability_type        text,
  disability_level       text check (disability_level in ('mild', 'severe', 'very_severe')),
  school_name            text,
  school_level           text,
  health_insurance_number text,
  has_health_insurance   boolean,
  living_arrangement     text,
  mother_id              uuid,
  father_id              uuid,
  caregiver_id           uuid,
  phone                  text,
  notes                  text,
  status                 text not null default 'active'
    check (status in ('active', 'moved_away', 'deceased', 'archived', 'merged')),
  death_date             date,
  death_cause            text,
  merged_into_id         uuid,
  import_key             text,
  created_by             uuid,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, household_id) references household (province_code, id),
  check (status <> 'deceased' or death_date is not null)
);
-- Name search inside a scope: one GiST index over (path, folded name) answers
-- `org_path <@ 'vn.p01.c00004' and name_search like '%hang%'` without visiting the rest of the province.
create index person_org_name on person using gist (org_path, name_search gist_trgm_ops);
create index person_name_trgm on person using gin (name_search gin_trgm_ops);
create index person_household on person (province_code, household_id);
create index person_personal_id on person (personal_id) where personal_id is not null;
create index person_birth on person (province_code, birth_date);
create index person_mother on person (province_code, mother_id) where mother_id is not null;
create unique index person_import_key on person (province_code, import_key) where import_key is not null;

alter table household
  add foreign key (province_code, head_person_id) references person (province_code, id) deferrable initially deferred;

-- A move of a person (or of a whole household): from where to where, when. The person row holds where they are now.
create table person_move (
  province_code      text not null,
  id                 uuid not null,
  person_id          uuid not null,
  kind               text not null check (kind in ('within_commune', 'between_communes', 'out_of_province', 'into_register')),
  move_date          date not null,
  from_village_id    uuid references org_unit (id),
  to_village_id      uuid references org_unit (id),
  from_household_id  uuid,
  to_household_id    uuid,
  from_org_path      ltree,
  to_org_path        ltree,
  reason             text,
  created_by         uuid,
  created_at         timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id)
);
create index person_move_person on person_move (province_code, person_id, move_date);

-- Special circumstances (Law on Children Art. 10, Decree 56 sub-groups), dated. Open while valid_to is null.
create table circumstance_assignment (
  province_code   text not null,
  id              uuid not null,
  person_id       uuid not null,
  org_path        ltree not null,
  group_code      text not null,
  sub_group_code  text,
  valid_from      date not null,
  valid_to        date,
  evidence        text,
  notes           text,
  end_reason      text,
  created_by      uuid,
  created_at      timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id),
  check (valid_to is null or valid_to >= valid_from)
);
create index circumstance_person on circumstance_assignment (province_code, person_id);
create index circumstance_open on circumstance_assignment using gist (org_path) where valid_to is null;

-- The province's catalogue of at-risk flags (seeded from a default list, editable by the province).
create table at_risk_flag_type (
  province_code  text not null,
  code           text not null,
  name_vi        text not null,
  name_en        text not null,
  active         boolean not null default true,
  created_at     timestamptz not null default now(),
  primary key (province_code, code)
);

create table at_risk_flag (
  province_code   text not null,
  id              uuid not null,
  person_id       uuid not null,
  org_path        ltree not null,
  flag_code       text not null,
  valid_from      date not null,
  valid_to        date,
  notes           text,
  end_reason      text,
  created_by      uuid,
  created_at      timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id),
  foreign key (province_code, flag_code) references at_risk_flag_type (province_code, code),
  check (valid_to is null or valid_to >= valid_from)
);
create index at_risk_flag_person on at_risk_flag (province_code, person_id);
create index at_risk_flag_open on at_risk_flag using gist (org_path) where valid_to is null;

-- Pairs a commune worker has looked at and declared "not the same child"; never suggested again.
create table duplicate_dismissal (
  province_code  text not null,
  person_a_id    uuid not null,
  person_b_id    uuid not null,
  reason         text,
  dismissed_by   uuid,
  dismissed_at   timestamptz not null default now(),
  primary key (province_code, person_a_id, person_b_id),
  check (person_a_id < person_b_id)
);

-- A merge of two person records: the merged one is kept (status merged, merged_into_id) with a snapshot.
create table person_merge (
  province_code   text not null,
  id              uuid not null,
  kept_id         uuid not null,
  merged_id       uuid not null,
  snapshot        jsonb not null,
  reason          text,
  merged_by       uuid,
  merged_at       timestamptz not null default now(),
  primary key (province_code, id)
);
create index person_merge_kept on person_merge (province_code, kept_id);

-- Import of a register file: the uploaded bytes, the column mapping, progress and the row-by-row report.
create table register_import (
  province_code   text not null,
  id              uuid not null,
  commune_id      uuid not null references org_unit (id),
  org_path        ltree not null,
  file_name       text not null,
  file_format     text not null check (file_format in ('xlsx', 'csv')),
  file_sha256     text not null,
  file_bytes      bytea not null,
  headers         jsonb not null default '[]',
  mapping         jsonb,
  status          text not null default 'uploaded'
    check (status in ('uploaded', 'validating', 'validated', 'importing', 'imported', 'failed')),
  total_rows      integer not null default 0,
  processed_rows  integer not null default 0,
  error_count     integer not null default 0,
  errors          jsonb not null default '[]',
  created_households integer not null default 0,
  created_persons integer not null default 0,
  skipped_persons integer not null default 0,
  failure         text,
  created_by      uuid,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  primary key (province_code, id)
);
create index register_import_org on register_import using gist (org_path);
