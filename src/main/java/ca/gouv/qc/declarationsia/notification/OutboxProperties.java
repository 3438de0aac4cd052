package ca.gouv.qc.declarationsia.notification;

import ca.gouv.qc.declarationsia.shared.work.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail leaves the outbox ({@code declarations.mail.*}).
 *
 * @param from the sender of every mail
 * @param dispatch the dispatcher: on or off (tests run it by hand), how often it looks for mail to send, and how
 *        often it probes a failing server (a connection, no mail, its replies awaited as long at most)
 * @param retry a mail's wait after its failed attempt: {@code first}, doubling up to {@code max}
 * @param smtp timeouts per SMTP phase (RFC 5321 §4.5.3.2): connecting, each command's reply, writing the message,
 *        and the final reply after the message, which a server may take minutes to give once it has the mail
 */
@ConfigurationProperties("declarations.mail")
public record OutboxProperties(
        @DefaultValue("declarations-ia@mcn.example.qc.ca") String from,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Retry retry,
        @DefaultValue Smtp smtp) {

    public record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
            @DefaultValue("200") int batch, @DefaultValue("10s") Duration probe) {
    }

    public record Retry(@DefaultValue("30s") Duration first, @DefaultValue("5m") Duration max) {

        /** The wait after the {@code failures}-th failure in a row. */
        Duration after(int failures) {
            return new RetryPolicy(first, max).after(failures);
        }
    }

    public record Smtp(@DefaultValue("10s") Duration connect, @DefaultValue("60s") Duration command,
            @DefaultValue("3m") Duration write, @DefaultValue("10m") Duration finalReply) {

        /** A probe's: no wait longer than {@code limit}, so that a hung server's return is seen within seconds. */
        Smtp forProbe(Duration limit) {
            return new Smtp(shorter(connect, limit), shorter(command, limit), shorter(write, limit),
                    shorter(finalReply, limit));
        }

        private static Duration shorter(Duration a, Duration b) {
            return a.compareTo(b) < 0 ? a : b;
        }
    }
}
