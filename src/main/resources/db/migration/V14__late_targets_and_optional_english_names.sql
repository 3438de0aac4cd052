-- The registry takes a body's official French name alone: pages and mail in English fall back on it.
alter table organization alter column name_en drop not null;

-- A body created or merged during the year joins the open campaign: when, by whom, and the due date it was given
-- (null: the campaign's own).
alter table campaign_target add column due_date date;
alter table campaign_target add column added_at timestamptz;
alter table campaign_target add column added_by varchar(64);

create or replace view declaration_deadline as
select t.campaign_year,
       t.organization_code,
       d.id as declaration_id,
       coalesce(d.status, 'BROUILLON') as status,
       declaration_due_date(d.status, d.correction_due_date, d.extended_due_date, coalesce(t.due_date, c.due_date))
           as due_date,
       coalesce(d.status, 'BROUILLON') in ('BROUILLON', 'A_CORRIGER') as awaiting_body,
       coalesce(d.status, 'BROUILLON') in ('SOUMISE', 'EN_REVISION', 'A_CORRIGER', 'ACCEPTEE') as responded,
       coalesce(d.status, 'BROUILLON') = 'EXEMPTEE' as exempted,
       d.extended_due_date is not null as extended,
       d.submitted_at,
       coalesce(d.late, false) as late
  from campaign_target t
  join campaign c on c.year = t.campaign_year
  left join declaration d on d.campaign_year = t.campaign_year and d.organization_code = t.organization_code;
