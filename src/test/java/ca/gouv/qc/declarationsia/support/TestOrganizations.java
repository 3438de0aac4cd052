package ca.gouv.qc.declarationsia.support;

import ca.gouv.qc.declarationsia.organization.OrganizationForm;
import ca.gouv.qc.declarationsia.organization.OrganizationForm.ContactForm;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Organizations made by tests, each with a code of its own so tests sharing the database never collide. */
public final class TestOrganizations {

    private TestOrganizations() {
    }

    public static OrganizationForm form(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return new OrganizationForm("Organisme de test " + code, "Test body " + code, code, "ORGANISME_BUDGETAIRE",
                "FINANCES", null, true, "fr", List.of(new ContactForm("Rita Répondante", "ia." + lower + "@example.qc.ca")),
                new ContactForm("Denis Dri", "dri." + lower + "@example.qc.ca"));
    }

    public static void create(OrganizationService organizations, String code) {
        SystemAuthentication.runAsSystem(() -> organizations.save(code, form(code)));
    }

    /** Creates the organization and lets its respondent log in with the demo password; returns the login. */
    public static String createWithLogin(OrganizationService organizations, IdentityService identity, String code) {
        create(organizations, code);
        String login = "ia." + code.toLowerCase(Locale.ROOT) + "@example.qc.ca";
        User respondent = identity.createUserQuery().userId(login).singleResult();
        respondent.setPassword("demo");
        identity.saveUser(respondent);
        return login;
    }
}
