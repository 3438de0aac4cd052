package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Publier le Portrait", a job of its own after the approval (retried, then an incident in Cockpit if it keeps
 * failing): freezes the edition, computes the Portrait, and the campaign is PUBLIEE, in one transaction, so the
 * Portrait pages, the register and the open data become public at the same moment. The year's declaration processes
 * still open (never submitted, or never decided) end there too: no daily check runs for a published year.
 */
@Component("publishEdition")
class PublishEditionDelegate implements JavaDelegate {


    private final Editions editions;
    private final PublicationApprovals approvals;
    private final CampaignService campaigns;
    private final RuntimeService runtime;

    PublishEditionDelegate(Editions editions, PublicationApprovals approvals, CampaignService campaigns,
            RuntimeService runtime) {
        this.editions = editions;
        this.approvals = approvals;
        this.campaigns = campaigns;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = Integer.parseInt(execution.getProcessBusinessKey());
        PublicationApprovals.Approval approval = approvals.of(year).orElseThrow(
                () -> new IllegalStateException("Publication " + year + " was not approved"));
        editions.publish(year, approval.approvedBy(), approval.note());
        campaigns.markPublished(year);
        runtime.createMessageCorrelation(ProcessModels.OrganizationDeclaration.CAMPAIGN_PUBLISHED_MESSAGE)
                .processInstanceVariableEquals("campaignYear", year)
                .correlateAll();
    }
}
