-- Event ids de-duplicate per site: the key was the id alone, so one site's event (or a forged
-- one) with another site's id was silently taken for a duplicate and never stored.
alter table events drop constraint if exists events_pkey;
alter table events add primary key (site, id);

-- Push subscriptions likewise: a push.subscribed for another site's endpoint used to move that
-- subscriber into its own segment. Each site now keeps its own row per endpoint.
alter table push_subscriptions drop constraint if exists push_subscriptions_pkey;
alter table push_subscriptions add primary key (site, endpoint);
