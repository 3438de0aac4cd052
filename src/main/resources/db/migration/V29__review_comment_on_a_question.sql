-- issue 26: a reviewer comments on an initiative's answer to one of its form version's questions as on a field.
-- The question's id (form version's), never with a field: a comment points at one place.
alter table review_comment add column question varchar(60);
alter table review_comment add constraint review_comment_one_place
    check (question is null or (field is null and initiative_id is not null));

-- review's read view (V26), with the question a comment points at (a column added at the end: readers keep theirs)
create or replace view review_latest_comment as
select r.declaration_id, c.id as comment_id, c.initiative_id, c.field, c.message, c.question
  from review_comment c
  join review_round r on r.id = c.review_round_id
 where r.round = (select max(x.round) from review_round x where x.declaration_id = r.declaration_id);
