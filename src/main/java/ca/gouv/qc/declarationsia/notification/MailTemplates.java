package ca.gouv.qc.declarationsia.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail's subject (message bundles) and plain-text body (Thymeleaf text templates, one per kind and
 * language). Plain text: nothing a respondent typed can turn into markup in a mail client.
 */
@Component
class MailTemplates {

    private final TemplateEngine engine;
    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notification/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine templateEngine = new SpringTemplateEngine();
        templateEngine.setTemplateResolver(resolver);
        templateEngine.setTemplateEngineMessageSource(messages);
        this.engine = templateEngine;
    }

    record Rendered(String subject, String body) {
    }

    Rendered render(MailKind kind, Locale locale, Map<String, Object> model) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
        Context context = new Context(locale, model);
        String body = engine.process(kind.name().toLowerCase(Locale.ROOT) + "_" + language, context);
        // as text: a number would be formatted "2 031"
        Object[] subjectArguments = {String.valueOf(model.get("campaignYear")), model.get("organizationName"),
                model.get("dueDate")};
        String subject = messages.getMessage("mail.subject." + kind.name(), subjectArguments, locale);
        return new Rendered(subject, body);
    }
}
