-- Domain schema of Déclarations IA. Codes are those of declaration-model.md; the database guards what it can.

create table portfolio (
    code    varchar(40)  primary key check (code ~ '^[A-Z0-9_]{2,40}$'),
    name_fr varchar(200) not null,
    name_en varchar(200) not null
);
create unique index portfolio_name_fr_uk on portfolio (lower(name_fr));

create table organization (
    code                   varchar(20)  primary key check (code ~ '^[A-Z0-9-]{2,20}$'),
    name_fr                varchar(200) not null,
    name_en                varchar(200) not null,
    acronym                varchar(30),
    lggri_category         varchar(30)  not null check (lggri_category in (
                               'MINISTERE', 'ORGANISME_BUDGETAIRE', 'ORGANISME_NON_BUDGETAIRE',
                               'CENTRE_SERVICES_SCOLAIRE', 'CEGEP', 'UNIVERSITE', 'RESEAU_SANTE', 'AUTRE')),
    portfolio_code         varchar(40)  not null references portfolio (code),
    network                boolean      not null,
    active                 boolean      not null default true,
    preferred_language     varchar(2)   not null default 'fr' check (preferred_language in ('fr', 'en')),
    escalation_name        varchar(200),
    escalation_email       varchar(254) not null,
    -- next number of IA-<CODE>-<NNNN>; only ever goes up, so an initiative id is never reused
    next_initiative_number integer      not null default 1 check (next_initiative_number >= 1),
    version                integer      not null default 0,
    updated_at             timestamptz  not null default now()
);
create unique index organization_name_fr_uk on organization (lower(name_fr));
create index organization_portfolio_idx on organization (portfolio_code);

create table organization_respondent (
    organization_code varchar(20)  not null references organization (code) on delete cascade,
    position          integer      not null,
    name              varchar(200),
    email             varchar(254) not null check (email like '%_@_%'),
    primary key (organization_code, position)
);
create unique index organization_respondent_email_uk on organization_respondent (organization_code, lower(email));

create table campaign (
    year                   integer     primary key check (year between 2020 and 2100),
    reference_date         date        not null,
    opening_date           date        not null,
    due_date               date        not null,
    closing_date           date        not null,
    overdue_reminder_days  integer     not null default 7 check (overdue_reminder_days > 0),
    status                 varchar(12) not null default 'PLANIFIEE'
                               check (status in ('PLANIFIEE', 'OUVERTE', 'FERMEE', 'PUBLIEE')),
    process_instance_id    varchar(64),
    version                integer     not null default 0,
    check (opening_date < due_date and due_date <= closing_date)
);
-- only one campaign open at a time
create unique index campaign_single_open_uk on campaign (status) where status = 'OUVERTE';

create table campaign_reminder (
    campaign_year      integer not null references campaign (year) on delete cascade,
    days_before_due    integer not null check (days_before_due > 0),
    primary key (campaign_year, days_before_due)
);

-- the organizations a campaign targets (kept out of the campaign aggregate: there may be thousands)
create table campaign_target (
    campaign_year     integer     not null references campaign (year) on delete cascade,
    organization_code varchar(20) not null references organization (code),
    primary key (campaign_year, organization_code)
);

create table declaration (
    id                  bigint generated always as identity primary key,
    campaign_year       integer      not null references campaign (year),
    organization_code   varchar(20)  not null references organization (code),
    -- the portfolio and network flag the body declared under: portfolio names change with cabinets
    portfolio_code      varchar(40)  not null references portfolio (code),
    network             boolean      not null,
    status              varchar(12)  not null default 'BROUILLON' check (status in (
                            'BROUILLON', 'SOUMISE', 'EN_REVISION', 'A_CORRIGER', 'ACCEPTEE', 'EXEMPTEE')),
    no_initiatives      boolean      not null default false,
    exemption_reason    varchar(1000),
    contact_name        varchar(200),
    contact_email       varchar(254),
    attestation         boolean      not null default false,
    signatory_name      varchar(200),
    signatory_role      varchar(200),
    signatory_email     varchar(254),
    submitted_at        timestamptz,
    late                boolean      not null default false,
    extended_due_date   date,
    correction_round    integer      not null default 0 check (correction_round >= 0),
    process_instance_id varchar(64),
    version             integer      not null default 0,
    unique (campaign_year, organization_code),
    check (status <> 'EXEMPTEE' or exemption_reason is not null),
    -- a declaration past the draft was submitted at a known time (attestation rules: declaration validation)
    check (status in ('BROUILLON', 'EXEMPTEE') or submitted_at is not null)
);
create index declaration_organization_idx on declaration (organization_code);

create table initiative (
    id                varchar(30) primary key check (id ~ '^IA-[A-Z0-9-]{2,20}-[0-9]{4,}$'),
    organization_code varchar(20) not null references organization (code),
    number            integer     not null check (number >= 1),
    created_at        timestamptz not null default now(),
    unique (organization_code, number)
);

-- An initiative id is never reused: the row that reserves it can never go.
create function forbid_initiative_delete() returns trigger language plpgsql as $$
begin
    raise exception 'initiative % cannot be deleted: initiative ids are never reused', old.id;
end;
$$;
create trigger initiative_never_deleted before delete on initiative
    for each row execute function forbid_initiative_delete();

create table initiative_snapshot (
    declaration_id             bigint       not null references declaration (id) on delete cascade,
    position                   integer      not null,
    initiative_id              varchar(30)  not null references initiative (id),
    name                       varchar(200),
    object_type                varchar(30)  check (object_type in ('ACTIF_INFORMATIONNEL', 'PROJET', 'AUTRE_INITIATIVE')),
    description                varchar(3500),
    category                   varchar(40)  check (category in (
                                   'AIDE_DECISION_PREDICTION', 'ANALYSE_COMPORTEMENTS_SENTIMENTS',
                                   'ASSISTANT_AGENT_CONVERSATIONNEL', 'AUTOMATISATION', 'EXPERIENCE_UTILISATEUR',
                                   'FORMATION_APPRENTISSAGE', 'GEOMATIQUE_GEOSPATIAL', 'LABORATOIRE_EQUIPEMENT',
                                   'SYSTEME_CONNECTE_INTELLIGENCE_AMBIANTE', 'TRAITEMENT_IMAGE')),
    subcategory                varchar(30)  check (subcategory in ('IMAGERIE_MEDICALE')),
    benefits                   varchar(2500),
    phase                      varchar(40)  check (phase in (
                                   'EXPLORATION', 'PLANIFICATION_CONCEPTION', 'COLLECTE_TRAITEMENT_DONNEES',
                                   'CONSTRUCTION_ADAPTATION_MODELE', 'TEST_VALIDATION', 'MISE_A_DISPOSITION',
                                   'EXPLOITATION_SUIVI', 'MISE_HORS_SERVICE')),
    start_date                 varchar(7)   check (start_date ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    production_date            varchar(7)   check (production_date ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    retirement_date            varchar(7)   check (retirement_date ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    services_to_population     boolean,
    cybersecurity              boolean,
    generative_ai              boolean,
    acquisition_mode           varchar(40)  check (acquisition_mode in (
                                   'DEVELOPPEMENT_INTERNE', 'ACQUISITION_FOURNISSEUR', 'MIXTE',
                                   'SOLUTION_GOUVERNEMENTALE_PARTAGEE', 'SOLUTION_INFONUAGIQUE_COMMERCIALE')),
    supplier_name              varchar(200),
    product_name               varchar(200),
    personal_information       varchar(10)  check (personal_information in ('OUI', 'NON', 'INCONNU')),
    privacy_impact_assessment  varchar(20)  check (privacy_impact_assessment in (
                                   'REALISEE', 'EN_COURS', 'PLANIFIEE', 'NON_REALISEE', 'SANS_OBJET')),
    decision_role              varchar(40)  check (decision_role in (
                                   'AUCUNE_DECISION', 'SOUTIEN_OPERATIONNEL', 'AIDE_A_LA_DECISION',
                                   'DECISION_ASSISTEE', 'DECISION_EXCLUSIVEMENT_AUTOMATISEE')),
    human_oversight            varchar(50)  check (human_oversight in (
                                   'HUMAIN_DANS_LA_BOUCLE', 'HUMAIN_SUR_LA_BOUCLE', 'HUMAIN_AUX_COMMANDES',
                                   'DECISION_AUTOMATISEE_SANS_INTERVENTION')),
    risk_level                 varchar(12)  check (risk_level in ('FAIBLE', 'MODERE', 'ELEVE', 'TRES_ELEVE', 'NON_EVALUE')),
    public_description         varchar(350),
    generic_product_name       varchar(200),
    status_unavailable_reason  varchar(1000),
    not_publishable            boolean      not null default false,
    primary key (declaration_id, position),
    unique (declaration_id, initiative_id),
    check (subcategory is null or category = 'TRAITEMENT_IMAGE')
);
create index initiative_snapshot_initiative_idx on initiative_snapshot (initiative_id);
