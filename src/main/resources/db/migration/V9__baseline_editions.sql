-- An edition published before this product existed (e.g. the 2024 open data) may be imported as a baseline, so that
-- the first year run here still reports its change: such an edition has no campaign in this database.
alter table published_edition drop constraint published_edition_campaign_year_fkey;
alter table published_edition add column baseline boolean not null default false;
