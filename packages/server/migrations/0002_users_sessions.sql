create table app_user (
  id                   uuid primary key,
  username             text not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
  full_name            text not null,
  full_name_search     text not null,
  email                text,
  phone                text,
  role                 text not null,
  sector               text,
  status               text not null default 'active' check (status in ('active', 'disabled')),
  password_hash        text not null,
  password_changed_at  timestamptz not null default now(),
  must_change_password boolean not null default false,
  failed_login_count   integer not null default 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  -- TOTP: the secret is set at enrolment and becomes active when mfa_enabled is set by a confirmed code
  mfa_secret           text,
  mfa_enabled          boolean not null default false,
  mfa_last_step        bigint,
  created_by           uuid references app_user (id),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create index app_user_name_search on app_user using gin (full_name_search gin_trgm_ops);

-- A user's scope: one or more org-unit subtrees.
create table user_scope (
  user_id     uuid not null references app_user (id) on delete cascade,
  org_unit_id uuid not null references org_unit (id),
  primary key (user_id, org_unit_id)
);
create index user_scope_unit on user_scope (org_unit_id);

create table user_recovery_code (
  user_id   uuid not null references app_user (id) on delete cascade,
  code_hash text not null,
  used_at   timestamptz,
  primary key (user_id, code_hash)
);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
create table user_session (
  token_hash   text primary key,
  user_id      uuid not null references app_user (id) on delete cascade,
  csrf_token   text not null,
  -- password accepted, second factor still owed
  mfa_pending  boolean not null default false,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null,
  ip           text,
  user_agent   text
);
create index user_session_user on user_session (user_id);
