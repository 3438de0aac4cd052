-- Issue 26: the declaration's form is data, in versions. A version holds its code lists (French and English labels,
-- and for categories and phases what each counts as in the Portrait), which catalogue fields it asks and requires,
-- and its extra questions. A version once stored never changes; a campaign is pinned to one when it is created.
create table form_version (
    version    integer      primary key check (version >= 1),
    based_on   integer      references form_version (version),
    -- json, not jsonb: the definition reads back in the order it was written (the page's order)
    definition json         not null,
    created_at timestamptz  not null,
    created_by varchar(64)  not null,
    check (based_on is null and version = 1 or based_on < version)
);

-- Version 1: the form as the field catalogue, its enums and the bundles described it before versions existed
-- (FormVersionsTest compares it with them).
insert into form_version (version, based_on, definition, created_at, created_by) values (1, null, $form$
{
  "version" : 1,
  "codeLists" : {
    "objectType" : [ {
      "code" : "ACTIF_INFORMATIONNEL",
      "fr" : "Actif informationnel",
      "en" : "Information asset",
      "retired" : false
    }, {
      "code" : "PROJET",
      "fr" : "Projet",
      "en" : "Project",
      "retired" : false
    }, {
      "code" : "AUTRE_INITIATIVE",
      "fr" : "Autre initiative",
      "en" : "Other initiative",
      "retired" : false
    } ],
    "category" : [ {
      "code" : "AIDE_DECISION_PREDICTION",
      "fr" : "Aide à la décision, planification et/ou prédiction",
      "en" : "Decision support, planning and/or prediction",
      "retired" : false,
      "portrait" : "AIDE_DECISION_PREDICTION"
    }, {
      "code" : "ANALYSE_COMPORTEMENTS_SENTIMENTS",
      "fr" : "Analyse des comportements/sentiments",
      "en" : "Behaviour/sentiment analysis",
      "retired" : false,
      "portrait" : "ANALYSE_COMPORTEMENTS_SENTIMENTS"
    }, {
      "code" : "ASSISTANT_AGENT_CONVERSATIONNEL",
      "fr" : "Assistant/agent conversationnel",
      "en" : "Conversational assistant/agent",
      "retired" : false,
      "portrait" : "ASSISTANT_AGENT_CONVERSATIONNEL"
    }, {
      "code" : "AUTOMATISATION",
      "fr" : "Automatisation",
      "en" : "Automation",
      "retired" : false,
      "portrait" : "AUTOMATISATION"
    }, {
      "code" : "EXPERIENCE_UTILISATEUR",
      "fr" : "Expérience utilisateur – Personnalisation",
      "en" : "User experience – Personalisation",
      "retired" : false,
      "portrait" : "EXPERIENCE_UTILISATEUR"
    }, {
      "code" : "FORMATION_APPRENTISSAGE",
      "fr" : "Formation et apprentissage assisté par l’IA",
      "en" : "AI-assisted training and learning",
      "retired" : false,
      "portrait" : "FORMATION_APPRENTISSAGE"
    }, {
      "code" : "GEOMATIQUE_GEOSPATIAL",
      "fr" : "Gestion géomatique et géospatiale",
      "en" : "Geomatics and geospatial management",
      "retired" : false,
      "portrait" : "GEOMATIQUE_GEOSPATIAL"
    }, {
      "code" : "LABORATOIRE_EQUIPEMENT",
      "fr" : "Laboratoire et équipement",
      "en" : "Laboratory and equipment",
      "retired" : false,
      "portrait" : "LABORATOIRE_EQUIPEMENT"
    }, {
      "code" : "SYSTEME_CONNECTE_INTELLIGENCE_AMBIANTE",
      "fr" : "Système électronique connecté et intelligence ambiante",
      "en" : "Connected electronic systems and ambient intelligence",
      "retired" : false,
      "portrait" : "SYSTEME_CONNECTE_INTELLIGENCE_AMBIANTE"
    }, {
      "code" : "TRAITEMENT_IMAGE",
      "fr" : "Traitement d’image/Imagerie médicale",
      "en" : "Image processing/Medical imaging",
      "retired" : false,
      "portrait" : "TRAITEMENT_IMAGE"
    } ],
    "subcategory" : [ {
      "code" : "IMAGERIE_MEDICALE",
      "fr" : "Imagerie médicale",
      "en" : "Medical imaging",
      "retired" : false
    } ],
    "phase" : [ {
      "code" : "EXPLORATION",
      "fr" : "Exploration / idéation",
      "en" : "Exploration / ideation",
      "retired" : false,
      "portrait" : "DEVELOPPEMENT_SOLUTION"
    }, {
      "code" : "PLANIFICATION_CONCEPTION",
      "fr" : "Planification et conception",
      "en" : "Planning and design",
      "retired" : false,
      "portrait" : "DEVELOPPEMENT_SOLUTION"
    }, {
      "code" : "COLLECTE_TRAITEMENT_DONNEES",
      "fr" : "Collecte et traitement des données",
      "en" : "Data collection and processing",
      "retired" : false,
      "portrait" : "DEVELOPPEMENT_SOLUTION"
    }, {
      "code" : "CONSTRUCTION_ADAPTATION_MODELE",
      "fr" : "Construction ou adaptation du modèle",
      "en" : "Model building or adaptation",
      "retired" : false,
      "portrait" : "DEVELOPPEMENT_SOLUTION"
    }, {
      "code" : "TEST_VALIDATION",
      "fr" : "Test, évaluation et validation (projet pilote)",
      "en" : "Testing, evaluation and validation (pilot)",
      "retired" : false,
      "portrait" : "DEVELOPPEMENT_SOLUTION"
    }, {
      "code" : "MISE_A_DISPOSITION",
      "fr" : "Mise à disposition (déploiement)",
      "en" : "Deployment",
      "retired" : false,
      "portrait" : "SOLUTION_EN_PRODUCTION"
    }, {
      "code" : "EXPLOITATION_SUIVI",
      "fr" : "Exploitation et suivi",
      "en" : "Operation and monitoring",
      "retired" : false,
      "portrait" : "SOLUTION_EN_PRODUCTION"
    }, {
      "code" : "MISE_HORS_SERVICE",
      "fr" : "Mise hors service",
      "en" : "Retirement",
      "retired" : false,
      "portrait" : "NON_PUBLIE"
    } ],
    "acquisitionMode" : [ {
      "code" : "DEVELOPPEMENT_INTERNE",
      "fr" : "Développement interne",
      "en" : "In-house development",
      "retired" : false
    }, {
      "code" : "ACQUISITION_FOURNISSEUR",
      "fr" : "Acquisition auprès d’un fournisseur",
      "en" : "Acquired from a supplier",
      "retired" : false
    }, {
      "code" : "MIXTE",
      "fr" : "Mixte",
      "en" : "Mixed",
      "retired" : false
    }, {
      "code" : "SOLUTION_GOUVERNEMENTALE_PARTAGEE",
      "fr" : "Solution gouvernementale partagée",
      "en" : "Shared government solution",
      "retired" : false
    }, {
      "code" : "SOLUTION_INFONUAGIQUE_COMMERCIALE",
      "fr" : "Solution infonuagique commerciale",
      "en" : "Commercial cloud solution",
      "retired" : false
    } ],
    "personalInformation" : [ {
      "code" : "OUI",
      "fr" : "Oui",
      "en" : "Yes",
      "retired" : false
    }, {
      "code" : "NON",
      "fr" : "Non",
      "en" : "No",
      "retired" : false
    }, {
      "code" : "INCONNU",
      "fr" : "Inconnu",
      "en" : "Unknown",
      "retired" : false
    } ],
    "privacyImpactAssessment" : [ {
      "code" : "REALISEE",
      "fr" : "Réalisée",
      "en" : "Completed",
      "retired" : false
    }, {
      "code" : "EN_COURS",
      "fr" : "En cours",
      "en" : "In progress",
      "retired" : false
    }, {
      "code" : "PLANIFIEE",
      "fr" : "Planifiée",
      "en" : "Planned",
      "retired" : false
    }, {
      "code" : "NON_REALISEE",
      "fr" : "Non réalisée",
      "en" : "Not done",
      "retired" : false
    }, {
      "code" : "SANS_OBJET",
      "fr" : "Sans objet",
      "en" : "Not applicable",
      "retired" : false
    } ],
    "decisionRole" : [ {
      "code" : "AUCUNE_DECISION",
      "fr" : "Aucune décision",
      "en" : "No decision",
      "retired" : false
    }, {
      "code" : "SOUTIEN_OPERATIONNEL",
      "fr" : "Soutien opérationnel",
      "en" : "Operational support",
      "retired" : false
    }, {
      "code" : "AIDE_A_LA_DECISION",
      "fr" : "Aide à la décision",
      "en" : "Decision support",
      "retired" : false
    }, {
      "code" : "DECISION_ASSISTEE",
      "fr" : "Décision assistée",
      "en" : "Assisted decision",
      "retired" : false
    }, {
      "code" : "DECISION_EXCLUSIVEMENT_AUTOMATISEE",
      "fr" : "Décision exclusivement automatisée",
      "en" : "Fully automated decision",
      "retired" : false
    } ],
    "humanOversight" : [ {
      "code" : "HUMAIN_DANS_LA_BOUCLE",
      "fr" : "Humain dans la boucle",
      "en" : "Human in the loop",
      "retired" : false
    }, {
      "code" : "HUMAIN_SUR_LA_BOUCLE",
      "fr" : "Humain sur la boucle",
      "en" : "Human on the loop",
      "retired" : false
    }, {
      "code" : "HUMAIN_AUX_COMMANDES",
      "fr" : "Humain aux commandes",
      "en" : "Human in command",
      "retired" : false
    }, {
      "code" : "DECISION_AUTOMATISEE_SANS_INTERVENTION",
      "fr" : "Décision automatisée sans intervention humaine",
      "en" : "Automated decision without human intervention",
      "retired" : false
    } ],
    "riskLevel" : [ {
      "code" : "FAIBLE",
      "fr" : "Faible",
      "en" : "Low",
      "retired" : false
    }, {
      "code" : "MODERE",
      "fr" : "Modéré",
      "en" : "Moderate",
      "retired" : false
    }, {
      "code" : "ELEVE",
      "fr" : "Élevé",
      "en" : "High",
      "retired" : false
    }, {
      "code" : "TRES_ELEVE",
      "fr" : "Très élevé",
      "en" : "Very high",
      "retired" : false
    }, {
      "code" : "NON_EVALUE",
      "fr" : "Non évalué",
      "en" : "Not assessed",
      "retired" : false
    } ]
  },
  "fields" : {
    "id" : {
      "asked" : true,
      "required" : false
    },
    "name" : {
      "asked" : true,
      "required" : true
    },
    "objectType" : {
      "asked" : true,
      "required" : true
    },
    "description" : {
      "asked" : true,
      "required" : true
    },
    "category" : {
      "asked" : true,
      "required" : true
    },
    "subcategory" : {
      "asked" : true,
      "required" : false
    },
    "benefits" : {
      "asked" : true,
      "required" : true
    },
    "phase" : {
      "asked" : true,
      "required" : true
    },
    "startDate" : {
      "asked" : true,
      "required" : true
    },
    "productionDate" : {
      "asked" : true,
      "required" : false
    },
    "retirementDate" : {
      "asked" : true,
      "required" : false
    },
    "servicesToPopulation" : {
      "asked" : true,
      "required" : true
    },
    "cybersecurity" : {
      "asked" : true,
      "required" : true
    },
    "generativeAi" : {
      "asked" : true,
      "required" : true
    },
    "acquisitionMode" : {
      "asked" : true,
      "required" : true
    },
    "supplierName" : {
      "asked" : true,
      "required" : false
    },
    "productName" : {
      "asked" : true,
      "required" : false
    },
    "personalInformation" : {
      "asked" : true,
      "required" : true
    },
    "privacyImpactAssessment" : {
      "asked" : true,
      "required" : false
    },
    "decisionRole" : {
      "asked" : true,
      "required" : true
    },
    "humanOversight" : {
      "asked" : true,
      "required" : true
    },
    "riskLevel" : {
      "asked" : true,
      "required" : true
    },
    "publicDescription" : {
      "asked" : true,
      "required" : true
    }
  },
  "questions" : [ ]
}
$form$::json, now(), 'system');

-- Every campaign so far asked version 1.
alter table campaign add column form_version integer not null default 1 references form_version (version);

-- A launched campaign's version never changes, whatever the door: its declarations were asked those questions.
create function campaign_form_version_fixed() returns trigger language plpgsql as $$
begin
    if new.form_version is distinct from old.form_version
       and (old.status <> 'PLANIFIEE' or old.launched_at is not null) then
        raise exception 'campaign % is launched: its form version % never changes', old.year, old.form_version
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger campaign_form_version_fixed before update of form_version on campaign
    for each row execute function campaign_form_version_fixed();
