package ca.gouv.qc.declarationsia.history;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.campaign.Campaign;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.campaign.CampaignTargets;
import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationHistory;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.notification.Outbox;
import ca.gouv.qc.declarationsia.organization.Organization;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.review.ReviewService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A declaration's whole history, from its invitation to the publication, in one list ordered by time: its
 * transitions, review rounds and comments, extensions, every mail and where it stands, the engine's milestones and
 * tasks, incidents, and the publication of the year's Portrait. Each capability's data comes from its own service.
 */
@Component
class DeclarationTimeline {


    /** The page's header and its lines. {@code processInstanceId} is the running process, for Cockpit's link. */
    record View(Declaration declaration, Organization organization, Campaign campaign, LocalDate dueDate,
            String businessKey, String processInstanceId, List<Entry> entries) {
    }

    private final DeclarationService declarations;
    private final DeclarationHistory audit;
    private final ReviewService reviews;
    private final Outbox mail;
    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final ProcessTrail trail;
    private final Timelines timelines;
    private final CampaignTargets targets;

    DeclarationTimeline(DeclarationService declarations, DeclarationHistory audit, ReviewService reviews, Outbox mail,
            OrganizationService organizations, CampaignService campaigns, ProcessTrail trail, Timelines timelines,
            CampaignTargets targets) {
        this.declarations = declarations;
        this.audit = audit;
        this.reviews = reviews;
        this.mail = mail;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.trail = trail;
        this.timelines = timelines;
        this.targets = targets;
    }

    View of(int year, String organizationCode) {
        Campaign campaign = campaigns.get(year);
        Declaration declaration = declarations.get(year, organizationCode);
        String businessKey = new DeclarationKey(year, organizationCode).businessKey();
        List<Entry> entries = new ArrayList<>();
        String running = null;
        for (ProcessTrail.Instance instance : trail.instances(ProcessModels.OrganizationDeclaration.KEY, businessKey)) {
            entries.addAll(timelines.process(instance));
            running = instance.running() ? instance.id() : running;
        }
        targets.addedLate(year).stream().filter(target -> target.organizationCode().equals(organizationCode))
                .forEach(target -> entries.add(timelines.lateTarget(target, campaign.dueDate(), false)));
        audit.transitions(declaration.id()).forEach(transition -> entries.add(timelines.transition(transition)));
        reviews.rounds(declaration).forEach(round -> entries.add(timelines.round(round)));
        audit.extensions(declaration.id()).forEach(extension -> entries.add(timelines.extension(extension)));
        mail.mailsOf(year, organizationCode).forEach(queued -> entries.add(timelines.mail(queued)));
        timelines.publication(campaign).ifPresent(entries::add);
        return new View(declaration, organizations.get(organizationCode), campaign, declarations.dueDate(declaration),
                businessKey, running, Timelines.inOrder(entries));
    }
}
