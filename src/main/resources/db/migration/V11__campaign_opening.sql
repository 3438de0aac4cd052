-- A campaign launched before its opening date waits for it (the timer of annual-campaign): launched_at says when a
-- coordinator asked, opened_at when the declarations opened. Who launched and who closed, for the campaign's history.
alter table campaign add column launched_by varchar(64);
alter table campaign add column opened_at timestamptz;
alter table campaign add column closed_by varchar(64);
update campaign set opened_at = launched_at where status <> 'PLANIFIEE';
