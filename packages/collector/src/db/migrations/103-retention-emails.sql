-- Retention: users who gave an email (an `identify` whose traits carry one), and since when.
-- The "known by email vs anonymous" segment reads this instead of every identify event's JSON.
create table if not exists user_emails (
  site text not null,
  user_id text not null,
  first_seen timestamptz not null,
  primary key (site, user_id)
);

create or replace function linger_collect_emails() returns trigger language plpgsql as $$
begin
  insert into user_emails (site, user_id, first_seen)
  select site, user_id, min(ts)
  from linger_new_identifies
  where type = 'identify' and user_id is not null and coalesce(trim(props->'traits'->>'email'), '') <> ''
  group by site, user_id
  on conflict (site, user_id) do update set first_seen = excluded.first_seen
    where excluded.first_seen < user_emails.first_seen;
  return null;
end
$$;

drop trigger if exists events_collect_emails on events;
create trigger events_collect_emails
  after insert on events
  referencing new table as linger_new_identifies
  for each statement execute function linger_collect_emails();

-- Identify events stored before this migration.
insert into user_emails (site, user_id, first_seen)
select site, user_id, min(ts)
from events
where type = 'identify' and user_id is not null and coalesce(trim(props->'traits'->>'email'), '') <> ''
group by site, user_id
on conflict (site, user_id) do nothing;

-- The segments read campaign exposures and NPS answers by (site, type, ts). Migration 001 creates
-- this index already; named here too so retention never depends on another file keeping it.
create index if not exists events_site_type_ts on events (site, type, ts);
