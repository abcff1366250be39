-- A list reads its unit's summary rows from one covering index, never from the table: the index holds every
-- column a list filters and sorts on, so PostgreSQL answers from the index alone (an index-only scan) and reads the
-- table only for the page's 50 rows. Measured on the 2.5 M-child bench database (bench ecd-action-lists): with the
-- GiST on org_path, the overdue list of a commune with 12,800 children under 8 read 1,840 table pages, 22 of its
-- 30 ms.
-- * The earliest open follow-up of a screening is kept on the summary, so the follow-up list is one more column of
--   the index instead of a probe of the screenings for each of the commune's children.
-- * Stale rows are found through a partial index of the stale rows alone; rows built by another version of the
--   schedule rules are marked stale once, when the server starts (bootstrap), not looked for by every list.

alter table ecd_child_summary add column open_follow_up_on date;

update ecd_child_summary s
set open_follow_up_on = f.due
from (
  select province_code, person_id, min(follow_up_on) as due
  from development_screening
  where follow_up_on is not null and follow_up_done_on is null
  group by province_code, person_id
) f
where s.province_code = f.province_code and s.person_id = f.person_id;

create index ecd_child_summary_list on ecd_child_summary (province_code, village_id)
  include (person_id, status, birth_date, name_search, overdue_periods, due_periods, last_malnourished,
           last_measured_on, open_follow_up_on);
drop index ecd_child_summary_org;
create index ecd_child_summary_stale on ecd_child_summary using gist (org_path) where stale;
