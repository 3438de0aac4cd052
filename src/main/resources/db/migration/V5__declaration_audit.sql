-- Every transition of a declaration, besides Camunda's history: who, when, from, to, and why.
create table declaration_transition (
    id             bigint generated always as identity primary key,
    declaration_id bigint        not null references declaration (id),
    from_status    varchar(12),
    to_status      varchar(12)   not null,
    actor          varchar(64)   not null,
    comment        varchar(2000),
    occurred_at    timestamptz   not null
);
create index declaration_transition_declaration_idx on declaration_transition (declaration_id, occurred_at);
