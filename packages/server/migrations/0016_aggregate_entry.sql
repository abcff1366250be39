-- Aggregate data entry (docs/aggregate-entry.md): the numbers a sector enters per unit and period for the
-- indicators the register cannot compute (mortality, school sanitation, play spaces…), and the period locks set when
-- a period's report is approved. Keyed (province_code, id) like the register, so a Citus cluster can distribute
-- both tables by province_code.

-- One row per cell: a unit (a commune, or the province) × a period × an indicator. A change updates the row and
-- raises its version; the audit log keeps every earlier state (entity_type 'aggregate_value').
create table aggregate_value (
  province_code   text not null,
  id              uuid not null,
  org_unit_id     uuid not null references org_unit (id),
  -- the unit's path, denormalised: the indicator engine sums the entries of a subtree
  org_path        ltree not null,
  -- 2025 (a year), 2025H1, 2025H2 (packages/shared/src/domain/indicators/periods.ts)
  period          text not null check (period ~ '^[0-9]{4}(H[12])?$'),
  indicator_code  text not null,
  -- As entered: a ratio's numerator and denominator, a count in numerator, or the value itself. Only the numbers
  -- the indicator's kind takes are kept; the others are null.
  numerator       numeric check (numerator >= 0),
  denominator     numeric check (denominator >= 0),
  -- The indicator's value from them (numerator / denominator × the unit's factor; a count is its number), or the
  -- entered value; null for 0 / 0. Kept so that the last period and the outlier history are read, not recomputed.
  value           numeric,
  comment         text,
  -- the warnings shown when it was saved and acknowledged with the comment (CHANGED_FROM_LAST_PERIOD, OUTLIER)
  warnings        text[] not null default '{}',
  entered_by      uuid references app_user (id),
  entered_at      timestamptz not null default now(),
  version         integer not null default 1,
  created_at      timestamptz not null default now(),
  primary key (province_code, id),
  unique (province_code, org_unit_id, period, indicator_code)
);
create index aggregate_value_org_path on aggregate_value using gist (org_path);
-- The indicator engine: the entries of some indicators for one period inside a subtree.
create index aggregate_value_period on aggregate_value (province_code, period, indicator_code);

-- A lock keyed by unit and period. It holds for the unit and every unit inside it (a province's lock holds for its
-- communes and villages). A lock is never deleted: unlocking fills unlocked_* and a later lock is a new row, so the
-- history of locks stays. A year's lock does not lock its halves, nor a half's lock the year: each report has its
-- own period.
create table period_lock (
  province_code   text not null,
  id              uuid not null,
  org_unit_id     uuid not null references org_unit (id),
  org_path        ltree not null,
  period          text not null check (period ~ '^[0-9]{4}(H[12])?$'),
  -- null when the system locked it
  locked_by       uuid references app_user (id),
  locked_at       timestamptz not null default now(),
  reason          text,
  unlocked_by     uuid references app_user (id),
  unlocked_at     timestamptz,
  unlock_reason   text,
  primary key (province_code, id),
  check ((unlocked_at is null) = (unlock_reason is null))
);
-- At most one lock in force per unit and period.
create unique index period_lock_in_force on period_lock (province_code, org_unit_id, period) where unlocked_at is null;
create index period_lock_org_path on period_lock using gist (org_path);
