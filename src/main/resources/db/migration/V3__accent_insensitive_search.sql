-- Coordinators type "cegep" or "quebec" without accents: searches compare unaccented text.
-- unaccent is a trusted extension (PostgreSQL 13+): the application's owner role may create it.
create extension if not exists unaccent;
