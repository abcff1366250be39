-- Name search inside a scope: one GiST index over (path, folded name) answers
-- `path <@ 'vn.p01' and name_search like '%hoa%'` without visiting the rest of the country.
create index org_unit_path_name on org_unit using gist (path, name_search gist_trgm_ops);
