-- Every accepted event, stored once: the id is the client's, so a re-sent batch is a no-op.
create table if not exists events (
  id text primary key,
  site text not null,
  type text not null,
  ts timestamptz not null,
  visitor_id text not null,
  session_id text not null,
  user_id text,
  campaign_id text,
  variant text,
  url text not null,
  props jsonb not null default '{}',
  received_at timestamptz not null default now()
);

create index if not exists events_site_type_ts on events (site, type, ts);
create index if not exists events_site_campaign on events (site, campaign_id, variant, type);
create index if not exists events_site_visitor on events (site, visitor_id);
