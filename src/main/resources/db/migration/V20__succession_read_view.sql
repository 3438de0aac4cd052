-- organization (issue 25): who succeeded whom and from when, as the other capabilities read it (the Portrait notes the
-- successions between two editions). One row per predecessor and successor, like organization_succession_link.
create view body_succession as
select s.id as succession_id, s.kind, s.effective_date, l.predecessor_code, l.successor_code
  from organization_succession s
  join organization_succession_link l on l.succession_id = s.id;
