-- Review rounds: each decision of a reviewer on a submitted declaration, with its comments.
create table review_round (
    id             bigint generated always as identity primary key,
    declaration_id bigint       not null references declaration (id),
    round          integer      not null check (round >= 1),
    decision       varchar(20)  not null check (decision in ('ACCEPT', 'REQUEST_CORRECTIONS')),
    reviewer       varchar(64)  not null,
    decided_at     timestamptz  not null,
    unique (declaration_id, round)
);

create table review_comment (
    id              bigint generated always as identity primary key,
    review_round_id bigint        not null references review_round (id),
    initiative_id   varchar(30)   references initiative (id),
    field           varchar(50),
    message         varchar(2000) not null
);
create index review_comment_round_idx on review_comment (review_round_id);

-- the organization's deadline for a correction round
alter table declaration add column correction_due_date date;

alter table mail_outbox alter column kind type varchar(30);
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check check (kind in (
    'INVITATION', 'REMINDER', 'OVERDUE_REMINDER', 'ESCALATION', 'EXTENSION', 'ACCEPTED', 'CORRECTIONS_REQUESTED'));
