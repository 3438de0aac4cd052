-- issue 26: an initiative's answers to the extra questions of its campaign's form version, by question id
-- (a yes/no as a boolean, a choice as its code, several as a list of codes, texts and months as text).
-- Null: no answer given (every declaration made on version 1, which has no extra question).
alter table initiative_snapshot add column answers jsonb;
