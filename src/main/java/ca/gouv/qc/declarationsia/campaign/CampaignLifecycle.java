package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of a campaign's status: the only class that writes {@code campaign.status}, whoever asks (the
 * coordinators' service, the steps of {@code annual-campaign}, the publication). Its moves are those of the model,
 * named as the business says them:
 * <ul>
 * <li>{@link Transition#PLAN plan} (a coordinator creates it): PLANIFIEE;</li>
 * <li>{@link Transition#SCHEDULE schedule} (launched before its opening date, "Lancement demandé"): stays PLANIFIEE,
 * the process waits for the date;</li>
 * <li>{@link Transition#OPEN open} ("Ouvrir la campagne", or a launch on or after the opening date): PLANIFIEE →
 * OUVERTE;</li>
 * <li>{@link Transition#CLOSE close} ("Fermer la campagne", the closing date or a coordinator): OUVERTE → FERMEE;</li>
 * <li>{@link Transition#PUBLISH publish} ("Publier le Portrait"): FERMEE → PUBLIEE.</li>
 * </ul>
 * Each move is audited in {@code campaign_transition} (which move, who, when, from, to) in its caller's transaction,
 * so the move, its audit and the process step that asked commit together. A move from a status the campaign no
 * longer has means someone else moved it meanwhile: it fails rather than write over them.
 */
@Service
public class CampaignLifecycle {

    /** The actor of the process's own steps (the opening and closing dates). */
    public static final String SYSTEM = "system";

    /** The moves of a campaign, as the business names them, each from the one status it starts from. */
    public enum Transition {
        PLAN(null, CampaignStatus.PLANIFIEE),
        SCHEDULE(CampaignStatus.PLANIFIEE, CampaignStatus.PLANIFIEE),
        OPEN(CampaignStatus.PLANIFIEE, CampaignStatus.OUVERTE),
        CLOSE(CampaignStatus.OUVERTE, CampaignStatus.FERMEE),
        PUBLISH(CampaignStatus.FERMEE, CampaignStatus.PUBLIEE);

        private final CampaignStatus from;
        private final CampaignStatus to;

        Transition(CampaignStatus from, CampaignStatus to) {
            this.from = from;
            this.to = to;
        }

        public CampaignStatus from() {
            return from;
        }

        public CampaignStatus to() {
            return to;
        }
    }

    private final CampaignRepository campaigns;
    private final JdbcClient jdbc;
    private final InputValidator validator;
    private final Clock clock;

    CampaignLifecycle(CampaignRepository campaigns, JdbcClient jdbc, InputValidator validator, Clock clock) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.validator = validator;
        this.clock = clock;
    }

    /** "Planifier": a new campaign, PLANIFIEE, credited to the coordinator who created it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Campaign plan(Campaign planned, String actor) {
        if (planned.status() != Transition.PLAN.to()) {
            throw new IllegalArgumentException("A campaign is created " + Transition.PLAN.to() + ", not " + planned.status());
        }
        Campaign campaign = campaigns.save(planned);
        audit(campaign.year(), Transition.PLAN, actor, clock.instant());
        return campaign;
    }

    /**
     * "Lancer": on or after the opening date the campaign opens at once (PLANIFIEE → OUVERTE); before it, it stays
     * PLANIFIEE with its opening scheduled. One campaign open or scheduled at a time. The process starts only once the
     * launch is allowed, and its instance is recorded with the move.
     *
     * @param startProcess starts {@code annual-campaign} and answers its instance id
     * @return the move made, {@link Transition#OPEN} or {@link Transition#SCHEDULE}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Transition launch(int year, String actor, Supplier<String> startProcess) {
        Campaign campaign = campaigns.findById(year).orElseThrow(() -> new IllegalArgumentException("No campaign " + year));
        if (campaign.openingScheduled()) {
            throw refused("validation.campaign.alreadyScheduled", year, campaign.openingDate());
        }
        if (campaign.status() != CampaignStatus.PLANIFIEE) {
            throw refused("validation.campaign.notPlanned", year, campaign.status());
        }
        campaigns.findOpen().ifPresent(open -> {
            throw refused("validation.campaign.alreadyOpen", open.year());
        });
        campaigns.findScheduled().ifPresent(scheduled -> {
            throw refused("validation.campaign.otherScheduled", scheduled.year(), scheduled.openingDate());
        });
        // taken before the process starts, so that the launch comes before its first step in the history
        Instant now = clock.instant();
        Transition move = LocalDate.ofInstant(now, clock.getZone()).isBefore(campaign.openingDate())
                ? Transition.SCHEDULE : Transition.OPEN;
        String process = startProcess.get();
        write(year, move, """
                update campaign set status = :to, launched_at = :now, launched_by = :actor,
                       opened_at = case when :opens then cast(:now as timestamptz) else null end,
                       process_instance_id = :process, version = version + 1
                 where year = :year and status = :from
                """, actor, now, process);
        return move;
    }

    /**
     * "Ouvrir la campagne", the process's step once the opening date has come: PLANIFIEE → OUVERTE. A campaign launched
     * on or after its opening date is open already (its launch opened it): nothing to do then.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(int year) {
        if (status(year) == Transition.OPEN.from()) {
            write(year, Transition.OPEN, """
                    update campaign set status = :to, opened_at = :now, version = version + 1
                     where year = :year and status = :from
                    """, SYSTEM, clock.instant(), null);
        }
    }

    /**
     * "Fermer la campagne" asked by a coordinator before the closing date: OUVERTE → FERMEE, credited to them. The
     * process's own closing step then finds it closed ({@link #closeOnClosingDate}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(int year, String coordinator) {
        CampaignStatus status = status(year);
        if (status != Transition.CLOSE.from()) {
            throw refused("validation.campaign.notOpen", year, status);
        }
        write(year, Transition.CLOSE, """
                update campaign set status = :to, closed_at = :now, closed_by = :actor, version = version + 1
                 where year = :year and status = :from
                """, coordinator, clock.instant(), null);
    }

    /**
     * "Fermer la campagne", the process's step: OUVERTE → FERMEE when the closing date came; a campaign a coordinator
     * closed is closed already (and keeps who closed it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeOnClosingDate(int year) {
        if (status(year) == Transition.CLOSE.from()) {
            write(year, Transition.CLOSE, """
                    update campaign set status = :to, closed_at = :now, version = version + 1
                     where year = :year and status = :from
                    """, SYSTEM, clock.instant(), null);
        }
    }

    /**
     * "Publier le Portrait": FERMEE → PUBLIEE, once the year's Portrait is out. Refused with an
     * {@link IllegalStateException} (the publication job fails, is retried, then an incident in Cockpit) unless closed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(int year, String actor) {
        if (status(year) != Transition.PUBLISH.from()) {
            throw new IllegalStateException("Campaign " + year + " is not closed: it cannot be published");
        }
        write(year, Transition.PUBLISH, """
                update campaign set status = :to, version = version + 1 where year = :year and status = :from
                """, actor, clock.instant(), null);
    }

    /** The one way a status is written: from the move's own status only, audited. */
    private void write(int year, Transition move, String update, String actor, Instant now, String process) {
        // a statement ignores the parameters it does not name
        int updated = jdbc.sql(update).param("to", move.to().name()).param("from", move.from().name())
                .param("year", year).param("now", Timestamp.from(now)).param("actor", actor)
                .param("opens", move == Transition.OPEN).param("process", process).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Campaign " + year + " is no longer " + move.from());
        }
        audit(year, move, actor, now);
    }

    private void audit(int year, Transition move, String actor, Instant now) {
        jdbc.sql("""
                insert into campaign_transition (campaign_year, transition, from_status, to_status, actor, occurred_at)
                values (:year, :transition, :from, :to, :actor, :now)
                """).param("year", year).param("transition", move.name())
                .param("from", move.from() == null ? null : move.from().name()).param("to", move.to().name())
                .param("actor", actor).param("now", Timestamp.from(now)).update();
    }

    private CampaignStatus status(int year) {
        return jdbc.sql("select status from campaign where year = :year").param("year", year)
                .query(String.class).optional().map(CampaignStatus::valueOf)
                .orElseThrow(() -> new IllegalArgumentException("No campaign " + year));
    }

    private InvalidInputException refused(String messageKey, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation("status", "State", messageKey, arguments)));
    }
}
