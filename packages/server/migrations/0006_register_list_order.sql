-- The person list reads a page in sort order when a search matches more records than it counts (person.repo.ts,
-- listPersons): these indexes give the first page of a common name, or of a whole commune, without sorting
-- every match.
create index person_name_order on person (name_search, birth_date, id);
create index person_birth_order on person (birth_date, name_search, id);
