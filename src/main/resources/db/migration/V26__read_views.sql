-- Reads through the owner. A capability reads another's rows through a named view the owner keeps (here), or
-- through a small read method of the owner's service; never by naming the owner's tables (CapabilityBoundariesTest).
-- Each view is a plain projection or join, which PostgreSQL inlines into the reading query: the plans do not change.
-- The owner may change its tables as it likes so long as its views keep their columns.

-- organization: the registry's bodies and portfolios as the others show them and pick them.
create view organization_directory as
select code, name_fr, name_en, acronym, portfolio_code, network, active
  from organization;

create view portfolio_name as
select code, name_fr, name_en
  from portfolio;

-- campaign: a year's dates and status, and each targeted body's own due date (the campaign's unless it was given one).
create view campaign_calendar as
select year as campaign_year, status, reference_date, opening_date, due_date, closing_date
  from campaign;

create view campaign_body as
select t.campaign_year, t.organization_code, coalesce(t.due_date, c.due_date) as due_date, t.added_at
  from campaign_target t
  join campaign c on c.year = t.campaign_year;

-- declaration: where each declaration stands (not what it declares), and the initiatives declared with their
-- declaration's year, body and status. declaration_deadline (V10, V14) is declaration's too.
create view declaration_summary as
select id as declaration_id, campaign_year, organization_code, portfolio_code, network, status, no_initiatives,
       submitted_at, late, extended_due_date, correction_due_date, correction_round
  from declaration;

create view declared_initiative as
select d.id as declaration_id, d.campaign_year, d.organization_code, d.portfolio_code, d.network,
       d.status as declaration_status, s.initiative_id, s.name, s.category, s.benefits, s.phase,
       s.status_unavailable_reason, s.generic_product_name, s.public_description, s.services_to_population,
       s.generative_ai, s.cybersecurity, s.not_publishable
  from initiative_snapshot s
  join declaration d on d.id = s.declaration_id;

-- notification: the mail sent (or queued) to a body for a campaign, as the tracking shows it.
create view mail_to_body as
select id, campaign_year, organization_code, kind, status, sent_at, created_at, rejected_addresses
  from mail_outbox;

-- review: the comments of a declaration's latest review round (none if that round made none), in their order.
create view review_latest_comment as
select r.declaration_id, c.id as comment_id, c.initiative_id, c.field, c.message
  from review_comment c
  join review_round r on r.id = c.review_round_id
 where r.round = (select max(x.round) from review_round x where x.declaration_id = r.declaration_id);
