-- The service provider directory of the referral network (docs/providers.md): providers by sector and level with
-- the services they offer, the area each one serves, and the treem users who act for it.
-- Keyed (province_code, id) like the register, so a Citus cluster can distribute the three tables by province_code
-- together; referrals will point at a provider by (province_code, id). A provider belongs to one province: a
-- national service (the 111 hotline) is entered by each province that refers to it.

create table service_provider (
  province_code        text not null,
  id                   uuid not null,
  -- The province or commune that keeps the entry; org_path is its path, denormalised for scoped queries.
  owner_unit_id        uuid not null references org_unit (id),
  org_path             ltree not null,
  name                 text not null,
  -- folded by foldVietnamese() in the application, for tone-insensitive search
  name_search          text not null,
  sector               text not null check (sector in ('health_facility', 'school', 'social_work_centre',
                         'social_assistance_facility', 'police', 'justice_legal_aid', 'hotline', 'women_union',
                         'youth_union', 'ngo', 'other')),
  level                text not null check (level in ('national', 'province', 'commune', 'village', 'facility')),
  address              text,
  phone                text,
  email                text,
  contact_person       text,
  contact_phone        text,
  -- free text as people write it ("Thứ 2 – Thứ 6, 7:30–17:00"), and whether it answers day and night
  opening_hours        text,
  open_24_hours        boolean not null default false,
  -- codes of the referral service catalogue (packages/shared/src/domain/providers/referralServices.ts)
  services             text[] not null check (cardinality(services) > 0),
  notes                text,
  -- never deleted: referrals keep pointing at a provider that left the network
  active               boolean not null default true,
  deactivated_at       timestamptz,
  created_by           uuid,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  primary key (province_code, id),
  check (active = (deactivated_at is null))
);
-- A provider is read by its id alone (the API's /api/providers/:id), without its province.
create index service_provider_id on service_provider (id);
create index service_provider_org_path on service_provider using gist (org_path);
create index service_provider_name_search on service_provider using gin (name_search gin_trgm_ops);
create index service_provider_services on service_provider using gin (services);

-- The area a provider serves: the whole province, communes, or villages of its province. A provider reaches a
-- commune when it covers the commune or a unit above it (docs/providers.md, "Coverage").
create table service_provider_coverage (
  province_code  text not null,
  provider_id    uuid not null,
  org_unit_id    uuid not null references org_unit (id),
  org_path       ltree not null,
  primary key (province_code, provider_id, org_unit_id),
  foreign key (province_code, provider_id) references service_provider (province_code, id) on delete cascade
);
create index service_provider_coverage_path on service_provider_coverage using gist (org_path);

-- Treem users who act for a provider (a health station's staff receive the referrals sent to it).
create table service_provider_member (
  province_code  text not null,
  provider_id    uuid not null,
  user_id        uuid not null references app_user (id),
  added_by       uuid,
  added_at       timestamptz not null default now(),
  primary key (province_code, provider_id, user_id),
  foreign key (province_code, provider_id) references service_provider (province_code, id) on delete cascade
);
create index service_provider_member_user on service_provider_member (user_id);
