package ca.gouv.qc.declarationsia.history;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.campaign.Campaign;
import ca.gouv.qc.declarationsia.campaign.CampaignTargets;
import ca.gouv.qc.declarationsia.declaration.DeclarationHistory;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.history.Entry.Kind;
import ca.gouv.qc.declarationsia.notification.Outbox;
import ca.gouv.qc.declarationsia.review.ReviewService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Each capability's record turned into a line of a history, worded for the reader. */
@Component
class Timelines {

    /** Waits for the same thing as another step shown as waiting: the closing date, or a coordinator's close. */
    private static final java.util.Set<String> WAITING_WITH_ANOTHER = java.util.Set.of(ProcessModels.AnnualCampaign.CLOSED_BY_COORDINATOR);

    private final Wording words;
    private final ProcessTrail trail;

    Timelines(Wording words, ProcessTrail trail) {
        this.words = words;
        this.trail = trail;
    }

    /** Oldest first; what has no time yet (a job's next try) last; at the same instant, in the order of {@link Kind}. */
    static List<Entry> inOrder(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Entry::kind));
        return sorted;
    }

    /** The engine's milestones, tasks and troubles of one process instance, and its end if it was deleted. */
    List<Entry> process(ProcessTrail.Instance instance) {
        return process(instance, java.util.Set.of());
    }

    /** The same, but for the steps that our own tables already tell, with who did them. */
    List<Entry> process(ProcessTrail.Instance instance, java.util.Set<String> toldElsewhere) {
        List<Entry> entries = new ArrayList<>();
        for (ProcessTrail.Step step : trail.steps(instance.id())) {
            if (toldElsewhere.contains(step.activityId())) {
                continue;
            }
            String name = words.step(step.activityId(), step.name());
            if (step.task()) {
                entries.add(new Entry(step.startedAt(), Kind.TASK, words.text("history.task.opened", name), List.of(), null));
                if (step.endedAt() != null) {
                    entries.add(new Entry(step.endedAt(), Kind.TASK, words.text(step.canceled()
                            ? "history.task.canceled" : "history.task.completed", name), List.of(),
                            step.canceled() || step.who() == null ? null : step.who()));
                }
            } else if (step.endedAt() != null || step.activityId().startsWith("StartEvent")) {
                entries.add(new Entry(step.endedAt() == null ? step.startedAt() : step.endedAt(), Kind.PROCESS,
                        words.reached(step.activityId(), step.name()), List.of(), null));
            } else if (!WAITING_WITH_ANOTHER.contains(step.activityId())) {
                entries.add(new Entry(step.startedAt(), Kind.PROCESS, words.waiting(step.activityId(), name), List.of(), null));
            }
        }
        if (instance.endedAt() != null && instance.deleteReason() != null && !"ACTIVE".equals(instance.state())
                && !"COMPLETED".equals(instance.state())) {
            entries.add(new Entry(instance.endedAt(), Kind.PROCESS, words.text("history.process.deleted"),
                    List.of(instance.deleteReason()), null));
        }
        for (ProcessTrail.Trouble trouble : trail.troubles(instance.id())) {
            entries.add(trouble(trouble));
        }
        return entries;
    }

    Entry transition(DeclarationHistory.Transition transition) {
        String what = words.text("history.transition", transition.fromStatus() == null ? "–"
                : words.label("declarationStatus", transition.fromStatus()), words.label("declarationStatus", transition.toStatus()));
        List<String> details = transition.comment() == null || transition.comment().isBlank() ? List.of()
                : List.of(transition.comment());
        return new Entry(transition.occurredAt(), Kind.TRANSITION, what, details, words.who(transition.actor()));
    }

    Entry round(ReviewService.Round round) {
        List<String> details = new ArrayList<>();
        for (ReviewComment comment : round.comments()) {
            String where = comment.initiativeId() == null
                    ? (comment.field() == null ? words.text("mail.comment.whole") : words.field(comment.field()))
                    : comment.question() != null ? comment.initiativeId() + " – « "
                            + round.questions().getOrDefault(comment.question(), comment.question()) + " »"
                    : comment.field() == null ? comment.initiativeId()
                    : comment.initiativeId() + " – " + words.field(comment.field());
            details.add(words.text("history.review.comment", where, comment.message()));
        }
        return new Entry(round.decidedAt(), Kind.REVIEW, words.text("history.review.decided", round.round(),
                words.label("history.decision", round.decision()), round.submissionNumber()), details,
                words.who(round.reviewer()));
    }

    Entry extension(DeclarationHistory.Extension extension) {
        return new Entry(extension.grantedAt(), Kind.EXTENSION,
                words.text("history.extension", extension.newDueDate(), extension.previousDueDate()),
                List.of(words.text("history.extension.reason", extension.reason())), words.who(extension.grantedBy()));
    }

    /** A body added to the campaign after its creation; {@code campaignDueDate} when it has no date of its own. */
    Entry lateTarget(CampaignTargets.LateTarget target, LocalDate campaignDueDate, boolean toldByTheCampaign) {
        LocalDate due = target.dueDate() != null ? target.dueDate() : campaignDueDate;
        return new Entry(target.addedAt(), Kind.TARGET, toldByTheCampaign
                ? words.text("history.target.added", target.organizationCode(), due)
                : words.text("history.target.addedThis", due), List.of(), words.who(target.addedBy()));
    }

    Entry mail(Outbox.QueuedMail mail) {
        List<String> details = new ArrayList<>();
        details.add(words.text("history.mail.subject", mail.subject()));
        details.add(words.text("history.mail.to", mail.recipients()));
        if (mail.cc() != null) {
            details.add(words.text("history.mail.cc", mail.cc()));
        }
        switch (mail.status()) {
            case "SENT" -> details.add(words.text("history.mail.sent", mail.sentAt()));
            case "REJECTED" -> details.add(words.text("history.mail.rejected", mail.rejectedAddresses(), mail.lastError()));
            default -> details.add(mail.attempts() == 0 ? words.text("history.mail.waiting")
                    : words.text("history.mail.retrying", mail.attempts(), mail.lastError()));
        }
        return new Entry(mail.createdAt(), Kind.MAIL, words.text("history.mail", words.label("mailKind", mail.kind()),
                words.label("mailStatus", mail.status())), details, words.who(null));
    }

    /** The year's Portrait published, read from the campaign's process: the end of a declaration's story. */
    Optional<Entry> publication(Campaign campaign) {
        if (campaign.processInstanceId() == null) {
            return Optional.empty();
        }
        return trail.steps(campaign.processInstanceId()).stream()
                .filter(step -> ProcessModels.AnnualCampaign.PUBLISH_EDITION.equals(step.activityId()) && step.endedAt() != null)
                .findFirst()
                .map(step -> new Entry(step.endedAt(), Kind.PROCESS, words.text("history.published", campaign.year()),
                        List.of(), null));
    }

    Entry trouble(ProcessTrail.Trouble trouble) {
        String step = trouble.activityId() == null ? "" : words.step(trouble.activityId(), trouble.activityId());
        List<String> details = new ArrayList<>();
        details.add(words.text("history.incident.message", trouble.message() == null ? "" : trouble.message()));
        if (trouble.retriesLeft() != null) {
            details.add(words.text("history.incident.retry", trouble.retriesLeft(), trouble.nextTry()));
            return new Entry(trouble.nextTry(), Kind.INCIDENT, words.text("history.incident.failing", step), details, null);
        }
        details.add(trouble.resolvedAt() == null ? words.text("history.incident.open")
                : words.text("history.incident.resolved", trouble.resolvedAt()));
        return new Entry(trouble.at(), Kind.INCIDENT, words.text("history.incident", step), details, null);
    }
}
