-- Every move of a campaign (CampaignLifecycle, its only writer): which move as the business names it (PLAN,
-- SCHEDULE, OPEN, CLOSE, PUBLISH), who, when, from, to.
create table campaign_transition (
    id            bigint generated always as identity primary key,
    campaign_year integer     not null references campaign (year) on delete cascade,
    transition    varchar(12) not null check (transition in ('PLAN', 'SCHEDULE', 'OPEN', 'CLOSE', 'PUBLISH')),
    from_status   varchar(12) check (from_status in ('PLANIFIEE', 'OUVERTE', 'FERMEE', 'PUBLIEE')),
    to_status     varchar(12) not null check (to_status in ('PLANIFIEE', 'OUVERTE', 'FERMEE', 'PUBLIEE')),
    actor         varchar(64) not null,
    occurred_at   timestamptz not null
);
create index campaign_transition_campaign_idx on campaign_transition (campaign_year, occurred_at);

-- Which statuses leave a declaration to its body ("editable"). Defined once, in Java (DeclarationStatus.isEditable):
-- the rule is the lifecycle's, which refuses a change to a locked declaration, and the pages ask it of a status in
-- memory. This table is a copy the database reads, written from the enum after every migration
-- (DeclarationStatusRows): it is left empty here on purpose, so that no second list of statuses is written in SQL.
create table declaration_status (
    status   varchar(12) primary key,
    editable boolean     not null
);

-- As V14, with awaiting_body read from that copy rather than from a list of its own.
create or replace view declaration_deadline as
select t.campaign_year,
       t.organization_code,
       d.id as declaration_id,
       coalesce(d.status, 'BROUILLON') as status,
       declaration_due_date(d.status, d.correction_due_date, d.extended_due_date, coalesce(t.due_date, c.due_date))
           as due_date,
       coalesce(s.editable, false) as awaiting_body,
       coalesce(d.status, 'BROUILLON') in ('SOUMISE', 'EN_REVISION', 'A_CORRIGER', 'ACCEPTEE') as responded,
       coalesce(d.status, 'BROUILLON') = 'EXEMPTEE' as exempted,
       d.extended_due_date is not null as extended,
       d.submitted_at,
       coalesce(d.late, false) as late
  from campaign_target t
  join campaign c on c.year = t.campaign_year
  left join declaration d on d.campaign_year = t.campaign_year and d.organization_code = t.organization_code
  left join declaration_status s on s.status = coalesce(d.status, 'BROUILLON');
