-- Failed sign-ins, by client address and account together (account '' counts every account from that address),
-- shared by every node so that neither a guesser's pace nor a coordinator's unlock depends on which node answers.
create table login_throttle (
    client           varchar(64)  not null,
    account          varchar(254) not null,
    failures         integer      not null,
    first_failure_at timestamptz  not null,
    blocked_until    timestamptz,
    primary key (client, account)
);
create index login_throttle_account on login_throttle (account);
