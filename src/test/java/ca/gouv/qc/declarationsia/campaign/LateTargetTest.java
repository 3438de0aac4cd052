package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.Browser;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.Http;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bodies are created and merged during a year: one registered with its French name alone joins the open campaign,
 * from the API or the dashboard, and gets its declaration, its process, its invitation and its due date at once; the
 * tracking counts it from then on. What cannot be done is refused naming the field, and changes nothing.
 */
@IntegrationTest
class LateTargetTest {

    private static final int YEAR = TestYears.take();
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void a_body_registered_mid_campaign_with_its_french_name_alone_joins_the_open_campaign() throws Exception {
        TestOrganizations.create(organizations, "LATE-A");
        Http coordinator = Http.at(port).as("coordo", "demo");
        String registry = """
                code,nameFr,lggriCategory,portfolio,respondentEmails,escalationEmail
                LATE-B,Centre de services scolaire des Deux-Rives,CENTRE_SERVICES_SCOLAIRE,Éducation,ia.late-b@example.qc.ca,dri.late-b@example.qc.ca
                LATE-C,Société des traversiers du Fleuve,ORGANISME_NON_BUDGETAIRE,Transports et Mobilité durable,ia.late-c@example.qc.ca,dri.late-c@example.qc.ca
                """;
        Http.Response imported = coordinator.postFile("/api/organizations/import", "file", "registre.csv",
                registry.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).as("no English name needed").isEqualTo(2);
        JsonNode registered = coordinator.get("/api/organizations/LATE-B").json();
        assertThat(registered.path("nameEn").isMissingNode() || registered.path("nameEn").isNull()).isTrue();
        assertThat(registered.get("nameFr").asText()).isEqualTo("Centre de services scolaire des Deux-Rives");

        campaigns.create(YEAR, List.of("LATE-A"));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 15, 13, 0));

        String before = fingerprint();
        for (String[] refused : List.of(
                new String[] {"{\"organizationCode\": \"NOPE-X\"}", "organizationCode", "aucun organisme du registre n’a le code NOPE-X"},
                new String[] {"{\"organizationCode\": \"LATE-A\"}", "organizationCode", "déjà visé"},
                new String[] {"{\"organizationCode\": \"LATE-B\", \"dueDate\": \"" + YEAR + "-12-15\"}", "dueDate", "doit précéder la clôture"},
                new String[] {"{\"organizationCode\": \"LATE-B\", \"dueDate\": \"" + YEAR + "-10-01\"}", "dueDate", "ne doit pas être passée"},
                new String[] {"{\"organizationCode\": \"late b\"}", "organizationCode", "caractères parmi A-Z"})) {
            Http.Response answer = coordinator.postJson("/api/campaigns/" + YEAR + "/targets", refused[0]);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
            JsonNode error = answer.json().get("errors").get(0);
            assertThat(error.get("path").asText()).isEqualTo(refused[1]);
            assertThat(error.get("message").asText()).contains(refused[2]);
        }
        assertThat(Http.at(port).as("gestion", "demo").postJson("/api/campaigns/" + YEAR + "/targets",
                "{\"organizationCode\": \"LATE-B\"}").status()).as("managers only read").isEqualTo(403);
        assertThat(fingerprint()).as("nothing changed").isEqualTo(before);

        Http.Response added = coordinator.postJson("/api/campaigns/" + YEAR + "/targets",
                "{\"organizationCode\": \"LATE-B\", \"dueDate\": \"" + YEAR + "-11-20\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("dueDate").asText()).isEqualTo(YEAR + "-11-20");
        campaigns.runDueJobs(YEAR);
        assertThat(campaigns.processesOf(YEAR)).hasSize(3);
        assertThat(CaughtMail.to(mailCatcher, "ia.late-b@example.qc.ca")).singleElement()
                .satisfies(mail -> assertThat(mail.getContent().toString()).contains("Date limite : 20 novembre " + YEAR,
                        "Organisme : Centre de services scolaire des Deux-Rives"));
        JsonNode tracking = coordinator.get("/api/campaigns/" + YEAR).json();
        assertThat(tracking.get("targets").asInt()).as("counted from now on").isEqualTo(2);

        // the page asks for the confirmation its browser requires before sending (a post without it adds nothing)
        Http.Response unconfirmed = Http.signedIn(port, "coordo", "demo").submit("/campagnes/" + YEAR + "/organismes",
                java.util.Map.of("organizationCode", "LATE-C"));
        assertThat(unconfirmed.status()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from campaign_target where campaign_year = ?", Integer.class, YEAR))
                .isEqualTo(2);

        // from the dashboard: in English, the body without an English name shows its French one
        if (browser == null) {
            browser = Browser.start(port, "en");
        }
        browser.logIn("coordo", "demo");
        browser.open("/campagnes/" + YEAR + "?lang=en");
        browser.type("targetOrganization", "LATE-X");
        browser.tick("confirmTarget");
        browser.submit("form[action='/campagnes/" + YEAR + "/organismes'] button");
        assertThat(browser.text("#targetOrganization-error")).endsWith(": no body of the registry has code LATE-X");
        assertThat(browser.value("targetOrganization")).as("nothing typed twice").isEqualTo("LATE-X");
        browser.assertAccessible("adding a body, refused");
        // a code that cannot be one: the form's own rule (@Valid), beside its field, with what was typed
        browser.type("targetOrganization", "late x");
        browser.tick("confirmTarget");
        browser.submit("form[action='/campagnes/" + YEAR + "/organismes'] button");
        assertThat(browser.text("#targetOrganization-error"))
                .endsWith(": must be 2 to 20 characters among A-Z, 0-9 and the hyphen");
        assertThat(browser.value("targetOrganization")).isEqualTo("late x");
        assertThat(browser.text("#targetDueDate-hint")).as("an apostrophe in English keeps the dates in the hint")
                .startsWith("Without a date, the campaign's: October 31, " + YEAR + ".").doesNotContain("{");
        browser.screenshot("late-target-malformed-code", "form[action='/campagnes/" + YEAR + "/organismes']");
        browser.type("targetOrganization", "LATE-C");
        browser.tick("confirmTarget");
        browser.submit("form[action='/campagnes/" + YEAR + "/organismes'] button");
        assertThat(browser.text(".notice")).isEqualTo("Body added: the campaign now targets 3.");
        assertThat(browser.pageText()).contains("Société des traversiers du Fleuve", "Centre de services scolaire des Deux-Rives",
                "November 20, " + YEAR, "October 31, " + YEAR);
        browser.screenshot("late-target-dashboard");
        browser.assertAccessible("the dashboard with added bodies");
        campaigns.runDueJobs(YEAR);
        assertThat(CaughtMail.to(mailCatcher, "ia.late-c@example.qc.ca")).hasSize(1);
        assertThat(jdbc.queryForObject("select added_by from campaign_target where campaign_year = ? and organization_code = 'LATE-C'",
                String.class, YEAR)).isEqualTo("coordo");
        assertThat(jdbc.queryForObject("select due_date from campaign_target where campaign_year = ? and organization_code = 'LATE-C'",
                LocalDate.class, YEAR)).as("the campaign's own").isNull();

        // the histories say who added the body, when, and with which due date
        browser.open("/campagnes/" + YEAR + "/historique?lang=en");
        assertThat(browser.texts("table.timeline tbody tr"))
                .anySatisfy(line -> assertThat(line).contains("LATE-C added to the campaign during the year; its due date: October 31, " + YEAR, "coordo"));
        browser.open("/campagnes/" + YEAR + "/declarations/LATE-C/historique?lang=fr");
        assertThat(browser.texts("table.timeline tbody tr").get(0)).as("its history starts there")
                .contains("Organisme ajouté à la campagne en cours d’année; sa date limite : le 31 octobre " + YEAR, "coordo");
        browser.assertAccessible("the history of a body added during the year");
        browser.open("/?lang=fr");
    }

    private String fingerprint() {
        return jdbc.queryForObject("select (select count(*) from campaign_target where campaign_year = ?) || '/' "
                + "|| (select count(*) from declaration where campaign_year = ?) || '/' "
                + "|| (select count(*) from mail_outbox where campaign_year = ?)", String.class, YEAR, YEAR, YEAR);
    }
}
