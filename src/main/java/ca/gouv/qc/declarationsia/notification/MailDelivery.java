package ca.gouv.qc.declarationsia.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued mail. Each mail is sent and marked sent in a transaction of its own, committed right after the
 * SMTP server accepted it: a retried job, or a rolled-back process step, finds it sent and does not send it again.
 * A failure of the SMTP server propagates, so the job retries and, out of retries, raises an incident in Cockpit.
 * An address the server refuses for good is recorded, not retried.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String from;

    MailDelivery(JdbcClient jdbc, JavaMailSender sender, PlatformTransactionManager transactions, Clock clock,
            @Value("${declarations.mail.from}") String from) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
    }

    private record QueuedMail(long id, String recipients, String cc, String subject, String body) {
    }

    /** Delivers every mail still pending for a process (business key); returns how many were sent. */
    public int deliverPending(String processBusinessKey) {
        List<Long> pending = jdbc.sql("""
                select id from mail_outbox where process_business_key = :key and status = 'PENDING' order by id
                """).param("key", processBusinessKey).query(Long.class).list();
        int sent = 0;
        for (long id : pending) {
            sent += deliver(id) ? 1 : 0;
        }
        return sent;
    }

    private boolean deliver(long id) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> sendLocked(id)));
        } catch (MailException failure) {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    update mail_outbox set attempts = attempts + 1, last_error = left(:error, 1000) where id = :id
                    """).param("error", String.valueOf(failure.getMessage())).param("id", id).update());
            throw failure;
        }
    }

    /** Sends one mail under a row lock, so that two nodes never send the same mail. */
    private boolean sendLocked(long id) {
        Optional<QueuedMail> queued = jdbc.sql("""
                select id, recipients, cc, subject, body from mail_outbox
                 where id = :id and status = 'PENDING' for update skip locked
                """).param("id", id).query(QueuedMail.class).optional();
        if (queued.isEmpty()) {
            return false;
        }
        QueuedMail mail = queued.get();
        try {
            sender.send(message(mail));
        } catch (AddressException invalid) {
            return reject(id, invalid.getRef() + ": " + invalid.getMessage());
        } catch (MessagingException unbuildable) {
            throw new MailSendException("Mail " + id + " could not be built", unbuildable);
        } catch (MailSendException failure) {
            String refused = refusedAddresses(failure);
            if (refused.isEmpty()) {
                throw failure;
            }
            return reject(id, refused);
        }
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        return true;
    }

    private MimeMessage message(QueuedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(InternetAddress.parse(mail.recipients(), true));
        if (mail.cc() != null) {
            helper.setCc(InternetAddress.parse(mail.cc(), true));
        }
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        message.setHeader("X-Declarations-IA-Mail", String.valueOf(mail.id()));
        return message;
    }

    private boolean reject(long id, String addresses) {
        log.warn("Mail {} refused for good: {}", id, addresses);
        jdbc.sql("""
                update mail_outbox set status = 'REJECTED', rejected_addresses = left(:addresses, 2000),
                       attempts = attempts + 1 where id = :id
                """).param("addresses", addresses).param("id", id).update();
        return false;
    }

    /** Addresses the SMTP server refused permanently (5xx on RCPT), if that is why the mail failed. */
    private static String refusedAddresses(MailSendException failure) {
        return failure.getFailedMessages().values().stream()
                .filter(SendFailedException.class::isInstance)
                .map(SendFailedException.class::cast)
                .flatMap(refused -> Arrays.stream(refused.getInvalidAddresses() == null ? new Address[0]
                        : refused.getInvalidAddresses()))
                .map(Address::toString)
                .collect(Collectors.joining(", "));
    }
}
