package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.notification.OutgoingMail;
import ca.gouv.qc.declarationsia.notification.Outbox;
import ca.gouv.qc.declarationsia.organization.Contact;
import ca.gouv.qc.declarationsia.organization.Organization;
import ca.gouv.qc.declarationsia.organization.OrganizationBatch;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.AccountActivity;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.security.SignInLinks;
import ca.gouv.qc.declarationsia.shared.Dates;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Queues the mails of one organization's declaration: who receives them, in which language, with which facts. The
 * mails that ask a body to act (invitation, reminders, extension) go, to each respondent who never signed in, on
 * their own with that person's link to choose a password; the others share one mail.
 */
@Component
public class DeclarationMails {

    private static final Set<MailKind> WITH_FIRST_SIGN_IN = Set.of(MailKind.INVITATION, MailKind.REMINDER,
            MailKind.OVERDUE_REMINDER, MailKind.EXTENSION);

    private final Outbox outbox;
    private final OrganizationService organizations;
    private final IdentityService identity;
    private final AccountActivity accounts;
    private final SignInLinks signInLinks;
    private final OrganizationBatch batch;
    private final String publicBaseUrl;

    DeclarationMails(Outbox outbox, OrganizationService organizations, IdentityService identity,
            AccountActivity accounts, SignInLinks signInLinks, OrganizationBatch batch,
            @Value("${declarations.public-base-url}") String publicBaseUrl) {
        this.outbox = outbox;
        this.batch = batch;
        this.organizations = organizations;
        this.identity = identity;
        this.accounts = accounts;
        this.signInLinks = signInLinks;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * Within a batch ({@link ca.gouv.qc.declarationsia.shared.BatchReads}), reads what the mails of these bodies need
     * (their organizations, their respondents, who of them ever signed in) in a few statements for all of them.
     */
    public void prepareBatch(List<String> organizationCodes) {
        List<String> respondents = batch.prepare(organizationCodes).stream()
                .flatMap(organization -> organization.respondents().stream()).map(Contact::email).toList();
        accounts.prepareNeverSignedIn(respondents);
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
        String page = DeclarationTasks.pagePath(campaignYear, organizationCode);
        model.put("link", publicBaseUrl + page);
        model.put("forgotLink", publicBaseUrl + "/mot-de-passe-oublie");
        String key = kind.name() + ":" + businessKey + ":" + occasion;

        boolean escalation = kind == MailKind.ESCALATION;
        List<String> recipients = escalation ? List.of(organization.escalation().email())
                : organization.respondents().stream().map(Contact::email).toList();
        List<String> cc = escalation ? coordinatorEmails() : List.of();
        Set<String> newcomers = WITH_FIRST_SIGN_IN.contains(kind) ? accounts.neverSignedIn(recipients) : Set.of();
        List<String> shared = recipients.stream().filter(email -> !newcomers.contains(email)).toList();
        if (!shared.isEmpty()) {
            outbox.enqueue(new OutgoingMail(key, businessKey, campaignYear, organizationCode, kind, locale, shared, cc,
                    model));
        }
        for (String newcomer : recipients.stream().filter(newcomers::contains).toList()) {
            Map<String, Object> personal = new HashMap<>(model);
            personal.put("personalLink", true);
            personal.put("signInId", newcomer);
            personal.put("linkValidityDays", signInLinks.firstSignInValidity().toDays());
            outbox.enqueue(new OutgoingMail(key + ":" + newcomer, businessKey, campaignYear, organizationCode, kind,
                    locale, List.of(newcomer), List.of(), personal, new OutgoingMail.PersonalLink(newcomer, page)));
        }
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
