package ca.gouv.qc.declarationsia.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.Http;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestInitiatives;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input as a tester sends it to the JSON API (issue 24, item 8): a body of the wrong media type, a value of the
 * wrong type, a number for a yes-or-no, a path the firewall refuses. Each is a 4xx {@code application/problem+json}
 * naming the field in the caller's language, and the draft stays as it was.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputAnswersTest {

    private static final int YEAR = 2029;
    private static final String BODY = "BADIN-A";
    private static final String RESPONDENT = "ia.badin-a@example.qc.ca";
    private static final String DRAFT = "/api/campaigns/" + YEAR + "/declarations/" + BODY;

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    IdentityService identity;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    JdbcTemplate jdbc;

    private boolean opened;

    @BeforeEach
    void openDeclaration() {
        if (opened) {
            return;
        }
        opened = true;
        TestOrganizations.createWithLogin(organizations, identity, BODY);
        campaigns.create(YEAR, List.of(BODY));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
    }

    @AfterAll
    void closeCampaign() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void a_form_encoded_draft_is_a_415_naming_the_accepted_media_type() {
        for (String[] sent : List.of(new String[] {"application/x-www-form-urlencoded", "version=0&noInitiatives=true"},
                new String[] {"application/x-www-form-urlencoded", "version=%ZZ"},
                new String[] {"application/x-www-form-urlencoded", "%"},
                new String[] {"text/plain", "version=0"}, new String[] {"application/xml", "<version>0</version>"})) {
            String type = sent[0];
            Http.Response answer = respondent().send("PUT", DRAFT, type, sent[1], "Accept-Language", "fr");
            assertThat(answer.status()).as(type + " " + answer).isEqualTo(415);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("detail").asText()).as(answer.toString()).contains("application/json");
        }
        assertThat(savedInitiatives()).as("nothing saved").isZero();
    }

    @ParameterizedTest(name = "{0} ← {1}")
    @CsvSource(delimiter = '|', value = {
            "initiatives[0].generativeAi         | '\"peut-être\"' | IA générative : doit valoir oui ou non   | Generative AI: must be yes or no",
            "initiatives[0].generativeAi         | '2'            | IA générative : doit valoir oui ou non   | Generative AI: must be yes or no",
            "initiatives[0].generativeAi         | '1'            | IA générative : doit valoir oui ou non   | Generative AI: must be yes or no",
            "initiatives[0].generativeAi         | '0.5'          | IA générative : doit valoir oui ou non   | Generative AI: must be yes or no",
            "initiatives[0].cybersecurity        | '[true]'       | Initiative de cybersécurité : doit valoir oui | Cybersecurity initiative: must be yes",
            "initiatives[0].servicesToPopulation | '{\"a\": 1}'   | Prestation de services à la population :  | Services to the population: ",
            "initiatives[0].name                 | '[\"a\"]'      | Nom de l’actif, du projet ou de l’initiative : doit être un texte | Name of the asset, project or initiative: must be text",
            "initiatives[0].name                 | '{\"a\": 1}'   | Nom de l’actif, du projet ou de l’initiative : doit être un texte | Name of the asset, project or initiative: must be text",
            "version                             | '\"abc\"'      | : doit être un nombre entier             | : must be a valid whole number",
            "version                             | 'true'         | : doit être un nombre entier             | : must be a valid whole number",
            "version                             | '1.5'          | : doit être un nombre entier             | : must be a valid whole number",
            "noInitiatives                       | '\"oui\"'      | : doit valoir oui ou non                 | : must be yes or no",
            "noInitiatives                       | '2'            | : doit valoir oui ou non                 | : must be yes or no",
            "initiatives                         | '\"a\"'        | Initiatives : doit être une liste        | Initiatives: must be a list",
            "initiatives                         | '{\"a\": 1}'   | Initiatives : doit être une liste        | Initiatives: must be a list",
            "initiatives[0]                      | '\"a\"'        | : doit être un objet                     | : must be an object",
            "contact                             | '\"a\"'        | : doit être un objet                     | : must be an object",
            "contact                             | '[1]'          | : doit être un objet                     | : must be an object"})
    void a_value_of_the_wrong_type_in_a_draft_is_refused_naming_its_field(String field, String value, String french,
            String english) {
        String draft = draft(field, value);
        for (String[] language : List.of(new String[] {"fr", french}, new String[] {"en", english})) {
            Http.Response answer = respondent().putJson(DRAFT, draft, "Accept-Language", language[0]);
            assertThat(answer.status()).as(answer.toString()).isIn(400, 422);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.errorPaths()).as(answer.toString()).containsExactly(field);
            assertThat(answer.errorMessages()).as(language[0] + " " + answer).singleElement().satisfies(message ->
                    assertThat(message).contains(language[1].strip()));
        }
        assertThat(savedInitiatives()).as("nothing saved").isZero();
    }

    @ParameterizedTest(name = "{0} ← {1}")
    @CsvSource(delimiter = '|', value = {
            "referenceDate       | '\"2034-13-45\"' | doit être une date valide | must be a valid date",
            "referenceDate       | '20340630'       | doit être une date valide | must be a valid date",
            "referenceDate       | 'true'           | doit être une date valide | must be a valid date",
            "year                | '\"deux\"'       | doit être un nombre entier | must be a valid whole number",
            "year                | 'false'          | doit être un nombre entier | must be a valid whole number",
            "reminderOffsets     | '\"30\"'         | doit être une liste       | must be a list",
            "reminderOffsets[0]  | '\"trente\"'     | doit être un nombre entier | must be a valid whole number",
            "reminderOffsets[0]  | 'true'           | doit être un nombre entier | must be a valid whole number"})
    void a_value_of_the_wrong_type_in_a_campaign_is_refused_naming_its_field(String field, String value,
            String french, String english) {
        String campaign = """
                {"year": 2035, "referenceDate": "2035-06-30", "openingDate": "2035-09-01", "dueDate": "2035-10-31",
                 "closingDate": "2035-11-30", "reminderOffsets": [30, 7], "overdueReminderDays": 7,
                 "organizationCodes": ["BADIN-A"]}""";
        String sent = switch (field) {
            case "referenceDate" -> campaign.replace("\"2035-06-30\"", value);
            case "year" -> campaign.replace("2035,", value + ",");
            case "reminderOffsets" -> campaign.replace("[30, 7]", value);
            default -> campaign.replace("[30, 7]", "[" + value + ", 7]");
        };
        for (String[] language : List.of(new String[] {"fr", french}, new String[] {"en", english})) {
            Http.Response answer = Http.at(port).as("coordo", "demo").postJson("/api/campaigns", sent,
                    "Accept-Language", language[0]);
            assertThat(answer.status()).as(answer.toString()).isIn(400, 422);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.errorPaths()).as(answer.toString()).containsExactly(field);
            assertThat(answer.errorMessages()).as(answer.toString()).singleElement().satisfies(message ->
                    assertThat(message).contains(language[1].strip()));
        }
        assertThat(jdbc.queryForObject("select count(*) from campaign where year = 2035", Integer.class)).isZero();
    }

    @Test
    void a_number_is_not_a_yes_or_no() {
        Http.Response answer = respondent().putJson(DRAFT, draft("initiatives[0].generativeAi", "2"),
                "Accept-Language", "fr");
        assertThat(answer.status()).as("2 is not true: " + answer).isIn(400, 422);
        assertThat(answer.errorPaths()).containsExactly("initiatives[0].generativeAi");
        assertThat(jdbc.queryForObject("select count(*) from initiative where organization_code = ?", Integer.class,
                BODY)).isZero();
    }

    @Test
    void a_path_the_firewall_refuses_is_problem_json_in_the_callers_language() {
        for (String path : List.of("/api/campaigns/%00", "/api/campaigns/" + YEAR + "/declarations/A%00B",
                "/api/campaigns/" + YEAR + "/declarations/..%2F..%2Fetc", "/engine-rest/task/%00/complete")) {
            for (String[] language : List.of(new String[] {"fr", "rien n’a été modifié"},
                    new String[] {"en", "nothing was changed"})) {
                Http.Response answer = Http.at(port).as("coordo", "demo").get(path, "Accept", "application/json",
                        "Accept-Language", language[0]);
                assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
                assertThat(answer.header("Content-Type")).as(path + " " + answer).startsWith("application/problem+json");
                assertThat(answer.json().path("detail").asText()).as(path).contains(language[1]);
            }
        }
    }


    private Http respondent() {
        return Http.at(port).as(RESPONDENT, "demo");
    }

    /** A valid draft of one initiative, with {@code value} (raw JSON) put at {@code field}. */
    private static String draft(String field, String value) {
        String initiative = TestInitiatives.json(null, "Tri du courrier");
        String contact = "{\"name\": \"Rita\", \"email\": \"rita@badin-a.example.qc.ca\"}";
        String version = "0";
        String noInitiatives = "false";
        String initiatives;
        if (field.startsWith("initiatives[0].")) {
            String name = field.substring("initiatives[0].".length());
            initiatives = "[" + replaceValue(initiative, name, value) + "]";
        } else if (field.equals("initiatives[0]")) {
            initiatives = "[" + value + "]";
        } else if (field.equals("initiatives")) {
            initiatives = value;
        } else {
            initiatives = "[" + initiative + "]";
        }
        switch (field) {
            case "version" -> version = value;
            case "noInitiatives" -> noInitiatives = value;
            case "contact" -> contact = value;
            default -> { }
        }
        return "{\"version\": " + version + ", \"noInitiatives\": " + noInitiatives + ", \"contact\": " + contact
                + ", \"initiatives\": " + initiatives + "}";
    }

    /** The initiative's JSON with one member's value replaced (added when the template has none). */
    private static String replaceValue(String json, String name, String value) {
        java.util.regex.Matcher member = java.util.regex.Pattern
                .compile("\"" + name + "\": (\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null|-?[0-9.]+)").matcher(json);
        if (member.find()) {
            return json.substring(0, member.start()) + "\"" + name + "\": " + value + json.substring(member.end());
        }
        return json.replaceFirst("\\{", "{\"" + name + "\": " + java.util.regex.Matcher.quoteReplacement(value) + ", ");
    }

    private int savedInitiatives() {
        return jdbc.queryForObject("select count(*) from initiative where organization_code = ?", Integer.class, BODY);
    }
}
