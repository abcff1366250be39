-- The dry run's warnings (rows that would create a child who looks like one already in the register): reported,
-- never blocking. Same shape as `errors`; the first 10,000 kept, `warning_count` exact.
alter table register_import
  add column warnings jsonb not null default '[]',
  add column warning_count integer not null default 0;
