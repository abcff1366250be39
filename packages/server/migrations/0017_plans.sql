-- Plans (kế hoạch) of a province or commune, their targets per year, activities with progress notes, documents,
-- campaign events, training courses with attendance, and budget lines (docs/plans.md).
-- Keyed (province_code, id) like the register, so a Citus cluster can distribute every table by province_code
-- together. Each row carries org_path, the path of the plan's unit, so a scoped read filters on the row itself.

create table plan (
  province_code         text not null,
  id                    uuid not null,
  -- The province or commune the plan belongs to; it never changes (a plan of another unit is another plan).
  org_unit_id           uuid not null references org_unit (id),
  org_path              ltree not null,
  level                 text not null check (level in ('province', 'commune')),
  title                 text not null,
  document_number       text,
  issued_date           date,
  issued_by             text,
  legal_basis           text[] not null default '{}',
  general_goal          text,
  period_start          integer not null,
  period_end            integer not null,
  status                text not null default 'draft' check (status in ('draft', 'in_force', 'closed')),
  -- The template it was made from (data/plans/<code>.json), and the plan of the unit above it was derived from.
  template_code         text,
  derived_from_plan_id  uuid,
  -- As the template states them: agencies and their duties, funding sources, reporting deadlines and milestones.
  agencies              jsonb not null default '[]',
  funding_sources       text[] not null default '{}',
  reporting             jsonb not null default '{}',
  -- Optimistic concurrency of the header fields and the status.
  version               integer not null default 1,
  created_by            uuid references app_user (id),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, derived_from_plan_id) references plan (province_code, id),
  check (period_end >= period_start)
);
-- A plan is read by its id alone (the API's /api/plans/:id), without its province.
create index plan_id on plan (id);
create index plan_org_path on plan using gist (org_path);
create index plan_in_force on plan (province_code, org_path) where status = 'in_force';

-- A target: a measure with a value per year (and per group), as the plan's text sets it. `target_values` holds the
-- value objects exactly as the templates write them: {year, value, comparator?, group?, implied?, toYear?, valueMax?}.
create table plan_target (
  province_code         text not null,
  id                    uuid not null,
  plan_id               uuid not null,
  org_path              ltree not null,
  sort_order            integer not null,
  code                  text not null,
  text                  text not null,
  en                    text,
  measure               text,
  unit                  text not null check (unit in ('percent', 'per_1000_live_births', 'per_100000_children',
                          'count', 'boolean', 'percent_reduction_per_year')),
  direction             text not null check (direction in ('increase', 'decrease', 'maintain', 'reach')),
  comparator            text check (comparator in ('>=', '>', '<=', '<', '=')),
  target_values         jsonb not null default '[]',
  disaggregation        text[] not null default '{}',
  population            text,
  responsible_agency    text,
  note                  text,
  -- The catalogue indicator that measures it (packages/shared/src/domain/indicators/catalogue.ts), if any.
  indicator_code        text,
  -- The target of the plan above it was copied from, when the plan was derived.
  source_target_id      uuid,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, plan_id) references plan (province_code, id) on delete cascade,
  unique (province_code, plan_id, code)
);
create index plan_target_id on plan_target (id);
create index plan_target_plan on plan_target (province_code, plan_id, sort_order);
create index plan_target_indicator on plan_target (indicator_code) where indicator_code is not null;

create table plan_activity (
  province_code         text not null,
  id                    uuid not null,
  plan_id               uuid not null,
  org_path              ltree not null,
  sort_order            integer not null,
  code                  text,
  section               text,
  parent_title          text,
  title                 text not null,
  en                    text,
  kind                  text not null check (kind in ('communication', 'capacity_building', 'policy_review',
                          'parenting_education', 'service_delivery', 'referral_network', 'monitoring_evaluation',
                          'resource_mobilization', 'coordination', 'pilot_model', 'legal_justice', 'other')),
  lead                  text,
  partners              text[] not null default '{}',
  purpose               text,
  details               text[] not null default '{}',
  start_date            date,
  end_date              date,
  status                text not null default 'planned'
                          check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  source_activity_id    uuid,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, plan_id) references plan (province_code, id) on delete cascade,
  check (end_date >= start_date)
);
create index plan_activity_id on plan_activity (id);
create index plan_activity_plan on plan_activity (province_code, plan_id, sort_order);

-- Dated progress notes: a journal, never edited.
create table plan_activity_note (
  province_code         text not null,
  id                    uuid not null,
  activity_id           uuid not null,
  org_path              ltree not null,
  noted_on              date not null,
  text                  text not null,
  author_id             uuid references app_user (id),
  author_name           text,
  created_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, activity_id) references plan_activity (province_code, id) on delete cascade
);
create index plan_activity_note_activity on plan_activity_note (province_code, activity_id, noted_on);

-- A document of an activity: its metadata only (title, number, date, where it is kept), no file.
create table plan_activity_document (
  province_code         text not null,
  id                    uuid not null,
  activity_id           uuid not null,
  org_path              ltree not null,
  title                 text not null,
  number                text,
  issued_on             date,
  reference             text,
  created_by            uuid references app_user (id),
  created_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, activity_id) references plan_activity (province_code, id) on delete cascade
);
create index plan_activity_document_activity on plan_activity_document (province_code, activity_id);

-- An event of a communication campaign: where, for whom, how many people it reached.
create table campaign_event (
  province_code         text not null,
  id                    uuid not null,
  activity_id           uuid not null,
  org_path              ltree not null,
  held_on               date not null,
  place                 text not null,
  audience              text not null,
  reach                 integer not null check (reach >= 0),
  note                  text,
  created_by            uuid references app_user (id),
  created_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, activity_id) references plan_activity (province_code, id) on delete cascade
);
create index campaign_event_activity on campaign_event (province_code, activity_id, held_on);

-- A training course or parenting session. org_path is the plan's unit (who manages it); unit_path is the unit that
-- ran it (the plan's unit or a commune under it), by which ECD-TRAINED counts the people trained.
create table training_course (
  province_code         text not null,
  id                    uuid not null,
  activity_id           uuid not null,
  plan_id               uuid not null,
  org_path              ltree not null,
  unit_id               uuid not null references org_unit (id),
  unit_path             ltree not null,
  kind                  text not null check (kind in ('training', 'parenting_session')),
  topic                 text not null,
  trainer               text,
  start_date            date not null,
  end_date              date not null,
  place                 text,
  created_by            uuid references app_user (id),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, activity_id) references plan_activity (province_code, id) on delete cascade,
  check (end_date >= start_date),
  check (unit_path <@ org_path)
);
create index training_course_id on training_course (id);
create index training_course_activity on training_course (province_code, activity_id, start_date);
create index training_course_unit_path on training_course using gist (unit_path);

-- The sign-in sheet: who came, in which role. name_folded (foldVietnamese) identifies a person within the unit
-- that ran the course, so someone at two courses is counted once.
create table training_participant (
  province_code         text not null,
  id                    uuid not null,
  course_id             uuid not null,
  org_path              ltree not null,
  sort_order            integer not null,
  full_name             text not null,
  name_folded           text not null,
  role                  text not null check (role in ('health_staff', 'education_staff', 'social_staff',
                          'collaborator', 'parent', 'caregiver', 'other')),
  sex                   text not null check (sex in ('male', 'female')),
  unit_name             text,
  attended              boolean not null,
  primary key (province_code, id),
  foreign key (province_code, course_id) references training_course (province_code, id) on delete cascade
);
create index training_participant_course on training_participant (province_code, course_id, sort_order);

-- Money for an activity, by source and year, in đồng: planned and spent.
create table budget_line (
  province_code         text not null,
  id                    uuid not null,
  activity_id           uuid not null,
  plan_id               uuid not null,
  org_path              ltree not null,
  source                text not null check (source in ('state_central', 'state_province', 'state_commune',
                          'oda_unicef', 'social_mobilisation', 'other')),
  year                  integer not null,
  planned_vnd           bigint not null check (planned_vnd >= 0),
  spent_vnd             bigint not null check (spent_vnd >= 0),
  note                  text,
  created_by            uuid references app_user (id),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, activity_id) references plan_activity (province_code, id) on delete cascade
);
create index budget_line_id on budget_line (id);
create index budget_line_plan on budget_line (province_code, plan_id);
create index budget_line_activity on budget_line (province_code, activity_id);
