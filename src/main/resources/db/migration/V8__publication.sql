-- Published editions: an immutable copy of what the Portrait and the open data show, version by version.
create table published_edition (
    id            bigint generated always as identity primary key,
    campaign_year integer       not null references campaign (year),
    version       integer       not null check (version >= 1),
    published_at  timestamptz   not null,
    approved_by   varchar(64)   not null,
    change_note   varchar(2000),
    portrait      jsonb         not null,
    unique (campaign_year, version)
);

-- Only what may be public: no supplier or product name, no cybersecurity or retired initiative.
create table published_initiative (
    edition_id             bigint        not null references published_edition (id),
    initiative_id          varchar(30)   not null,
    name                   varchar(200)  not null,
    category               varchar(40)   not null,
    organization_code      varchar(20)   not null,
    organization_name      varchar(200)  not null,
    portfolio_label        varchar(250)  not null,
    benefits               varchar(2500),
    published_status       varchar(30)   not null,
    generic_product_name   varchar(200),
    public_description     varchar(350),
    services_to_population boolean       not null,
    generative_ai          boolean       not null,
    primary key (edition_id, initiative_id)
);

-- A published edition never changes: an erratum is a new version.
create function forbid_published_change() returns trigger language plpgsql as $$
begin
    raise exception 'published editions are immutable: publish an erratum as a new version';
end;
$$;
create trigger published_initiative_immutable before update or delete on published_initiative
    for each row execute function forbid_published_change();
-- the edition row is written, then its figures once (computed from its initiatives); never again
create function forbid_edition_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.portrait <> '{}'::jsonb then
        raise exception 'published editions are immutable: publish an erratum as a new version';
    end if;
    return new;
end;
$$;
create trigger published_edition_immutable before update or delete on published_edition
    for each row execute function forbid_edition_change();
