-- issue 26 (campaign's read view, see V26): the version of the declaration's form each campaign asks, for the
-- capabilities that check or show answers without reading the campaign table.
create view campaign_form as
select year as campaign_year, form_version
  from campaign;
