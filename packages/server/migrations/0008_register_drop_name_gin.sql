-- The GiST (org_path, name_search) index answers every scoped name search, a province's included (the planner
-- chose it over this GIN index in every plan measured on 2.5 M children). The GIN index only cost inserts: ~20 %
-- of a register import's write time (docs/register-import.md).
drop index if exists person_name_trgm;
