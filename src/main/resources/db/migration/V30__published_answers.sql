-- issue 26: the open data publish the answers to the questions their year's form version marks public, never another.

-- declaration's read view (V26), with the initiative's answers (a column added at the end: readers keep theirs)
create or replace view declared_initiative as
select d.id as declaration_id, d.campaign_year, d.organization_code, d.portfolio_code, d.network,
       d.status as declaration_status, s.initiative_id, s.name, s.category, s.benefits, s.phase,
       s.status_unavailable_reason, s.generic_product_name, s.public_description, s.services_to_population,
       s.generative_ai, s.cybersecurity, s.not_publishable, s.answers
  from initiative_snapshot s
  join declaration d on d.id = s.declaration_id;

-- Frozen with the edition: the answers to its version's public questions only, by question id (null: none).
alter table published_initiative add column answers jsonb;
