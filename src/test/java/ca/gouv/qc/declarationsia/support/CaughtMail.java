package ca.gouv.qc.declarationsia.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** Mail the catcher received, as a recipient sees it. */
public final class CaughtMail {

    private CaughtMail() {
    }

    /** Mail whose To is this address (GreenMail keeps one copy per recipient, the Cc copies included). */
    public static List<MimeMessage> to(GreenMail catcher, String address) {
        return Arrays.stream(catcher.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
