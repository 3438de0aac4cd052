-- What each submission said, initiative by initiative, so that a reviewer sees what changed since the last one.
create table declaration_submission (
    id             bigint generated always as identity primary key,
    declaration_id bigint      not null references declaration (id),
    number         integer     not null check (number >= 1),
    submitted_at   timestamptz not null,
    initiatives    jsonb       not null,
    unique (declaration_id, number)
);
