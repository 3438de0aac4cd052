-- Issue 25: bodies merge, absorb others, are renamed under a new code or split. A succession is recorded once by a
-- coordinator (who, when, why, from when); the declaration capability asks the registry for a body's predecessors so
-- that the carry-over follows the initiatives. Owned by the organization capability.
create table organization_succession (
    id             bigint generated always as identity primary key,
    kind           varchar(12)   not null check (kind in ('FUSION', 'ABSORPTION', 'RENOMMAGE', 'SCISSION')),
    effective_date date          not null,
    reason         varchar(1000) not null,
    recorded_by    varchar(254)  not null,
    recorded_at    timestamptz   not null default now()
);

-- one row per predecessor and successor: a merge has several predecessors, a split several successors
create table organization_succession_link (
    succession_id    bigint      not null references organization_succession (id),
    predecessor_code varchar(20) not null references organization (code),
    successor_code   varchar(20) not null references organization (code),
    primary key (succession_id, predecessor_code, successor_code),
    check (predecessor_code <> successor_code)
);
create index organization_succession_link_successor_idx on organization_succession_link (successor_code);
create index organization_succession_link_predecessor_idx on organization_succession_link (predecessor_code);

-- a split: which successor carries each initiative active at the predecessor (each one exactly once)
create table organization_succession_assignment (
    succession_id  bigint      not null references organization_succession (id),
    initiative_id  varchar(30) not null primary key,
    successor_code varchar(20) not null references organization (code)
);
