-- Records are addressed by id alone in URLs (/api/register/persons/:id); the primary keys lead with
-- province_code, so an id-only look-up needs its own index (non-unique, as a distributed table allows).
create index person_id on person (id);
create index household_id on household (id);
create index circumstance_assignment_id on circumstance_assignment (id);
create index at_risk_flag_id on at_risk_flag (id);
create index register_import_id on register_import (id);
