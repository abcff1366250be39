-- Indicator tallies (docs/indicators.md, "Tallies"): for the recent periods, the engine's counts kept per village,
-- sex, age group, ethnicity and disability, so that a province's whole catalogue is a sum of a few tens of thousands
-- of rows instead of a scan of its children. The server keeps them (modules/indicators/tallies.ts): when it rebuilds
-- a child's facts (migration 0018) it takes the child's old row out of the tallies and puts the new one in, in the
-- same statement. Older or later periods, and the circumstance-group breakdown, are counted from the facts.

-- The village a child lives in, for the tallies (the facts' rows are rebuilt with it: FACT_VERSION facts/2).
alter table indicator_fact add column village_id uuid;

create table indicator_tally (
  province_code   text not null,
  -- 2025, 2025H1, 2025H2 (packages/shared/src/domain/indicators/periods.ts)
  period          text not null,
  village_id      uuid not null,
  sex             text not null,
  -- the age group on the period's last day (ageGroups)
  age_group       text not null,
  ethnicity_code  text not null,
  -- the disability type, '' for none
  disability_type text not null,
  -- one count per distinct condition of the computed catalogue, in the order of `tallyLayout` (tallies.ts)
  counts          integer[] not null,
  primary key (province_code, period, village_id, sex, age_group, ethnicity_code, disability_type)
);

-- Adds two arrays of counts element by element (a tally and a change to it).
create function indicator_tally_add(a integer[], b integer[]) returns integer[]
language sql immutable parallel safe as $$
  select array_agg(coalesce(x, 0) + coalesce(y, 0) order by i) from unnest(a, b) with ordinality u(x, y, i)
$$;
