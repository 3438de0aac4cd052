package ca.gouv.qc.declarationsia.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.publication.Editions;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.Http;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestInitiatives;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input as a tester sends it, at every door that takes input (issue 24, item 8): a body of the wrong media type
 * or a value of the wrong type in the JSON API, a number for a yes-or-no; for each write endpoint and each page
 * taking parameters, a corpus of hostile values (NUL and control characters, half characters, direction overrides,
 * 1 MB strings, deep JSON, wrong types, nulls in lists, overflowing numbers and dates, path traversal, formula cells,
 * oversized and non-UTF-8 uploads, forged form indexes); an address the firewall refuses. Each is refused with a 4xx
 * that names the field or parameter in the caller's language ({@code application/problem+json} for the API, the page
 * saying what to fix for a page), and nothing changes in the database; none is a 5xx.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final int YEAR = TestYears.take(4);
    private static final int PUBLISHED_YEAR = YEAR + 1;
    /** The year of the campaigns the hostile values and the oversized lists try to create: never created. */
    private static final int REFUSED_YEAR = YEAR + 2;
    /** The year of the campaigns sent with a value of the wrong type: never created. */
    private static final int WRONG_TYPES_YEAR = YEAR + 3;
    private static final String BODY = "HOST-A";
    private static final String REVIEWED = "HOST-R";
    /**
     * Where wrong types and media types are sent: a draft of its own, which must stay empty (in the same campaign as
     * the others: one campaign is open at a time).
     */
    private static final String TYPES_BODY = "BADIN-A";
    private static final String TYPES_RESPONDENT = "ia.badin-a@example.qc.ca";
    private static final String DRAFT = "/api/campaigns/" + YEAR + "/declarations/" + TYPES_BODY;
    /** Our tables, and Camunda's users: what a refused request must leave exactly as it was. */
    private static final List<String> TABLES = List.of("organization", "organization_respondent", "campaign",
            "campaign_target", "declaration", "initiative", "initiative_snapshot", "deadline_extension",
            "declaration_transition", "declaration_submission", "review_round", "review_comment", "published_edition",
            "published_initiative", "mail_outbox", "act_id_user", "act_id_membership", "act_ru_task");

    private static final List<String> REACHED_ROWS = List.of(
            "select * from organization where code like 'HOST-%'",
            "select * from organization_respondent where organization_code like 'HOST-%'",
            "select * from campaign where year in (" + YEAR + ", " + PUBLISHED_YEAR + ", " + REFUSED_YEAR + ")",
            "select * from declaration where campaign_year in (" + YEAR + ", " + PUBLISHED_YEAR + ", " + REFUSED_YEAR + ")",
            "select * from initiative where organization_code like 'HOST-%'",
            "select * from published_edition where campaign_year = " + PUBLISHED_YEAR);

    /** What kind of value a field holds: a hostile value is refused only where it cannot be meant. */
    enum Kind { NAME, PARAGRAPH, CODE, DATE, NUMBER, LIST, BOOLEAN }

    record Hostile(String label, String json, Set<Kind> refusedIn) {

        @Override
        public String toString() {
            return label;
        }
    }

    private static final String MEGABYTE = "x".repeat(1024 * 1024);
    private static final List<Hostile> CORPUS = List.of(
            new Hostile("NUL", "\"a\\u0000b\"", EnumSet.of(Kind.NAME, Kind.PARAGRAPH, Kind.CODE, Kind.DATE)),
            new Hostile("control character", "\"a\\u0007b\"", EnumSet.of(Kind.NAME, Kind.PARAGRAPH, Kind.CODE, Kind.DATE)),
            new Hostile("lone surrogate", "\"a\\ud800b\"", EnumSet.of(Kind.NAME, Kind.PARAGRAPH, Kind.CODE, Kind.DATE)),
            new Hostile("direction override", "\"\\u202Etxt.exe\"", EnumSet.of(Kind.NAME, Kind.PARAGRAPH, Kind.CODE)),
            new Hostile("1 MB string", "\"" + MEGABYTE + "\"", EnumSet.of(Kind.NAME, Kind.PARAGRAPH, Kind.CODE, Kind.DATE)),
            new Hostile("object for a value", "{\"a\": {\"b\": 1}}", EnumSet.complementOf(EnumSet.of(Kind.LIST))),
            new Hostile("list for a value", "[1, 2]", EnumSet.complementOf(EnumSet.of(Kind.LIST))),
            new Hostile("overflowing number", "99999999999999999999999", EnumSet.of(Kind.NUMBER, Kind.DATE, Kind.CODE)),
            new Hostile("null in a list", "[null]", EnumSet.of(Kind.LIST)),
            new Hostile("text for a list", "\"a\"", EnumSet.of(Kind.LIST)),
            new Hostile("overflowing date", "\"+999999999-12-31\"", EnumSet.of(Kind.DATE)),
            new Hostile("impossible date", "\"2063-02-30\"", EnumSet.of(Kind.DATE)),
            new Hostile("path traversal", "\"../../etc/passwd\"", EnumSet.of(Kind.CODE, Kind.DATE)),
            new Hostile("formula", "\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"", EnumSet.of(Kind.NAME, Kind.CODE)),
            new Hostile("deep JSON", "[".repeat(5000) + "]".repeat(5000), EnumSet.allOf(Kind.class)));

    /**
     * One field of one write endpoint: {@code template} is a valid body with {@code @@} where the field's value
     * goes; {@code field} is the path the refusal must name.
     */
    record Door(String user, String method, String path, String template, String field, Kind kind) {

        @Override
        public String toString() {
            return method + " " + path + " " + field;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    IdentityService identity;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    Editions editions;

    @Autowired
    JdbcTemplate jdbc;

    /** The respondent of {@link #BODY}, as the test organizations name theirs. */
    private static final String RESPONDENT = "ia.host-a@example.qc.ca";
    private boolean opened;

    /**
     * Once, inside the first test (the process-coverage listener records the processes of a running test only): a
     * draft for the wrong types, two for the hostile values (one of them under review), and a published year.
     */
    @BeforeEach
    void openDeclarations() {
        if (opened) {
            return;
        }
        opened = true;
        TestOrganizations.createWithLogin(organizations, identity, BODY);
        TestOrganizations.create(organizations, REVIEWED);
        TestOrganizations.createWithLogin(organizations, identity, TYPES_BODY);
        campaigns.create(YEAR, List.of(BODY, REVIEWED, TYPES_BODY));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
        declarations.submit(YEAR, REVIEWED, List.of(TestDeclarations.complete(null, "Prévision des crues", YEAR)));
        campaigns.runDueJobs(YEAR);
        SystemAuthentication.runAsSystem(() -> editions.publish(PUBLISHED_YEAR, "coordo", null));
    }

    @AfterAll
    void closeCampaign() {
        campaigns.cleanUp(YEAR);
    }

    /** In the JSON API: a body of the wrong media type, a value of the wrong type, a number for a yes-or-no. */
    @Nested
    class WrongTypes {

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
                    {"year": %1$d, "referenceDate": "%1$d-06-30", "openingDate": "%1$d-09-01", "dueDate": "%1$d-10-31",
                     "closingDate": "%1$d-11-30", "reminderOffsets": [30, 7], "overdueReminderDays": 7,
                     "organizationCodes": ["BADIN-A"]}""".formatted(WRONG_TYPES_YEAR);
            String sent = switch (field) {
                case "referenceDate" -> campaign.replace("\"" + WRONG_TYPES_YEAR + "-06-30\"", value);
                case "year" -> campaign.replace(WRONG_TYPES_YEAR + ",", value + ",");
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
            assertThat(jdbc.queryForObject("select count(*) from campaign where year = ?", Integer.class,
                    WRONG_TYPES_YEAR)).isZero();
        }

        @Test
        void a_number_is_not_a_yes_or_no() {
            Http.Response answer = respondent().putJson(DRAFT, draft("initiatives[0].generativeAi", "2"),
                    "Accept-Language", "fr");
            assertThat(answer.status()).as("2 is not true: " + answer).isIn(400, 422);
            assertThat(answer.errorPaths()).containsExactly("initiatives[0].generativeAi");
            assertThat(jdbc.queryForObject("select count(*) from initiative where organization_code = ?", Integer.class,
                    TYPES_BODY)).isZero();
        }
    }

    /** A hostile value in each field of each write endpoint of the JSON API, refused naming the field. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HostileValues {

        Stream<Arguments> jsonDoors() {
            String declaration = "/api/campaigns/" + YEAR + "/declarations/";
            String organization = """
                    {"nameFr": @@, "nameEn": "Test body", "acronym": "HST", "lggriCategory": "ORGANISME_BUDGETAIRE",
                     "portfolio": "Finances", "respondents": [{"name": "Rita", "email": "ia.host-new@example.qc.ca"}],
                     "escalationContact": {"name": "Jean Roy", "email": "dri@host-new.example.qc.ca"}}""";
            String campaign = """
                    {"year": %1$d, "referenceDate": "%1$d-06-30", "openingDate": "%1$d-09-01", "dueDate": "%1$d-10-31",
                     "closingDate": "%1$d-11-30", "reminderOffsets": [30, 7], "overdueReminderDays": 7,
                     "organizationCodes": ["HOST-A"]}""".formatted(REFUSED_YEAR);
            String draft = "{\"version\": 0, \"noInitiatives\": false, \"contact\": {\"name\": \"Rita\", \"email\": "
                    + "\"rita@host-a.example.qc.ca\"}, \"initiatives\": [" + TestInitiatives.json(null, "Tri du courrier") + "]}";
            String submission = "{\"attestation\": true, \"signatory\": {\"name\": \"Denise\", \"role\": \"DPI\", "
                    + "\"email\": \"dpi@host-a.example.qc.ca\"}}";
            String review = "{\"decision\": \"REQUEST_CORRECTIONS\", \"comments\": [{\"message\": \"Précisez.\"}], "
                    + "\"overrides\": []}";
            List<Door> doors = new ArrayList<>(List.of(
                    new Door("coordo", "PUT", "/api/organizations/HOST-NEW", organization, "nameFr", Kind.NAME),
                    new Door("coordo", "PUT", "/api/organizations/HOST-NEW", organization.replace("\"Finances\"", "@@")
                            .replace("@@, \"nameEn\"", "\"Nouvel organisme\", \"nameEn\""), "portfolio", Kind.CODE),
                    new Door("coordo", "PUT", "/api/organizations/HOST-NEW", organization.replace("@@", "\"Nouvel organisme\"")
                            .replace("\"ia.host-new@example.qc.ca\"", "@@"), "respondents[0].email", Kind.NAME),
                    new Door("coordo", "PUT", "/api/organizations/HOST-NEW", organization.replace("@@", "\"Nouvel organisme\"")
                            .replace("[{\"name\": \"Rita\", \"email\": \"ia.host-new@example.qc.ca\"}]", "@@"),
                            "respondents", Kind.LIST),
                    new Door("coordo", "POST", "/api/campaigns", campaign.replace("\"" + REFUSED_YEAR + "-06-30\"", "@@"),
                            "referenceDate", Kind.DATE),
                    new Door("coordo", "POST", "/api/campaigns", campaign.replace(REFUSED_YEAR + ",", "@@,"), "year", Kind.NUMBER),
                    new Door("coordo", "POST", "/api/campaigns", campaign.replace("[30, 7]", "@@"), "reminderOffsets",
                            Kind.LIST),
                    new Door("coordo", "POST", "/api/campaigns", campaign.replace("[\"HOST-A\"]", "@@"),
                            "organizationCodes", Kind.LIST),
                    new Door("coordo", "POST", "/api/campaigns", campaign.replace("[\"HOST-A\"]", "[@@]"),
                            "organizationCodes[0]", Kind.CODE),
                    new Door("coordo", "POST", declaration + BODY + "/extension",
                            "{\"dueDate\": @@, \"reason\": \"Changement de direction\"}", "dueDate", Kind.DATE),
                    new Door("coordo", "POST", declaration + BODY + "/extension",
                            "{\"dueDate\": \"" + YEAR + "-11-15\", \"reason\": @@}", "reason", Kind.NAME),
                    new Door(RESPONDENT, "PUT", declaration + BODY, draft.replace("\"version\": 0", "\"version\": @@"),
                            "version", Kind.NUMBER),
                    new Door(RESPONDENT, "PUT", declaration + BODY, draft.replace("\"Tri du courrier\"", "@@"),
                            "initiatives[0].name", Kind.NAME),
                    new Door(RESPONDENT, "PUT", declaration + BODY, draft.replace(
                            "\"Un agent conversationnel répond aux questions sur les permis de chasse.\"", "@@"),
                            "initiatives[0].description", Kind.PARAGRAPH),
                    new Door(RESPONDENT, "PUT", declaration + BODY, draft.replace("\"ASSISTANT_AGENT_CONVERSATIONNEL\"", "@@"),
                            "initiatives[0].category", Kind.CODE),
                    new Door(RESPONDENT, "PUT", declaration + BODY, draft.replace("\"2023-04\"", "@@"),
                            "initiatives[0].startDate", Kind.CODE),
                    new Door(RESPONDENT, "PUT", declaration + BODY, draft.replace("\"servicesToPopulation\": true",
                            "\"servicesToPopulation\": @@"), "initiatives[0].servicesToPopulation", Kind.BOOLEAN),
                    new Door(RESPONDENT, "PUT", declaration + BODY, draft.replace("[{\"name\"", "[{\"id\": @@, \"name\""),
                            "initiatives[0].id", Kind.CODE),
                    new Door(RESPONDENT, "PUT", declaration + BODY,
                            draft.substring(0, draft.indexOf("\"initiatives\"")) + "\"initiatives\": @@}", "initiatives",
                            Kind.LIST),
                    new Door(RESPONDENT, "POST", declaration + BODY + "/submit",
                            submission.replace("\"Denise\"", "@@"), "signatory.name", Kind.NAME),
                    new Door(RESPONDENT, "POST", declaration + BODY + "/submit",
                            submission.replace("true", "@@"), "attestation", Kind.BOOLEAN),
                    new Door("analyste", "POST", declaration + REVIEWED + "/review",
                            review.replace("\"REQUEST_CORRECTIONS\"", "@@"), "decision", Kind.CODE),
                    new Door("analyste", "POST", declaration + REVIEWED + "/review",
                            review.replace("\"Précisez.\"", "@@"), "comments[0].message", Kind.PARAGRAPH),
                    new Door("analyste", "POST", declaration + REVIEWED + "/review",
                            review.replace("[{\"message\": \"Précisez.\"}]", "@@"), "comments", Kind.LIST),
                    new Door("coordo", "POST", "/api/portraits/" + PUBLISHED_YEAR + "/errata", "{\"changeNote\": @@}",
                            "changeNote", Kind.PARAGRAPH)));
            return doors.stream().flatMap(door -> CORPUS.stream().filter(value -> value.refusedIn().contains(door.kind()))
                    .map(value -> Arguments.of(door, value)));
        }

        @ParameterizedTest(name = "{0} ← {1}")
        @MethodSource("jsonDoors")
        void a_hostile_value_in_a_json_body_is_refused_naming_its_field(Door door, Hostile value) {
            String before = fingerprint();
            Http.Response answer = as(door.user()).send(door.method(), door.path(), "application/json",
                    door.template().replace("@@", value.json()));

            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.errorPaths()).as(answer.toString()).anySatisfy(path -> assertThat(path).startsWith(door.field()));
            assertThat(answer.errorMessages()).as("in French, naming the field").allSatisfy(message -> assertThat(message)
                    .contains(" : "));
            assertThat(fingerprint()).as("nothing changed").isEqualTo(before);
        }

        @Test
        void seventy_thousand_ids_or_codes_are_refused_before_any_lookup() {
            String before = fingerprint();
            StringBuilder initiatives = new StringBuilder();
            StringBuilder codes = new StringBuilder();
            for (int i = 0; i < 70_000; i++) {
                initiatives.append(i == 0 ? "" : ",").append("{\"id\": \"IA-HOST-A-").append(i).append("\"}");
                codes.append(i == 0 ? "" : ",").append("\"C").append(i).append('"');
            }
            Http.Response draft = as(RESPONDENT).putJson("/api/campaigns/" + YEAR + "/declarations/" + BODY,
                    "{\"version\": 0, \"initiatives\": [" + initiatives + "]}");
            assertThat(draft.status()).as(draft.toString()).isEqualTo(422);
            assertThat(draft.errorPaths()).contains("initiatives");
            Http.Response campaign = as("coordo").postJson("/api/campaigns", """
                    {"year": %1$d, "referenceDate": "%1$d-06-30", "openingDate": "%1$d-09-01", "dueDate": "%1$d-10-31",
                     "closingDate": "%1$d-11-30", "organizationCodes": [%2$s]}""".formatted(REFUSED_YEAR, codes));
            assertThat(campaign.status()).as(campaign.toString()).isEqualTo(422);
            assertThat(campaign.errorPaths()).contains("organizationCodes");
            assertThat(fingerprint()).isEqualTo(before);
        }
    }

    /**
     * Addresses: a control or badly encoded character in a parameter, a number out of range, what the firewall refuses.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Addresses {

        Stream<Arguments> pageParameters() {
            String dashboard = "/campagnes/" + YEAR;
            List<String[]> doors = List.of(
                    new String[] {"", "/portrait/" + PUBLISHED_YEAR + "/registre", "category"},
                    new String[] {"", "/portrait/" + PUBLISHED_YEAR + "/registre", "status"},
                    new String[] {"", "/portrait/" + PUBLISHED_YEAR + "/registre", "portfolio"},
                    new String[] {"", "/portrait/" + PUBLISHED_YEAR + "/registre", "body"},
                    new String[] {"gestion", dashboard, "status"},
                    new String[] {"gestion", dashboard, "sort"},
                    new String[] {"gestion", dashboard, "overdue"},
                    new String[] {"gestion", dashboard, "page"},
                    new String[] {"gestion", "/api/campaigns/" + YEAR + "/tracking", "status"},
                    new String[] {"gestion", "/organisations", "portfolio"},
                    new String[] {"gestion", "/organisations", "q"},
                    new String[] {"gestion", dashboard + "/suivi.csv", "status"});
            List<String> values = List.of("%00", "a%07b", "%C0%AF", "%ED%A0%80");
            return doors.stream().flatMap(door -> values.stream().map(value -> Arguments.of(door[0], door[1], door[2], value)));
        }

        @ParameterizedTest(name = "{1}?{2}={3}")
        @MethodSource("pageParameters")
        void a_control_or_badly_encoded_character_in_a_parameter_is_a_400_naming_it(String user, String path,
                String parameter, String value) {
            for (String accept : List.of("text/html", "application/json")) {
                Http.Response answer = as(user).get(path + "?" + parameter + "=" + value, "Accept", accept,
                        "Accept-Language", "fr");
                assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
                if (accept.equals("text/html")) {
                    assertThat(answer.body()).contains("Requête refusée").contains("contient un caractère de contrôle");
                } else {
                    assertThat(answer.errorPaths()).containsExactly(parameter);
                }
            }
        }

        @Test
        void numbers_out_of_range_in_the_address_are_answered_never_with_a_500() {
            String dashboard = "/campagnes/" + YEAR;
            // a page number is read as people edit addresses: past the last, the last; not a page, the first
            for (String query : List.of("?page=50000000", "?page=-3", "?page=0", "?page=abc", "?page=99999999999999999999")) {
                Http.Response page = as("gestion").get(dashboard + query, "Accept", "text/html");
                assertThat(page.status()).as(query).isEqualTo(200);
                assertThat(page.body()).as(query).contains("Campagne " + YEAR);
            }
            Http.Response year = as("gestion").get("/api/campaigns/abc");
            assertThat(year.status()).isEqualTo(400);
            assertThat(year.errorPaths()).containsExactly("year");
            Http.Response traversal = as("gestion").get("/api/campaigns/" + YEAR + "/declarations/..%2F..%2Fetc%2Fpasswd");
            assertThat(traversal.status()).isEqualTo(400);
            assertThat(traversal.header("Content-Type")).startsWith("application/problem+json");
            assertThat(traversal.errorPaths()).containsExactly("path");
            assertThat(Http.at(port).get("/error").status()).as("/error asked for directly").isEqualTo(404);
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
    }

    /** Pages' forms and uploads: hostile values, forged indexes, oversized or badly encoded files. */
    @Nested
    class FormsAndUploads {

        @Test
        void a_hostile_form_post_changes_nothing_and_says_what_is_wrong() {
            Http session = Http.signedIn(port, RESPONDENT, "demo");
            String page = "/mes-declarations/" + YEAR + "/" + BODY;
            for (String hostile : List.of("a\u0000b", "a\u0007b", "\u202Etxt.exe", "=HYPERLINK(\"x\")", MEGABYTE)) {
                String before = fingerprint();
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("action", "save");
                fields.put("version", "0");
                fields.put("initiatives[0].name", hostile);
                Http.Response answer = session.submit(page, fields);
                assertThat(answer.status()).as(answer.toString()).isLessThan(500).isNotEqualTo(302);
                assertThat(answer.body()).as("the page says what to fix: " + answer)
                        .containsAnyOf("class=\"error-summary\"", "Requête refusée");
                assertThat(fingerprint()).isEqualTo(before);
            }
            Http.Response tooLarge = session.submit(page, Map.of("action", "save",
                    "initiatives[0].description", "x".repeat(11 * 1024 * 1024)));
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("Formulaire : le formulaire dépasse 10 Mo");
        }

        /** Form indexes a page never sends (a word, a huge one, a negative one, an index too many): the page answers. */
        @Test
        void forged_indexes_on_the_review_page_are_ignored_and_nothing_is_decided() {
            Http reviewer = Http.signedIn(port, "analyste", "demo");
            String before = fingerprint();
            Map<String, String> forged = new LinkedHashMap<>();
            forged.put("decision", "ACCEPT");
            forged.put("comments[abc].message", "Forgé.");
            forged.put("comments[99999].message", "Forgé.");
            forged.put("overrides[-1].initiativeId", "IA-HOST-R-0001");
            forged.put("comments[0].message[0]", "Forgé.");
            Http.Response answer = reviewer.submit("/revision/" + YEAR + "/" + REVIEWED, forged);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.body()).as("asks for the confirmation, as for any decision").contains("id=\"confirm-error\"");
            assertThat(fingerprint()).as("nothing decided").isEqualTo(before);
        }

        @Test
        void hostile_uploads_are_refused_before_anything_is_stored() {
            String before = fingerprint();
            Http coordinator = as("coordo");
            byte[] header = "code,nameFr,nameEn,acronym,lggriCategory,portfolio,network,respondentEmails,escalationEmail\n"
                    .getBytes(StandardCharsets.UTF_8);
            Http.Response oversized = coordinator.postFile("/api/organizations/import", "file", "registre.csv",
                    concat(header, new byte[6 * 1024 * 1024]));
            assertThat(oversized.status()).isEqualTo(413);
            assertThat(oversized.errorPaths()).containsExactly("file");
            Http.Response latin1 = coordinator.postFile("/api/organizations/import", "file", "registre.csv",
                    concat(header, "HOST-L,Société,Society,SL,ORGANISME_BUDGETAIRE,Finances,,a@b.ca,c@d.ca\n"
                            .getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(latin1.status()).isEqualTo(422);
            assertThat(latin1.json().path("errors").toString()).contains("UTF-8");
            Http.Response formula = coordinator.postFile("/api/organizations/import", "file", "registre.csv",
                    concat(header, "HOST-F,=HYPERLINK(\"x\"),Society,SF,ORGANISME_BUDGETAIRE,Finances,,a@b.ca,c@d.ca\n"
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(formula.status()).as(formula.toString()).isLessThan(500);
            assertThat(formula.body()).contains("Nom (français) : ne doit").contains("commencer par = + - @");
            Http.Response quoted = coordinator.postFile("/api/organizations/import", "file", "registre.csv",
                    concat(header, "HOST-Q,Société Q,Society Q,SQ,ORGANISME_BUDGETAIRE,Finances,,\"\"\"j d\"\"@b.ca\",c@d.ca\n"
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(quoted.status()).as("an address that cannot sign in: " + quoted).isLessThan(500);
            Http.Response baseline = coordinator.postFile("/api/portraits/" + REFUSED_YEAR + "/baseline", "file", "portrait.csv",
                    "Nom,Catégorie\nTri,Santé\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(baseline.status()).isEqualTo(422);
            assertThat(baseline.errorPaths()).contains("file");
            Http.Response reviewerUpload = as("analyste").postFile("/mes-declarations/" + YEAR + "/" + BODY + "/import",
                    "file", "initiatives.csv", "name\nTri\n".getBytes(StandardCharsets.UTF_8));
            assertThat(reviewerUpload.status()).as("reviewers do not edit declarations").isEqualTo(403);
            assertThat(fingerprint()).as("nothing stored").isEqualTo(before);
        }
    }

    private Http as(String user) {
        return user.isEmpty() ? Http.at(port) : Http.at(port).as(user, "demo");
    }

    private Http respondent() {
        return Http.at(port).as(TYPES_RESPONDENT, "demo");
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
        return jdbc.queryForObject("select count(*) from initiative where organization_code = ?", Integer.class, TYPES_BODY);
    }

    /**
     * Every table's row count (an insert or delete anywhere shows) and the content of every row this test's doors
     * reach (an update shows): cheap enough to take before and after each request.
     */
    private String fingerprint() {
        StringBuilder print = new StringBuilder();
        for (String table : TABLES) {
            print.append(table).append('=').append(jdbc.queryForObject("select count(*) from " + table, Long.class))
                    .append(' ');
        }
        for (String rows : REACHED_ROWS) {
            print.append(jdbc.queryForObject("select md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), ''))"
                    + " from (" + rows + ") t", String.class)).append(' ');
        }
        return print.toString();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
