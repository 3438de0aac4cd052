package ca.gouv.qc.declarationsia.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests: dispatchers of the same outbox to another SMTP server, and mail queued by hand. */
@Component
public class MailDispatchers {

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final Outbox outbox;
    private final Clock clock;
    private final PersonalLinks personalLinks;

    MailDispatchers(JdbcClient jdbc, PlatformTransactionManager transactions, Outbox outbox, Clock clock,
            PersonalLinks personalLinks) {
        this.personalLinks = personalLinks;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A dispatcher to a server on this port that waits {@code commandTimeout} for each reply. */
    public MailDispatcher to(int port, Duration commandTimeout) {
        return to(port, commandTimeout, Duration.ofMinutes(10));
    }

    public MailDispatcher to(int port, Duration commandTimeout, Duration finalReplyTimeout) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        OutboxProperties properties = new OutboxProperties("declarations-ia@mcn.example.qc.ca",
                new OutboxProperties.Dispatch(false, Duration.ofSeconds(5), 200, Duration.ofSeconds(10)),
                new OutboxProperties.Retry(Duration.ofSeconds(30), Duration.ofMinutes(5)),
                new OutboxProperties.Smtp(Duration.ofSeconds(2), commandTimeout, Duration.ofSeconds(10), finalReplyTimeout));
        return new MailDispatcher(jdbc, transactions, sender, properties, clock, personalLinks);
    }

    /** A reminder to the body's respondent, queued outside any process (the key must be new). */
    public void queue(int year, String organizationCode, String key) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(
                "TEST:" + key, year + "-" + organizationCode, year, organizationCode, MailKind.REMINDER,
                Locale.CANADA_FRENCH, List.of("ia." + organizationCode.toLowerCase(Locale.ROOT) + "@example.qc.ca"),
                List.of(), Map.of("campaignYear", year, "organizationName", "Organisme " + organizationCode,
                        "dueDate", "31 octobre", "link", "http://localhost/mes-declarations", "daysLeft", 7))));
    }
}
