package ca.gouv.qc.declarationsia.history;

import java.time.Instant;
import java.util.List;

/**
 * One line of a history, in the reader's language: when, what kind of event, what happened, the details that matter
 * and who did it. {@code at} is empty for what has no time yet (a job waiting for its next try).
 */
public record Entry(Instant at, Kind kind, String what, List<String> details, String who) {

    /**
     * In the order a history tells what happened at the same instant: a body added, the decision, what it changed,
     * then the mail.
     */
    public enum Kind { TARGET, REVIEW, EXTENSION, TRANSITION, PROCESS, TASK, MAIL, INCIDENT }
}
