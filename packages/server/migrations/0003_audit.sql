-- Hash-chained audit log: each row carries the hash of the previous row, so editing or deleting any row breaks
-- the chain from that point (`treem audit verify`). Rows are appended under an advisory lock in the same
-- transaction as the change they record.
create table audit_event (
  seq            bigint primary key,
  at             timestamptz not null,
  actor_id       uuid,
  actor_username text,
  action         text not null,
  entity_type    text not null,
  entity_id      text,
  -- org-unit path of the entity, so audit reads can be scoped like everything else
  org_path       ltree,
  before         jsonb,
  after          jsonb,
  reason         text,
  request_id     text,
  ip             text,
  prev_hash      text not null,
  hash           text not null
);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_org on audit_event using gist (org_path);
