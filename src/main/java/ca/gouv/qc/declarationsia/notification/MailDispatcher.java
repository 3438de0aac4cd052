package ca.gouv.qc.declarationsia.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's mail, on its own thread, never on a process's path: a body's next step never waits for a mail
 * server. Each mail is taken under a row lock (two nodes never take the same), sent, and marked sent in its own
 * transaction, committed right after the server accepted it; each carries a stable {@code Message-ID}, so a receiver
 * can drop the copy a crash at that very moment would cause. When the server fails, the mail waits its retry
 * ({@code declarations.mail.retry}, doubling: the back-off is the message's) and the dispatcher pauses for
 * {@code declarations.mail.dispatch.probe}, then probes the server (a connection, no mail) until it answers: delivery
 * resumes by itself within seconds of the server's return, and an outage costs no mail an attempt. An address refused
 * for good is recorded, not retried. One log line per failed mail, one when delivery resumes.
 *
 * <p>Rounds run one at a time; what they found is published as an immutable {@link Failing} that readers (health,
 * dashboards) read without waiting for a round, which a slow or hung server may hold for minutes.
 */
@Service
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private enum Outcome { NONE, SENT, REJECTED, FAILED }

    private record QueuedMail(long id, String idempotencyKey, String kind, String recipients, String cc, String subject,
            String body, int attempts, String personalLinkFor, String personalLinkTarget, Timestamp nextAttemptAt) {
    }

    /**
     * Where a sweep stands in the queue's order. It reads on from the mail it handled last instead of from the head:
     * the rows it just sent stay in the index until a vacuum, and during a launch of thousands, reading past them
     * again for every mail made each read slower than the last (1.3 ms a read by 10,000 bodies). A mail the sweep
     * passed (locked by another node, or committed late) waits for the next sweep, seconds later.
     */
    private record Position(Timestamp nextAttemptAt, long id) {

        static final Position HEAD = new Position(Timestamp.from(Instant.parse("1900-01-01T00:00:00Z")), 0);
    }

    private record Step(Outcome outcome, Position position) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final SmtpConnections smtp;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String messageIdDomain;
    private final PersonalLinks personalLinks;

    private final SmtpConnections probes;

    /** Touched by rounds only, under the round's lock. */
    private Instant pausedUntil = Instant.MIN;

    /** Null while mail gets out; replaced, never changed, so a reader sees one consistent state without a lock. */
    private volatile Failing failing;

    MailDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, JavaMailSenderImpl sender,
            OutboxProperties properties, Clock clock, PersonalLinks personalLinks) {
        this.jdbc = jdbc;
        this.personalLinks = personalLinks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.smtp = new SmtpConnections(sender, properties.smtp());
        this.probes = new SmtpConnections(sender, properties.smtp().forProbe(properties.dispatch().probe()));
        this.properties = properties;
        this.clock = clock;
        String from = properties.from();
        this.messageIdDomain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "declarations-ia";
    }

    /**
     * Sends the mail that is due, until none is or the server fails (then pauses). While failing, a round first probes
     * the server and sends nothing unless it answers.
     *
     * @return how many mails were sent
     */
    public synchronized int dispatchDue() {
        return dispatchDue(() -> false);
    }

    /** Mails checked between two questions to {@code yieldNow}: a round stops within this many once it says yes. */
    static final int MAILS_BETWEEN_YIELD_CHECKS = 20;

    /**
     * The same, stopping (until the next round) whenever {@code yieldNow} says so: asked first, then every
     * {@value #MAILS_BETWEEN_YIELD_CHECKS} mails.
     */
    synchronized int dispatchDue(java.util.function.BooleanSupplier yieldNow) {
        if (yieldNow.getAsBoolean() || clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        if (failing != null && !serverAnswers()) {
            pause();
            return 0;
        }
        Connection connection = new Connection();
        int sent = 0;
        try {
            for (Step step = next(connection, Position.HEAD); step.outcome() != Outcome.NONE;
                    step = next(connection, step.position())) {
                if (step.outcome() == Outcome.FAILED) {
                    pause();
                    return sent;
                }
                if (step.outcome() == Outcome.SENT) {
                    sent++;
                }
                if (sent > 0 && sent % MAILS_BETWEEN_YIELD_CHECKS == 0 && yieldNow.getAsBoolean()) {
                    return sent;
                }
            }
            // the server answered and no mail failed: mail gets out again
            recovered();
            return sent;
        } finally {
            connection.close();
        }
    }

    /** Ends a pause and forgets the failures: the server answered (or the clock was moved back, in tests). */
    public synchronized void resume() {
        pausedUntil = Instant.MIN;
        failing = null;
    }

    /** Failing since when, and why, as this node's dispatcher saw it last; empty while mail gets out. Never waits. */
    Optional<Failing> failing() {
        return Optional.ofNullable(failing);
    }

    record Failing(Instant since, String lastError) {
    }

    private void pause() {
        pausedUntil = clock.instant().plus(properties.dispatch().probe());
    }

    private void failed(String reason) {
        Failing before = failing;
        failing = new Failing(before == null ? clock.instant() : before.since(), reason);
    }

    private void recovered() {
        Failing before = failing;
        if (before != null) {
            failing = null;
            log.info("Mail delivery resumed (failing since {})", before.since());
        }
    }

    /** A connection and a greeting, no mail: whether a round may try mail again. The failure is the health's news. */
    private boolean serverAnswers() {
        try {
            probes.open().close();
            return true;
        } catch (MessagingException | RuntimeException silent) {
            failed(reason(silent));
            log.debug("Mail server still failing: {}", failing.lastError());
            return false;
        }
    }

    private Step next(Connection connection, Position after) {
        return ownTransaction.execute(status -> {
            Optional<QueuedMail> due = jdbc.sql("""
                    select id, idempotency_key, kind, recipients, cc, subject, body, attempts, personal_link_for,
                           personal_link_target, next_attempt_at from mail_outbox
                     where status = 'PENDING' and next_attempt_at <= :now
                       and (next_attempt_at, id) > (:afterAt, :afterId)
                     order by next_attempt_at, id limit 1 for update skip locked
                    """).param("now", Timestamp.from(clock.instant())).param("afterAt", after.nextAttemptAt())
                    .param("afterId", after.id()).query(QueuedMail.class).optional();
            return due.map(mail -> new Step(deliver(mail, connection), new Position(mail.nextAttemptAt(), mail.id())))
                    .orElse(new Step(Outcome.NONE, after));
        });
    }

    private Outcome deliver(QueuedMail mail, Connection connection) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            MimeMessage message = message(mail);
            connection.transport().sendMessage(message, message.getAllRecipients());
        } catch (AddressException invalid) {
            return reject(mail, invalid.getRef() + ": " + invalid.getMessage(), now);
        } catch (SendFailedException refused) {
            String addresses = refusedAddresses(refused);
            if (!addresses.isEmpty()) {
                return reject(mail, addresses, now);
            }
            if (refused instanceof SMTPSendFailedException smtpRefusal && smtpRefusal.getReturnCode() >= 500) {
                // this message, not the server: it must not hold back the mail queued after it
                return reject(mail, smtpRefusal.getReturnCode() + " " + reason(smtpRefusal), now);
            }
            return fail(mail, refused, now, connection);
        } catch (MessagingException | RuntimeException failure) {
            return fail(mail, failure, now, connection);
        }
        jdbc.sql("""
                update mail_outbox set status = 'SENT', sent_at = :now, last_attempt_at = :now, attempts = attempts + 1,
                       last_error = null where id = :id
                """).param("now", now).param("id", mail.id()).update();
        return Outcome.SENT;
    }

    private Outcome fail(QueuedMail mail, Exception failure, Timestamp now, Connection connection) {
        connection.close();
        int attempts = mail.attempts() + 1;
        String reason = reason(failure);
        jdbc.sql("""
                update mail_outbox set attempts = :attempts, last_error = left(:error, 1000), last_attempt_at = :now,
                       next_attempt_at = :next where id = :id
                """).param("attempts", attempts).param("error", reason).param("now", now)
                .param("next", Timestamp.from(now.toInstant().plus(properties.retry().after(attempts))))
                .param("id", mail.id()).update();
        failed(reason);
        log.warn("Mail {} not delivered (attempt {}), retried later: {}", mail.id(), attempts, reason);
        return Outcome.FAILED;
    }

    private Outcome reject(QueuedMail mail, String addresses, Timestamp now) {
        log.warn("Mail {} refused for good: {}", mail.id(), addresses);
        jdbc.sql("""
                update mail_outbox set status = 'REJECTED', rejected_addresses = left(:addresses, 2000),
                       attempts = attempts + 1, last_attempt_at = :now where id = :id
                """).param("addresses", addresses).param("now", now).param("id", mail.id()).update();
        return Outcome.REJECTED;
    }

    private MimeMessage message(QueuedMail mail) throws MessagingException {
        String messageId = "<outbox-" + mail.id() + "." + Integer.toHexString(mail.idempotencyKey().hashCode())
                + "@" + messageIdDomain + ">";
        MimeMessage message = new StableIdMessage(smtp, messageId);
        message.setFrom(new InternetAddress(properties.from(), true));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipients(), true));
        if (mail.cc() != null) {
            message.setRecipients(MimeMessage.RecipientType.CC, InternetAddress.parse(mail.cc(), true));
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(bodyOf(mail), "UTF-8");
        message.setSentDate(java.util.Date.from(clock.instant()));
        message.setHeader("X-Declarations-IA-Mail", String.valueOf(mail.id()));
        return message;
    }

    /** The body as sent: a personal link is minted now, in the transaction that marks the mail sent. */
    private String bodyOf(QueuedMail mail) {
        if (mail.personalLinkFor() == null) {
            return mail.body();
        }
        String link = personalLinks.mint(MailKind.valueOf(mail.kind()), mail.personalLinkFor(), mail.personalLinkTarget());
        return mail.body().replace(PersonalLinks.PLACEHOLDER, link);
    }

    /** The first cause's message, on one line: what an operator needs, without the stack trace. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        StringBuilder reason = new StringBuilder(String.valueOf(failure.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            reason.append(" — ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return reason.toString().replaceAll("\\s+", " ");
    }

    /** Addresses the SMTP server refused permanently (5xx on RCPT), if that is why the mail failed. */
    private static String refusedAddresses(SendFailedException failure) {
        Address[] invalid = failure.getInvalidAddresses();
        return invalid == null ? "" : Arrays.stream(invalid).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** A message whose Message-ID is the outbox row's, whatever JavaMail would generate. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(SmtpConnections smtp, String messageId) {
            super(smtp.session());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** One SMTP connection per round, opened at the first mail, closed at the end or at the first failure. */
    private final class Connection {
        private Transport transport;

        Transport transport() throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                transport = smtp.open();
            }
            return transport;
        }

        void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException alreadyGone) {
                    // the connection failed or the server left: nothing to close cleanly
                }
                transport = null;
            }
        }
    }
}
