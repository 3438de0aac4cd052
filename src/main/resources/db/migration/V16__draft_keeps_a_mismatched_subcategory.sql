-- A draft keeps what the respondent chose, even a sub-category that does not go with the category: the submission
-- rules name that field (DeclarationRules), as they do for every other incomplete or inconsistent draft. Refusing the
-- row here answered a save with an error page and lost the whole page's input.
alter table initiative_snapshot drop constraint initiative_snapshot_check;
