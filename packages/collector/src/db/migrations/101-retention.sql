-- Retention: which user each visitor turned out to be. A visitor who orders anonymously and
-- identifies later (an `identify`, or any event carrying a user id) joins that user, so their
-- earlier orders count for the user. The first link wins: `first_seen` is the time of the
-- earliest event that tied the visitor to a user, so a report ending before it ignores it.
create table if not exists identities (
  site text not null,
  visitor_id text not null,
  user_id text not null,
  first_seen timestamptz not null,
  primary key (site, visitor_id)
);

-- One statement-level trigger per insert statement (not per row): a 2,000-row batch costs one
-- extra INSERT … SELECT over the batch's identified rows, which keeps bulk loads fast.
create or replace function linger_link_identities() returns trigger language plpgsql as $$
begin
  insert into identities (site, visitor_id, user_id, first_seen)
  select distinct on (site, visitor_id) site, visitor_id, user_id, ts
  from linger_new_events
  where user_id is not null
  order by site, visitor_id, ts
  on conflict (site, visitor_id) do update
    set user_id = excluded.user_id, first_seen = excluded.first_seen
    where excluded.first_seen < identities.first_seen;
  return null;
end
$$;

drop trigger if exists events_link_identities on events;
create trigger events_link_identities
  after insert on events
  referencing new table as linger_new_events
  for each statement execute function linger_link_identities();

-- Events stored before this migration.
insert into identities (site, visitor_id, user_id, first_seen)
select distinct on (site, visitor_id) site, visitor_id, user_id, ts
from events
where user_id is not null
order by site, visitor_id, ts
on conflict (site, visitor_id) do nothing;
