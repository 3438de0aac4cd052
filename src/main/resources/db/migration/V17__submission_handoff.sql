-- A submission commits the declaration (SOUMISE, audited, its copy kept) and one row here; the organization's task is
-- completed after that commit, off the respondent's request, by SubmissionHandoff. The row leaves in the transaction
-- that completes the task: a crash between the two leaves it here, and the next sweep completes the task.
create table submission_handoff (
    declaration_id  bigint       primary key references declaration (id),
    business_key    varchar(80)  not null,
    queued_at       timestamptz  not null,
    next_attempt_at timestamptz  not null,
    attempts        integer      not null default 0,
    last_error      varchar(2000)
);
create index submission_handoff_due_idx on submission_handoff (next_attempt_at);
