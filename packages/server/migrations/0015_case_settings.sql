-- A province's own case deadlines and calendar (docs/case-deadlines.md): shorter statutory deadlines, its referral
-- response time, and local days off or worked days. One row per province; the national catalogue applies without.
create table case_setting (
  province_code       text primary key,
  -- {"plan_draft": 3, "referral_response": 1}: checked by applyDeadlineOverrides on every read and write
  deadline_overrides  jsonb not null default '{}',
  -- ["2026-09-10", …]: YYYY-MM-DD strings, as the rest of the application carries calendar dates
  extra_days_off      jsonb not null default '[]',
  extra_working_days  jsonb not null default '[]',
  updated_by          uuid references app_user (id),
  updated_at          timestamptz not null default now()
);
