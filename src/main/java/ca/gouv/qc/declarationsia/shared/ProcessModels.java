package ca.gouv.qc.declarationsia.shared;

/**
 * The names our code shares with the BPMN models in {@code bpmn/}: process keys, the ids of the steps it asks the
 * engine about, and the messages it correlates. One place, so that renaming a step in the modeler is one edit here;
 * {@code BpmnModelsTest} checks every name against the deployed models.
 */
public final class ProcessModels {

    private ProcessModels() {
    }

    /** {@code bpmn/annual-campaign.bpmn}: one instance per campaign year, its business key the year. */
    public static final class AnnualCampaign {

        public static final String KEY = "annual-campaign";
        public static final String CAMPAIGN_LAUNCHED = "StartEvent_CampaignLaunched";
        public static final String OPENING_DATE_REACHED = "Event_OpeningDateReached";
        public static final String LAUNCH_DECLARATION_BATCH = "ServiceTask_LaunchDeclarationBatch";
        public static final String CLOSING_DATE_REACHED = "Event_ClosingDateReached";
        public static final String CLOSED_BY_COORDINATOR = "Event_ClosedByCoordinator";
        public static final String APPROVE_PUBLICATION = "UserTask_ApprovePublication";
        public static final String PUBLISH_EDITION = "ServiceTask_PublishEdition";
        public static final String PORTRAIT_PUBLISHED = "EndEvent_PortraitPublished";
        /** Message: a coordinator closes the campaign before its closing date. */
        public static final String CLOSE_MESSAGE = "close-campaign";

        private AnnualCampaign() {
        }
    }

    /** {@code bpmn/organization-declaration.bpmn}: one instance per body and year, business key {@code YEAR-CODE}. */
    public static final class OrganizationDeclaration {

        public static final String KEY = "organization-declaration";
        public static final String DECLARATION_REQUESTED = "StartEvent_DeclarationRequested";
        public static final String PREPARE_DECLARATION = "UserTask_PrepareDeclaration";
        public static final String REVIEW_DECLARATION = "UserTask_ReviewDeclaration";
        public static final String CORRECT_DECLARATION = "UserTask_CorrectDeclaration";
        public static final String DECLARATION_EXEMPTED = "StartEvent_DeclarationExempted";
        public static final String CAMPAIGN_PUBLISHED = "StartEvent_CampaignPublished";
        public static final String DECLARATION_ACCEPTED = "EndEvent_DeclarationAccepted";
        public static final String CLOSED_BY_EXEMPTION = "EndEvent_DeclarationClosedByExemption";
        public static final String CLOSED_AT_PUBLICATION = "EndEvent_DeclarationClosedAtPublication";
        /** Message: a coordinator exempts the body. */
        public static final String EXEMPTED_MESSAGE = "declaration-exempted";
        /** Message: the campaign's edition is published; every declaration still open closes. */
        public static final String CAMPAIGN_PUBLISHED_MESSAGE = "campaign-published";

        private OrganizationDeclaration() {
        }
    }
}
