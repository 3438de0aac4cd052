package ca.gouv.qc.declarationsia.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Mail the catcher received, as a recipient sees it. */
public final class CaughtMail {

    private CaughtMail() {
    }

    /** Mail whose To is this address (GreenMail keeps one copy per recipient, the Cc copies included). */
    public static List<MimeMessage> to(GreenMail catcher, String address) {
        return Arrays.stream(catcher.getReceivedMessages())
                .filter(mail -> Arrays.stream(read(() -> mail.getRecipients(Message.RecipientType.TO)))
                        .anyMatch(to -> to.toString().equals(address)))
                .toList();
    }

    /** How many mails each recipient received whose subject starts so ("sent once" is a count of 1 each). */
    public static Map<String, Long> countByRecipient(GreenMail catcher, String subjectStart) {
        return Arrays.stream(catcher.getReceivedMessages())
                .filter(mail -> read(mail::getSubject).startsWith(subjectStart))
                .collect(Collectors.groupingBy(mail -> read(() -> mail.getRecipients(Message.RecipientType.TO))[0].toString(),
                        Collectors.counting()));
    }

    private interface MailRead<T> {
        T get() throws MessagingException;
    }

    private static <T> T read(MailRead<T> read) {
        try {
            return read.get();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
