-- Child-protection cases (Decree 56/2017/NĐ-CP, Chapter III): the report, its steps as events, who works on it,
-- who it is shared with, notes and the plan's actions. Keyed (province_code, id) like the register, so a Citus
-- cluster distributes them by province_code.
--
-- A case's org_path is its responsible commune's, not the child's village: a child from another commune may be
-- reported here, and a transferred case moves to the receiving commune. Visibility is never the scope alone: it
-- is membership, the commune leader's approval role, or an explicit share (docs/child-protection.md).

create table protection_case (
  province_code           text not null,
  id                      uuid not null,
  -- BV-<year>-<number>, numbered per province and year.
  case_number             text not null,
  -- The register record, or null while the child is known only by the report's details (child_* below).
  person_id               uuid,
  child_name              text,
  child_sex               text check (child_sex in ('male', 'female')),
  child_birth_year        integer check (child_birth_year between 1990 and 2100),
  child_address           text,
  commune_id              uuid not null references org_unit (id),
  org_path                ltree not null,
  step                    text not null check (step in ('received', 'emergency', 'assessing', 'planning',
                            'awaiting_approval', 'implementing', 'closure_proposed', 'closed')),
  urgent                  boolean not null default false,
  risk_level              text check (risk_level in ('high', 'medium', 'low')),
  concern_types           text[] not null,
  -- Sexual abuse and trafficking reports: notes are hidden from everyone but the workers by default.
  extra_confidential      boolean not null default false,
  -- Mẫu 01: the report.
  received_at             timestamptz not null,
  channel                 text not null check (channel in ('phone', 'in_person', 'online', 'written')),
  source                  text not null,
  reporter_anonymous      boolean not null default false,
  reporter_name           text,
  reporter_phone          text,
  reporter_relation       text,
  description             text not null,
  occurred_on             date,
  occurred_place          text,
  reported_by             uuid not null references app_user (id),
  -- The deadline of the current step (12 h, 5 or 7 working days, the review date), kept by the service on each
  -- transition so the overdue list is one indexed comparison.
  due_at                  timestamptz,
  due_kind                text check (due_kind in ('initial_assessment', 'urgent_intervention', 'plan_draft',
                            'plan_approval', 'review')),
  plan_due_at             timestamptz,
  step_changed_at         timestamptz not null,
  closed_at               timestamptz,
  close_reason            text,
  -- A transfer to another commune waiting for its acceptance.
  transfer_to_commune_id  uuid references org_unit (id),
  transfer_requested_at   timestamptz,
  transfer_requested_by   uuid references app_user (id),
  transfer_reason         text,
  version                 integer not null default 1,
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id),
  check (person_id is not null or child_name is not null),
  check (reporter_anonymous = false or (reporter_name is null and reporter_phone is null))
);
create unique index protection_case_number on protection_case (province_code, case_number);
-- The lists (the inbox, my cases, the leader's queue, the overdue list) read open cases only: a few thousand of a
-- province's tens of thousands. This index holds them in the lists' order with every column the visibility check
-- and the list filters read, so a list scans it alone (index-only, already sorted) and reads the heap for the page
-- it shows. Scopes are ltree subtrees and a case's visibility is an OR across tables that no index answers, so the
-- lists filter the open cases instead of looking them up (bench/README.md, "case-lists": a worker's cases in 2.2 ms
-- among a province's 8,000 open ones, where an index by commune, which no list could use, left a sequential scan
-- of all 60,000 cases).
create index protection_case_open on protection_case (due_at, received_at desc, id)
  include (province_code, org_path, step, risk_level, transfer_to_commune_id)
  where step <> 'closed';
-- The same for the two lists of one step or two, a few hundred cases in a province: the commune inbox (1.5 against
-- 0.08 ms) and the leader's queue (0.8 against 0.15 ms). The lists write their steps into the SQL, so that even a
-- prepared statement's generic plan can use these partial indexes.
create index protection_case_inbox on protection_case (due_at, received_at desc, id)
  include (province_code, org_path, transfer_to_commune_id)
  where step = 'received';
create index protection_case_approvals on protection_case (due_at, received_at desc, id)
  include (province_code, org_path, transfer_to_commune_id)
  where step in ('awaiting_approval', 'closure_proposed');
create index protection_case_person on protection_case (province_code, person_id) where person_id is not null;
create index protection_case_transfer on protection_case (province_code, transfer_to_commune_id)
  where transfer_to_commune_id is not null;

create table protection_case_counter (
  province_code  text not null,
  year           integer not null,
  last_number    integer not null,
  primary key (province_code, year)
);

-- The timeline: every transition, assignment, share, transfer and plan change, with the form's fields as data.
create table case_event (
  province_code  text not null,
  id             uuid not null,
  case_id        uuid not null,
  at             timestamptz not null default now(),
  actor_id       uuid references app_user (id),
  kind           text not null,
  from_step      text,
  to_step        text,
  data           jsonb not null default '{}',
  primary key (province_code, id),
  foreign key (province_code, case_id) references protection_case (province_code, id)
);
create index case_event_case on case_event (province_code, case_id, at);

-- The workers assigned to a case. Removing a worker ends the row; it is never deleted.
create table case_member (
  province_code  text not null,
  case_id        uuid not null,
  user_id        uuid not null references app_user (id),
  added_at       timestamptz not null default now(),
  added_by       uuid references app_user (id),
  removed_at     timestamptz,
  primary key (province_code, case_id, user_id),
  foreign key (province_code, case_id) references protection_case (province_code, id)
);
create index case_member_user on case_member (user_id, province_code, case_id) where removed_at is null;

-- A worker's explicit share of one case with one user, with the reason (audited). Read-only access.
create table case_share (
  province_code  text not null,
  id             uuid not null,
  case_id        uuid not null,
  user_id        uuid not null references app_user (id),
  reason         text not null,
  shared_by      uuid not null references app_user (id),
  shared_at      timestamptz not null default now(),
  expires_on     date,
  revoked_at     timestamptz,
  revoked_by     uuid references app_user (id),
  primary key (province_code, id),
  foreign key (province_code, case_id) references protection_case (province_code, id)
);
create index case_share_user on case_share (user_id, province_code, case_id) where revoked_at is null;

create table case_note (
  province_code       text not null,
  id                  uuid not null,
  case_id             uuid not null,
  author_id           uuid not null references app_user (id),
  written_at          timestamptz not null default now(),
  body                text not null,
  extra_confidential  boolean not null default false,
  primary key (province_code, id),
  foreign key (province_code, case_id) references protection_case (province_code, id)
);
create index case_note_case on case_note (province_code, case_id, written_at);

-- The actions of the plan in force (Mẫu 04), numbered by plan: a re-plan starts plan_number + 1.
create table case_plan_action (
  province_code  text not null,
  id             uuid not null,
  case_id        uuid not null,
  plan_number    integer not null,
  position       integer not null,
  description    text not null,
  responsible    text not null,
  due_on         date not null,
  service_code   text,
  status         text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  done_on        date,
  outcome        text,
  updated_at     timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, case_id) references protection_case (province_code, id)
);
create index case_plan_action_case on case_plan_action (province_code, case_id, plan_number, position);
