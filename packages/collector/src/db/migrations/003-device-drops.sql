-- Events devices had to drop (over the queue's caps, too big, unreadable, or to make room in
-- full storage), as their batches report them. Keyed by the batch's first event id: a batch sent
-- again after a lost answer is counted once (a re-packed one can be counted twice; the figure is
-- an upper bound).
create table if not exists device_drops (
  site text not null,
  batch_key text not null,
  dropped integer not null,
  received_at timestamptz not null default now(),
  primary key (site, batch_key)
);

create index if not exists device_drops_site_received on device_drops (site, received_at);
