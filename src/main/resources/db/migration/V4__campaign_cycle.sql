-- Campaign cycle: the mail outbox, deadline extensions and the launch bookkeeping.

-- Every mail the product sends: written in the same transaction as the step that decides it, delivered by a job.
create table mail_outbox (
    id                   bigint generated always as identity primary key,
    -- one mail per decision: a retried step finds its mail already queued
    idempotency_key      varchar(200)  not null unique,
    -- the process (business key) whose mail step delivers it
    process_business_key varchar(100)  not null,
    campaign_year        integer       references campaign (year),
    organization_code    varchar(20)   references organization (code),
    kind                 varchar(20)   not null check (kind in (
                             'INVITATION', 'REMINDER', 'OVERDUE_REMINDER', 'ESCALATION', 'EXTENSION')),
    recipients           varchar(2000) not null,
    cc                   varchar(2000),
    subject              varchar(300)  not null,
    body                 text          not null,
    status               varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'REJECTED')),
    attempts             integer       not null default 0,
    last_error           varchar(1000),
    rejected_addresses   varchar(2000),
    created_at           timestamptz   not null,
    sent_at              timestamptz
);
create index mail_outbox_pending_idx on mail_outbox (process_business_key) where status = 'PENDING';
create index mail_outbox_organization_idx on mail_outbox (campaign_year, organization_code, created_at desc);

-- Who granted which new due date, and why
create table deadline_extension (
    id                bigint generated always as identity primary key,
    declaration_id    bigint        not null references declaration (id),
    previous_due_date date          not null,
    new_due_date      date          not null,
    reason            varchar(1000) not null,
    granted_by        varchar(64)   not null,
    granted_at        timestamptz   not null
);
create index deadline_extension_declaration_idx on deadline_extension (declaration_id);

alter table campaign add column launched_at timestamptz;
alter table campaign add column closed_at timestamptz;
