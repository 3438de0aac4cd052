-- Each capability owns its tables. Initiative numbers belong to declarations, not to the registry's rows.
create table initiative_counter (
    organization_code varchar(20) primary key references organization (code),
    next_number       integer     not null check (next_number >= 1)
);
insert into initiative_counter (organization_code, next_number)
select code, next_initiative_number from organization;
alter table organization drop column next_initiative_number;

-- Mail leaves the outbox through its own dispatcher, with its own backoff, off the processes' path.
alter table mail_outbox add column next_attempt_at timestamptz;
alter table mail_outbox add column last_attempt_at timestamptz;
update mail_outbox set next_attempt_at = created_at where status = 'PENDING';
drop index mail_outbox_pending_idx;
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_last_attempt_idx on mail_outbox (last_attempt_at desc) where last_attempt_at is not null;

-- A review decision belongs to the submission it decides: a later round never replays an earlier decision.
alter table review_round add column submission_number integer;
update review_round r set submission_number = coalesce(
    (select max(s.number) from declaration_submission s
      where s.declaration_id = r.declaration_id and s.submitted_at <= r.decided_at), r.round);
alter table review_round alter column submission_number set not null;
create unique index review_round_submission_uk on review_round (declaration_id, submission_number);

-- Who approved a year's publication, recorded with the authenticated coordinator before the publication job runs.
create table publication_approval (
    campaign_year integer       primary key references campaign (year),
    approved_by   varchar(64)   not null,
    approved_at   timestamptz   not null,
    note          varchar(1000)
);

-- One definition of a body's current due date and of where its answer stands, for the dashboard, its CSV export,
-- the API and the late flag alike. A correction round has its own due date; an extension moves the first one.
create function declaration_due_date(status varchar, correction_due date, extended_due date, campaign_due date)
    returns date language sql immutable as $$
    select case when status = 'A_CORRIGER' then coalesce(correction_due, campaign_due)
                else coalesce(extended_due, campaign_due) end
$$;

create view declaration_deadline as
select t.campaign_year,
       t.organization_code,
       d.id as declaration_id,
       coalesce(d.status, 'BROUILLON') as status,
       declaration_due_date(d.status, d.correction_due_date, d.extended_due_date, c.due_date) as due_date,
       coalesce(d.status, 'BROUILLON') in ('BROUILLON', 'A_CORRIGER') as awaiting_body,
       coalesce(d.status, 'BROUILLON') in ('SOUMISE', 'EN_REVISION', 'A_CORRIGER', 'ACCEPTEE') as responded,
       coalesce(d.status, 'BROUILLON') = 'EXEMPTEE' as exempted,
       d.extended_due_date is not null as extended,
       d.submitted_at,
       coalesce(d.late, false) as late
  from campaign_target t
  join campaign c on c.year = t.campaign_year
  left join declaration d on d.campaign_year = t.campaign_year and d.organization_code = t.organization_code;
