-- Referrals to a provider of the directory — from a protection case, or from a young child's service need — and
-- alternative care (chăm sóc thay thế). Keyed (province_code, id) like the cases they hang on
-- (docs/child-protection.md).

create table referral (
  province_code       text not null,
  id                  uuid not null,
  -- A case's referral; or null for an early-childhood referral, which names the child instead.
  case_id             uuid,
  person_id           uuid,
  -- The sending commune's path: an early-childhood referral is read within its scope.
  org_path            ltree not null,
  provider_id         uuid not null,
  service_code        text not null,
  reason              text not null,
  urgency             text not null check (urgency in ('routine', 'urgent', 'emergency')),
  -- Consent of the child (from 7 years old) and of the parent or caregiver (PDPL 2025, Art. 24), or why not asked.
  consent_noted       boolean not null,
  consent_note        text,
  status              text not null default 'sent'
                        check (status in ('sent', 'accepted', 'declined', 'completed', 'cancelled')),
  sent_at             timestamptz not null,
  sent_by             uuid not null references app_user (id),
  -- When the provider should have answered (the province's referral SLA).
  response_due_at     timestamptz not null,
  responded_at        timestamptz,
  -- A provider's member who answered in treem, or null when the worker recorded the answer of a provider without
  -- an account (a phone call, the reply slip of the letter).
  responded_by        uuid references app_user (id),
  response_note       text,
  completed_at        timestamptz,
  outcome             text,
  recorded_by         uuid references app_user (id),
  cancelled_at        timestamptz,
  cancel_reason       text,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, case_id) references protection_case (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id),
  foreign key (province_code, provider_id) references service_provider (province_code, id),
  check ((case_id is null) <> (person_id is null))
);
create index referral_case on referral (province_code, case_id, sent_at) where case_id is not null;
create index referral_person on referral (province_code, person_id, sent_at) where person_id is not null;
create index referral_sender on referral (sent_by, sent_at) where case_id is null;
-- A provider's incoming referrals, and the "awaiting response" list.
create index referral_provider on referral (province_code, provider_id, status, sent_at);
create index referral_awaiting on referral (province_code, response_due_at) where status = 'sent';

-- A placement in alternative care (Law on Children Art. 24; Decree 56/2017): with relatives, with a non-relative
-- family, or in an institution; decided by the commune leader, handed over within 15 working days of the decision.
create table care_placement (
  province_code       text not null,
  id                  uuid not null,
  person_id           uuid not null,
  case_id             uuid,
  commune_id          uuid not null references org_unit (id),
  org_path            ltree not null,
  kind                text not null check (kind in ('relative', 'non_relative', 'institution')),
  carer_name          text not null,
  carer_relation      text,
  carer_address       text,
  carer_phone         text,
  provider_id         uuid,
  status              text not null default 'proposed'
                        check (status in ('proposed', 'decided', 'placed', 'terminated', 'rejected')),
  proposed_at         timestamptz not null,
  proposed_by         uuid not null references app_user (id),
  proposal_note       text,
  decision_number     text,
  decided_on          date,
  decided_by          uuid references app_user (id),
  handover_due_at     timestamptz,
  handed_over_on      date,
  terminated_on       date,
  termination_reason  text,
  version             integer not null default 1,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, person_id) references person (province_code, id),
  foreign key (province_code, case_id) references protection_case (province_code, id),
  foreign key (province_code, provider_id) references service_provider (province_code, id),
  check (kind <> 'institution' or provider_id is not null)
);
create index care_placement_person on care_placement (province_code, person_id);
create index care_placement_commune on care_placement (province_code, commune_id, status);

create table care_visit (
  province_code   text not null,
  id              uuid not null,
  placement_id    uuid not null,
  visited_on      date not null,
  visited_by      uuid not null references app_user (id),
  wellbeing       text not null check (wellbeing in ('good', 'concern', 'at_risk')),
  findings        text not null,
  next_visit_on   date,
  created_at      timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, placement_id) references care_placement (province_code, id)
);
create index care_visit_placement on care_visit (province_code, placement_id, visited_on);
