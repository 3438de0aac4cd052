-- Respondents start from their invitation: a personal link to choose a password, single use and expiring. Only the
-- token's SHA-256 is kept; the token itself exists in the mail alone (the outbox keeps a placeholder, the dispatcher
-- puts a fresh token in at sending time).
create table sign_in_link (
    token_hash  char(64)     primary key,
    user_id     varchar(64)  not null,
    purpose     varchar(20)  not null check (purpose in ('FIRST_SIGN_IN', 'PASSWORD_RESET')),
    -- where the person lands once signed in (a path of ours)
    target_path varchar(200) not null check (target_path like '/%' and target_path not like '//%'),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index sign_in_link_user_idx on sign_in_link (user_id, created_at);

-- Whether an account has ever been used: a respondent who never signed in gets a personal link in its mail.
create table account_sign_in (
    user_id            varchar(64) primary key,
    password_chosen_at timestamptz,
    last_signed_in_at  timestamptz
);

-- A mail that carries a personal link: for whom, and where it leads.
alter table mail_outbox add column personal_link_for varchar(64);
alter table mail_outbox add column personal_link_target varchar(200);
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check check (kind in (
    'INVITATION', 'REMINDER', 'OVERDUE_REMINDER', 'ESCALATION', 'EXTENSION', 'ACCEPTED', 'CORRECTIONS_REQUESTED',
    'PASSWORD_RESET'));
