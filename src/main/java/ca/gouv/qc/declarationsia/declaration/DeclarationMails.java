package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.notification.OutgoingMail;
import ca.gouv.qc.declarationsia.notification.Outbox;
import ca.gouv.qc.declarationsia.organization.Contact;
import ca.gouv.qc.declarationsia.organization.Organization;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.shared.Dates;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Queues the mails of one organization's declaration: who receives them, in which language, with which facts. */
@Component
public class DeclarationMails {

    private final Outbox outbox;
    private final OrganizationService organizations;
    private final IdentityService identity;
    private final String publicBaseUrl;

    DeclarationMails(Outbox outbox, OrganizationService organizations, IdentityService identity,
            @Value("${declarations.public-base-url}") String publicBaseUrl) {
        this.outbox = outbox;
        this.organizations = organizations;
        this.identity = identity;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * @param occasion what makes this mail unique among the declaration's mails of this kind (a date, an audit id)
     * @param facts what the template needs beyond the organization, campaign, due date and link
     */
    public void queue(MailKind kind, int campaignYear, String organizationCode, LocalDate dueDate, String occasion,
            Map<String, Object> facts) {
        Organization organization = organizations.lookup(organizationCode);
        Locale locale = "en".equals(organization.preferredLanguage()) ? Locale.CANADA : Locale.CANADA_FRENCH;
        String businessKey = new DeclarationKey(campaignYear, organizationCode).businessKey();

        Map<String, Object> model = new HashMap<>();
        facts.forEach((name, value) -> model.put(name, value instanceof LocalDate date ? longDate(date, locale) : value));
        model.put("organizationName", organization.name("en".equals(locale.getLanguage())));
        model.put("campaignYear", campaignYear);
        model.put("dueDate", longDate(dueDate, locale));
        model.put("link", publicBaseUrl + DeclarationTasks.pagePath(campaignYear, organizationCode));

        boolean escalation = kind == MailKind.ESCALATION;
        List<String> recipients = escalation ? List.of(organization.escalation().email())
                : organization.respondents().stream().map(Contact::email).toList();
        List<String> cc = escalation ? coordinatorEmails() : List.of();
        outbox.enqueue(new OutgoingMail(kind.name() + ":" + businessKey + ":" + occasion, businessKey, campaignYear,
                organizationCode, kind, locale, recipients, cc, model));
    }

    public static String longDate(LocalDate date, Locale locale) {
        return Dates.date(date, locale);
    }

    private List<String> coordinatorEmails() {
        return identity.createUserQuery().memberOfGroup(Roles.COORDINATORS).list().stream()
                .map(User::getEmail)
                .filter(email -> email != null && email.contains("@"))
                .sorted()
                .toList();
    }
}
