package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.notification.MailDispatcher;
import ca.gouv.qc.declarationsia.notification.PersonalLinks;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.Http;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A body's respondent who never signed in starts from its invitation: a personal link, a password chosen on the
 * page, and it is on its declaration; the link serves once, expires, and a new one comes by mail. "Mot de passe
 * oublié ?" answers the same whether or not the address has an account. No token in the outbox, the tables or the logs.
 */
@IntegrationTest
class OnboardingJourneyTest extends BrowserJourney {

    private static final int YEAR = 2037;
    private static final String ORG = "JRN-N";
    private static final String LATE_ORG = "JRN-NX";
    private static final String RESPONDENT = "ia.jrn-n@example.qc.ca";
    private static final String LATE_RESPONDENT = "ia.jrn-nx@example.qc.ca";
    private static final String PASSWORD = "Trois chats gris dorment au soleil";
    private static final Pattern PERSONAL_LINK = Pattern.compile("https?://[^\\s/]+(/acces\\?jeton=([A-Za-z0-9_-]+))");

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    IdentityService identity;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void cleanUp() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        campaigns.cleanUp(YEAR);
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void a_respondent_who_never_signed_in_chooses_its_password_from_its_invitation_and_lands_on_its_declaration()
            throws Exception {
        TestOrganizations.create(organizations, ORG);
        TestOrganizations.create(organizations, LATE_ORG);
        campaigns.create(YEAR, List.of(ORG, LATE_ORG));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);

        String invitation = body(lastMailTo(RESPONDENT, "Campagne " + YEAR));
        assertThat(invitation).contains("Première connexion : votre identifiant est " + RESPONDENT,
                "Remplir la déclaration de votre organisme : ", "/mes-declarations/" + YEAR + "/" + ORG);
        Matcher link = PERSONAL_LINK.matcher(invitation);
        assertThat(link.find()).as("the invitation carries a personal link").isTrue();
        String token = link.group(2);
        assertThat(jdbc.queryForObject("select body from mail_outbox where recipients = ? and kind = 'INVITATION'"
                + " and campaign_year = ?", String.class, RESPONDENT, YEAR))
                .as("the outbox keeps a placeholder, never the token").contains(PersonalLinks.PLACEHOLDER).doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_link where user_id = ? and token_hash = encode(sha256(?::bytea), 'hex')",
                Integer.class, RESPONDENT, token)).as("stored hashed").isEqualTo(1);

        browser.open(link.group(1));
        assertThat(browser.url()).as("the token leaves the address bar").endsWith("/acces");
        assertThat(browser.text("h1")).isEqualTo("Choisir votre mot de passe");
        assertThat(browser.value("account")).isEqualTo(RESPONDENT);
        browser.assertAccessible("choosing a password");

        browser.type("password", "motdepasse2053!");
        browser.type("confirmation", "motdepasse2053?");
        browser.submit("form.form button[type=submit]");
        assertThat(browser.text("#password-error")).isEqualTo("Mot de passe : est trop facile à deviner; choisissez plutôt une phrase de plusieurs mots");
        assertThat(browser.text("#confirmation-error")).isEqualTo("Confirmation du mot de passe : ne correspond pas au mot de passe");
        assertThat(browser.element(org.openqa.selenium.By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.assertAccessible("choosing a password, refused");
        browser.screenshot("onboarding-password-refused");

        browser.type("password", PASSWORD);
        browser.type("confirmation", PASSWORD);
        browser.submit("form.form button[type=submit]");
        assertThat(browser.url()).as("signed in, on its declaration").endsWith("/mes-declarations/" + YEAR + "/" + ORG);
        assertThat(browser.text("h1")).isEqualTo("Déclaration " + YEAR + " – " + ORG);

        browser.logOut();
        browser.logIn(RESPONDENT, PASSWORD);
        assertThat(browser.url()).doesNotContain("/login");
        browser.logOut();

        browser.open(link.group(1));
        assertThat(browser.text("h1")).isEqualTo("Lien déjà utilisé");
        browser.assertAccessible("a link used twice");
        assertThat(Http.at(port).get("/acces").status()).as("no link in this session").isEqualTo(404);
        browser.submit("form[action='/acces/nouveau-lien'] button");
        assertThat(browser.pageText()).contains("Un nouveau lien personnel vient d’être envoyé à l’adresse de votre compte.");
        dispatcher.dispatchDue();
        assertThat(body(lastMailTo(RESPONDENT, "Déclarations IA : choisir un nouveau mot de passe")))
                .contains("/acces?jeton=", "expire dans 2 heure(s)");

        // a month later, the other body's respondent has not used its link: it expired, a new one is one click away
        Matcher late = PERSONAL_LINK.matcher(body(lastMailTo(LATE_RESPONDENT, "Campagne " + YEAR)));
        assertThat(late.find()).isTrue();
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 2, 13, 0));
        browser.open(late.group(1));
        assertThat(browser.text("h1")).isEqualTo("Lien expiré");
        browser.submit("form[action='/acces/nouveau-lien'] button");
        dispatcher.dispatchDue();
        assertThat(CaughtMail.to(mailCatcher, LATE_RESPONDENT)).hasSize(2);

        // its reminder comes with a fresh link; the respondent who chose its password gets none
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 24, 13, 0));
        campaigns.runDueJobs(YEAR);
        assertThat(body(lastMailTo(LATE_RESPONDENT, "Rappel"))).contains("Première connexion", "/acces?jeton=");
        assertThat(body(lastMailTo(RESPONDENT, "Rappel"))).doesNotContain("Première connexion", "jeton")
                .contains("Mot de passe oublié ? ", "/mot-de-passe-oublie");

        browser.open("/acces?jeton=pas-un-vrai-jeton");
        assertThat(browser.text("h1")).isEqualTo("Lien inconnu");
        assertThat(browser.has("#email")).as("asks for the address to send a new one").isTrue();
        browser.assertAccessible("an unknown link");

        assertThat(logs.list).as("no token in the logs")
                .noneMatch(event -> event.getFormattedMessage().contains(token) || event.getFormattedMessage().contains("jeton="));
    }

    @Test
    void a_forgotten_password_gets_the_same_answer_whether_or_not_the_address_has_an_account() throws Exception {
        String known = TestOrganizations.createWithLogin(organizations, identity, "JRN-NF");
        browser.open("/login");
        browser.clickText("Mot de passe oublié ?");
        assertThat(browser.text("h1")).isEqualTo("Mot de passe oublié");
        browser.assertAccessible("forgotten password");
        browser.type("email", known.toUpperCase(java.util.Locale.ROOT));
        browser.submit("form.form button[type=submit]");
        String answer = browser.text("[role=status]");
        browser.open("/mot-de-passe-oublie");
        browser.type("email", "personne.inconnue@example.qc.ca");
        browser.submit("form.form button[type=submit]");
        assertThat(browser.text("[role=status]")).as("no account enumeration").isEqualTo(answer)
                .startsWith("Si un compte correspond à cette adresse");
        dispatcher.dispatchDue();
        assertThat(CaughtMail.to(mailCatcher, "personne.inconnue@example.qc.ca")).isEmpty();

        Matcher link = PERSONAL_LINK.matcher(body(lastMailTo(known, "Déclarations IA : choisir un nouveau mot de passe")));
        assertThat(link.find()).isTrue();
        browser.open(link.group(1));
        assertThat(browser.pageText()).contains("Choisissez votre nouveau mot de passe");
        browser.type("password", PASSWORD);
        browser.type("confirmation", PASSWORD);
        browser.submit("form.form button[type=submit]");
        assertThat(browser.url()).endsWith("/mes-declarations");
        browser.logOut();
        browser.attemptLogIn(known, "demo");
        assertThat(browser.url()).as("the old password no longer works").contains("/login?error");

        // asked again and again: a few links an hour at most, and the answer never changes
        Http http = Http.visitor(port);
        for (int i = 0; i < 6; i++) {
            Http.Response response = http.submit("/mot-de-passe-oublie", Map.of("email", known));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("Si un compte correspond à cette adresse");
        }
        dispatcher.dispatchDue();
        assertThat(CaughtMail.to(mailCatcher, known).stream().filter(mail -> subject(mail).startsWith("Déclarations IA"))
                .count()).as("throttled").isLessThanOrEqualTo(3);
    }

    private MimeMessage lastMailTo(String address, String subjectStart) {
        List<MimeMessage> mails = CaughtMail.to(mailCatcher, address).stream()
                .filter(mail -> subject(mail).startsWith(subjectStart)).toList();
        assertThat(mails).as("a mail to %s starting %s", address, subjectStart).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }
}
