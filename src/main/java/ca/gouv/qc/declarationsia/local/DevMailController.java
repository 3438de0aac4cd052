package ca.gouv.qc.declarationsia.local;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Local mode: every mail the product sent, as sent, for coordinators to read (newest first). */
@Controller
@Profile("local")
class DevMailController {

    record CaughtMail(String to, String subject, Instant sentAt, String body) {

        /** As a coordinator in Québec reads it. */
        public String sentAtLocal() {
            return sentAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(sentAt.atZone(ca.gouv.qc.declarationsia.shared.QuebecTime.ZONE));
        }
    }

    private final java.util.Optional<GreenMail> mailCatcher;

    DevMailController(java.util.Optional<GreenMail> mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    @GetMapping("/dev/mail")
    String mail(Model model) throws MessagingException, IOException {
        model.addAttribute("catcherRunning", mailCatcher.isPresent());
        model.addAttribute("mails", mailCatcher.isEmpty() ? List.of() : caught(mailCatcher.get()));
        return "local/mail";
    }

    private static List<CaughtMail> caught(GreenMail catcher) throws MessagingException, IOException {
        List<CaughtMail> mails = new java.util.ArrayList<>();
        for (MimeMessage message : catcher.getReceivedMessages()) {
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).collect(Collectors.joining(", "));
            Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
            mails.add(new CaughtMail(to, message.getSubject(), sent, text(message.getContent())));
        }
        mails.sort(Comparator.comparing(CaughtMail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return mails;
    }

    /** The plain-text part if there is one, else the first part that is text. */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String text = text(part.getContent());
                if (part.isMimeType("text/plain")) {
                    return text;
                }
                fallback = fallback == null ? text : fallback;
            }
            return fallback == null ? "" : fallback;
        }
        return String.valueOf(content);
    }
}
