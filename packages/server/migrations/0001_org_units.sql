-- Administrative units as an effective-dated tree.
-- Small reference tables (a Citus "reference table" when distributed): no province_code key needed.
create extension if not exists ltree;
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists pgcrypto;

create table org_unit (
  id            uuid primary key,
  -- current = the two-tier units in force since 1 Jul 2025; y2008 = the three-tier units before it (history);
  -- village = thôn/tổ dân phố, managed in the app.
  generation    text not null check (generation in ('current', 'y2008', 'village')),
  level         text not null check (level in ('country', 'province', 'district', 'commune', 'village')),
  code          text not null,
  name          text not null,
  full_name     text not null,
  -- folded (no diacritics, lower case, đ → d) by the application, for tone-insensitive search
  name_search   text not null,
  type          text not null,
  type_code     text not null,
  parent_id     uuid references org_unit (id),
  path          ltree not null unique,
  province_code text,
  region        text,
  name_en       text,
  -- for history units: the paths of the current units they went into, so a user scoped to a current unit can
  -- resolve the old units (and old records) that now belong to it
  reach_paths   ltree[],
  valid_from    date,
  valid_to      date,
  closed_reason text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

-- GSO codes are unique within a generation and level (new commune codes reuse old ones: never join across).
create unique index org_unit_gso_code on org_unit (generation, level, code) where generation <> 'village';
create unique index org_unit_village_code on org_unit (parent_id, code) where generation = 'village';
create index org_unit_path on org_unit using gist (path);
create index org_unit_reach on org_unit using gist (reach_paths);
create index org_unit_parent on org_unit (parent_id, name);
create index org_unit_code on org_unit (code);
create index org_unit_name_search on org_unit using gin (name_search gin_trgm_ops);

-- Old unit → new unit(s). full = the whole old unit went into the new one; partial = only part of its area.
create table org_unit_successor (
  predecessor_id uuid not null references org_unit (id),
  successor_id   uuid not null references org_unit (id),
  merge_type     text not null check (merge_type in ('full', 'partial')),
  effective_date date not null,
  note           text,
  primary key (predecessor_id, successor_id)
);
create index org_unit_successor_successor on org_unit_successor (successor_id);

-- Dated changes to a unit's attributes (renames, xã → phường, village moves and closures).
create table org_unit_change (
  id             bigint generated always as identity primary key,
  org_unit_id    uuid not null references org_unit (id),
  field          text not null,
  old_value      text,
  new_value      text,
  effective_date date not null,
  reason         text,
  created_at     timestamptz not null default now()
);
create index org_unit_change_unit on org_unit_change (org_unit_id, effective_date);

-- Which reference data set was loaded, so start-up loads it once and reloads when the shipped files change.
create table reference_data_load (
  name      text primary key,
  checksum  text not null,
  row_count integer not null,
  loaded_at timestamptz not null default now()
);
