-- Web-push subscriptions, one per push-service endpoint (a re-subscription replaces the row).
create table if not exists push_subscriptions (
  endpoint text primary key,
  keys jsonb not null,
  site text not null,
  visitor_id text not null,
  user_id text,
  campaign_id text,
  created_at timestamptz not null default now()
);

create index if not exists push_subscriptions_site on push_subscriptions (site, campaign_id);
create index if not exists push_subscriptions_visitor on push_subscriptions (site, visitor_id);
