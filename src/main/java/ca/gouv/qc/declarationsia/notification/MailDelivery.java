package ca.gouv.qc.declarationsia.notification;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether mail is getting out, for operators: failing as soon as a delivery attempt failed, back to normal once the
 * server answers again and no mail fails (as this node's dispatcher saw it; every node dispatches, so each sees an
 * outage), with the mail waiting. Read from the dispatcher's published state and the outbox: never waits for a round,
 * which a slow or hung server may hold for minutes.
 */
@Service
public class MailDelivery {

    /**
     * @param failing the latest attempt to deliver a mail failed
     * @param lastError the server's answer (or silence) then
     * @param failingSince when the failures in a row began
     * @param pending mails waiting to be sent, all campaigns
     */
    public record State(boolean failing, String lastError, Instant failingSince, int pending) {
    }

    private final JdbcClient jdbc;
    private final MailDispatcher dispatcher;

    MailDelivery(JdbcClient jdbc, MailDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
    }

    public State state() {
        int pending = jdbc.sql("select count(*) from mail_outbox where status = 'PENDING'").query(Integer.class).single();
        return dispatcher.failing()
                .map(failing -> new State(true, failing.lastError(), failing.since(), pending))
                .orElse(new State(false, null, null, pending));
    }
}
