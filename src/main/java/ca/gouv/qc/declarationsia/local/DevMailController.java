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
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import ca.gouv.qc.declarationsia.shared.web.PageNumber;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Local mode: every mail the product sent, as sent, for coordinators to read (newest first). */
@Controller
@Profile("local")
class DevMailController {

    record CaughtMail(String to, String subject, Instant sentAt, String body) {

        boolean matches(String text) {
            String wanted = text.toLowerCase(Locale.ROOT);
            return to.toLowerCase(Locale.ROOT).contains(wanted)
                    || (subject != null && subject.toLowerCase(Locale.ROOT).contains(wanted));
        }
    }

    /** Mail bodies are long: a page shows 20. */
    static final int PAGE_SIZE = 20;

    private final java.util.Optional<GreenMail> mailCatcher;

    DevMailController(java.util.Optional<GreenMail> mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    /** Last arrived first, those whose recipients or subject contain {@code q}, 20 a page. */
    @GetMapping("/dev/mail")
    String mail(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model)
            throws MessagingException, IOException {
        List<CaughtMail> all = mailCatcher.isEmpty() ? List.of() : caught(mailCatcher.get());
        List<CaughtMail> found = q == null || q.isBlank() ? all : all.stream().filter(mail -> mail.matches(q.trim())).toList();
        int number = PageNumber.within(PageNumber.of(page), found.size(), PAGE_SIZE);
        int from = (number - 1) * PAGE_SIZE;
        model.addAttribute("catcherRunning", mailCatcher.isPresent());
        model.addAttribute("q", q);
        model.addAttribute("caught", all.size());
        model.addAttribute("mails", new PageImpl<>(found.subList(from, Math.min(found.size(), from + PAGE_SIZE)),
                PageRequest.of(number - 1, PAGE_SIZE), found.size()));
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
        // as they arrived, newest first: a Date header follows the product's clock, which tests move by years
        java.util.Collections.reverse(mails);
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
