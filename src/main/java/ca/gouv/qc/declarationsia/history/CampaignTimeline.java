package ca.gouv.qc.declarationsia.history;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.campaign.Campaign;
import ca.gouv.qc.declarationsia.campaign.CampaignDashboard;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.campaign.CampaignTargets;
import ca.gouv.qc.declarationsia.history.Entry.Kind;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.notification.Outbox;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A campaign's history: its launch (or scheduled opening), opening, launch batches, closing, approval and
 * publication, with who did what, the engine's incidents (of the campaign's process and of its declarations'), and
 * its mail counted by kind and status. Each declaration has its own history, linked from here and the dashboard.
 */
@Component
class CampaignTimeline {

    /** Steps the campaign's own row tells, with who did them. */
    private static final Set<String> TOLD_BY_THE_CAMPAIGN = Set.of(ProcessModels.AnnualCampaign.CAMPAIGN_LAUNCHED,
            ProcessModels.AnnualCampaign.CLOSED_BY_COORDINATOR);

    /** A kind of mail: how many are sent, waiting and refused. */
    record MailLine(MailKind kind, int sent, int pending, int rejected) {
    }

    /** A declaration whose process is stuck on an incident. */
    record Stuck(String businessKey, String organizationCode) {
    }

    record View(Campaign campaign, CampaignDashboard.Summary summary, List<Entry> entries, List<MailLine> mail,
            List<Stuck> stuck, String processInstanceId) {
    }

    private final CampaignService campaigns;
    private final CampaignDashboard dashboard;
    private final Outbox outbox;
    private final ProcessTrail trail;
    private final Timelines timelines;
    private final Wording words;
    private final CampaignTargets targets;

    CampaignTimeline(CampaignService campaigns, CampaignDashboard dashboard, Outbox outbox, ProcessTrail trail,
            Timelines timelines, Wording words, CampaignTargets targets) {
        this.campaigns = campaigns;
        this.dashboard = dashboard;
        this.outbox = outbox;
        this.trail = trail;
        this.timelines = timelines;
        this.words = words;
        this.targets = targets;
    }

    View of(int year) {
        Campaign campaign = campaigns.get(year);
        List<Entry> entries = new ArrayList<>();
        if (campaign.launchedAt() != null) {
            boolean early = campaign.launchedAt().atZone(ca.gouv.qc.declarationsia.shared.QuebecTime.ZONE).toLocalDate()
                    .isBefore(campaign.openingDate());
            entries.add(new Entry(campaign.launchedAt(), Kind.PROCESS, early
                    ? words.text("history.campaign.scheduled", campaign.openingDate())
                    : words.text("history.campaign.launched"), List.of(), words.who(campaign.launchedBy())));
        }
        if (campaign.closedBy() != null && campaign.closedAt() != null) {
            entries.add(new Entry(campaign.closedAt(), Kind.PROCESS, words.text("history.campaign.closedBy",
                    campaign.closingDate()), List.of(), words.who(campaign.closedBy())));
        }
        targets.addedLate(year).forEach(target -> entries.add(timelines.lateTarget(target, campaign.dueDate(), true)));
        String running = null;
        for (ProcessTrail.Instance instance : trail.instances(ProcessModels.AnnualCampaign.KEY, String.valueOf(year))) {
            entries.addAll(timelines.process(instance, TOLD_BY_THE_CAMPAIGN));
            running = instance.running() ? instance.id() : running;
        }
        List<Stuck> stuck = trail.declarationsWithIncidents(year).values().stream()
                .map(key -> new Stuck(key, key.substring(key.indexOf('-') + 1))).sorted(
                        java.util.Comparator.comparing(Stuck::businessKey)).toList();
        return new View(campaign, dashboard.summary(campaign), Timelines.inOrder(entries), mail(year), stuck, running);
    }

    private List<MailLine> mail(int year) {
        Map<MailKind, Map<String, Integer>> byKind = new EnumMap<>(MailKind.class);
        for (Outbox.MailCount count : outbox.countsOf(year)) {
            byKind.computeIfAbsent(count.kind(), kind -> new TreeMap<>()).put(count.status(), count.count());
        }
        return byKind.entrySet().stream().map(entry -> new MailLine(entry.getKey(),
                entry.getValue().getOrDefault("SENT", 0), entry.getValue().getOrDefault("PENDING", 0),
                entry.getValue().getOrDefault("REJECTED", 0))).toList();
    }
}
