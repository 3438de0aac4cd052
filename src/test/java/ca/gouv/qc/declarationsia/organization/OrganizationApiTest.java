package ca.gouv.qc.declarationsia.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registry's doors: a coordinator creates and updates bodies through the API (their respondents get accounts),
 * every refusal names its field, an import is a file or a raw CSV body; the registry's page
 * ({@link RegistryPage}) filters, sorts and pages the bodies.
 */
@IntegrationTest
class OrganizationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    IdentityService identity;

    private static final String VALID = """
            {"nameFr": "Société québécoise de test", "nameEn": "Québec Test Corporation", "acronym": "SQT",
             "lggriCategory": "ORGANISME_NON_BUDGETAIRE", "portfolio": "Finances",
             "respondents": [{"name": "Marie Tremblay", "email": "Marie.Tremblay@sqt.example.qc.ca"}],
             "escalationContact": {"name": "Jean Roy", "email": "dri@sqt.example.qc.ca"}}
            """;

    @Test
    void a_coordinator_creates_then_updates_an_organization_and_its_respondents_get_accounts() throws Exception {
        mvc.perform(asCoordinator(put("/api/organizations/SQT-1")).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("SQT-1"))
                .andExpect(jsonPath("$.portfolio").value("FINANCES"))
                .andExpect(jsonPath("$.network").value(false))
                .andExpect(jsonPath("$.respondents[0].email").value("marie.tremblay@sqt.example.qc.ca"));

        assertThat(identity.createUserQuery().userId("marie.tremblay@sqt.example.qc.ca").memberOfGroup("org-SQT-1").count())
                .as("respondent account in group org-SQT-1").isOne();

        String replacedRespondent = VALID.replace("Marie.Tremblay@sqt", "luc.cote@sqt").replace("Marie Tremblay", "Luc Côté");
        mvc.perform(asCoordinator(put("/api/organizations/SQT-1")).content(replacedRespondent))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respondents[0].email").value("luc.cote@sqt.example.qc.ca"));

        assertThat(identity.createUserQuery().memberOfGroup("org-SQT-1").list())
                .extracting(user -> user.getId()).containsExactly("luc.cote@sqt.example.qc.ca");
        assertThat(identity.createUserQuery().userId("luc.cote@sqt.example.qc.ca").singleResult().getFirstName())
                .isEqualTo("Luc");
    }

    @Test
    void invalid_input_lists_every_error_by_field_in_french_and_changes_nothing() throws Exception {
        String invalid = """
                {"nameFr": "", "nameEn": "x", "lggriCategory": "MINISTRY", "portfolio": "Atlantide",
                 "respondents": [{"email": "not-an-email"}], "escalationContact": {"email": "=cmd|' /C calc'!A0"}}
                """;
        mvc.perform(asCoordinator(put("/api/organizations/BAD-1")).content(invalid))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].path", hasItem("nameFr")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("lggriCategory")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("portfolio")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("respondents[0].email")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("escalationContact.email")))
                .andExpect(jsonPath("$.errors[?(@.path == 'nameFr')].message", hasItem("Nom (français) : obligatoire")))
                .andExpect(jsonPath("$.errors[?(@.path == 'lggriCategory')].message",
                        hasItem(containsString("MINISTERE, ORGANISME_BUDGETAIRE"))))
                .andExpect(jsonPath("$.errors[?(@.path == 'portfolio')].code", hasItem("Unknown")));

        assertThat(organizations.existsById("BAD-1")).isFalse();
        assertThat(identity.createGroupQuery().groupId("org-BAD-1").count()).isZero();
    }

    @Test
    void errors_come_in_english_for_an_english_caller() throws Exception {
        mvc.perform(asCoordinator(put("/api/organizations/BAD-2")).header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA")
                        .content(VALID.replace("\"Société québécoise de test\"", "\"\"")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.title").value("Invalid data"))
                .andExpect(jsonPath("$.errors[0].message").value("Name (French): required"));
    }

    @Test
    void a_bad_code_and_a_name_already_taken_are_refused() throws Exception {
        mvc.perform(asCoordinator(put("/api/organizations/bad code")).content(VALID))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("code"));
        mvc.perform(asCoordinator(put("/api/organizations/SQT-DUP"))
                        .content(VALID.replace("Société québécoise de test", "Ministère des Ressources naturelles et des Forêts")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("Duplicate"))
                .andExpect(jsonPath("$.errors[0].message", containsString("MRNF")));
    }

    @Test
    void malformed_json_is_a_clear_400() throws Exception {
        mvc.perform(asCoordinator(put("/api/organizations/SQT-2")).content("{\"nameFr\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Requête illisible"));
    }

    /** The import's door (its rows are OrganizationCsvImportTest's): a file or a raw CSV body; a refusal a 422 problem. */
    @Test
    void an_import_is_a_file_or_a_raw_csv_body_and_a_file_refused_whole_is_a_422_naming_its_reason() throws Exception {
        String header = "code,nameFr,nameEn,acronym,lggriCategory,portfolio,network,respondentEmails,escalationEmail\n";
        mvc.perform(multipart("/api/organizations/import").file(new MockMultipartFile("file", "organismes.csv", "text/csv",
                        (header + "API-CSV-1,Organisme importé,Imported body,,AUTRE,FINANCES,,i@api-csv.example.qc.ca,"
                                + "dri@api-csv.example.qc.ca\n").getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("coordo", "demo")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).as("the import's report")
                        .contains("\"created\":1").contains("\"rejected\":[]"));
        mvc.perform(post("/api/organizations/import").with(httpBasic("coordo", "demo"))
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .content(("\uFEFF" + header + "API-CSV-2,Organisme au BOM,BOM body,,AUTRE,FINANCES,,b@api-csv.example.qc.ca,"
                                + "dri@api-csv.example.qc.ca\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        assertThat(organizations.existsById("API-CSV-1")).isTrue();
        assertThat(organizations.existsById("API-CSV-2")).isTrue();

        mvc.perform(multipart("/api/organizations/import").file(new MockMultipartFile("file", "latin1.csv", "text/csv",
                        (header + "API-CSV-3,Société,Body,,AUTRE,FINANCES,,e@api-csv.example.qc.ca,dri@api-csv.example.qc.ca\n")
                                .getBytes(StandardCharsets.ISO_8859_1)))
                        .with(httpBasic("coordo", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].code").value("Encoding"))
                .andExpect(jsonPath("$.errors[0].message", containsString("UTF-8")));
        assertThat(organizations.existsById("API-CSV-3")).isFalse();
    }

    /** The coordinators' registry page filters in the database, ignoring accents, and sorts the French way. */
    @Nested
    class RegistryPage {

        @Test
        void a_search_without_accents_finds_the_accented_name() throws Exception {
            assertThat(codesListed("/organisations?q=cegep de levis")).containsExactly("CEGEP-LEVIS");
            assertThat(codesListed("/organisations?q=MRNF")).containsExactly("MRNF");
        }

        @Test
        void filters_combine_category_and_portfolio() throws Exception {
            List<String> codes = codesListed("/organisations?category=RESEAU_SANTE&portfolio=SANTE&active=true");
            assertThat(codes).contains("CHUM", "SANTE-QC").doesNotContain("MSSS", "RAMQ");
        }

        @Test
        void names_are_in_french_alphabetical_order() throws Exception {
            List<String> codes = codesListed("/organisations?q=cegep de");
            // "Cégep de Chicoutimi" < "Cégep de l'Abitibi…" < "Cégep de Lévis": accents and case do not reorder them
            assertThat(codes.indexOf("CEGEP-CHICOUTIMI")).isLessThan(codes.indexOf("CEGEP-AT"));
            assertThat(codes.indexOf("CEGEP-AT")).isLessThan(codes.indexOf("CEGEP-LEVIS"));
        }

        @Test
        void the_registry_shows_50_bodies_a_page_and_any_page_number_answers_without_an_error() throws Exception {
            String first = page("/organisations");
            // "1 312 organisme(s)" once the whole suite has created its bodies: Québec's thousands separator
            String shownTotal = find(first, ">([\\d\u00A0\u202F ]+) organisme\\(s\\)");
            int total = Integer.parseInt(shownTotal.replaceAll("\\D", ""));
            int pages = (total + 49) / 50;
            assertThat(total).as("the 139 seeded bodies at least").isGreaterThanOrEqualTo(139);
            assertThat(codesListed("/organisations")).hasSize(50);
            assertThat(first).contains("Page 1 sur " + pages + " : 1 à 50 sur " + shownTotal, "rel=\"next\"");
            assertThat(page("/organisations?page=2")).contains("Page 2 sur " + pages + " : 51 à 100 sur " + shownTotal);
            // past the last page, the last; anything that is not a page, the first
            for (String beyond : List.of("50000000", "99999999999999")) {
                assertThat(page("/organisations?page=" + beyond)).as(beyond).contains("Page " + pages + " sur " + pages);
            }
            for (String nonsense : List.of("-4", "0", "abc", "", "2.5")) {
                assertThat(page("/organisations?page=" + nonsense)).as(nonsense).contains("Page 1 sur " + pages);
            }
            assertThat(page("/organisations?q=cegep de levis&page=7")).as("one page only: no page links")
                    .contains("CEGEP-LEVIS").doesNotContain("rel=\"next\"", "rel=\"prev\"");
            // the 20 seeded cégeps, and those other tests register: one page, the page asked beyond it
            String cegeps = page("/organisations?page=2&category=CEGEP");
            assertThat(cegeps).contains("CEGEP-LEVIS").doesNotContain("Page 2");
            assertThat(Integer.parseInt(find(cegeps, ">(\\d+) organisme\\(s\\)"))).isBetween(20, 50);
            assertThat(page("/organisations?page=1&active=true")).as("the filters kept in the page links")
                    .contains("href=\"/organisations?active=true&amp;page=2\"");
        }

        private String page(String url) throws Exception {
            return mvc.perform(get(url).with(httpBasic("gestion", "demo")))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        }

        private static String find(String html, String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(html);
            assertThat(matcher.find()).as(regex).isTrue();
            return matcher.group(1);
        }

        private List<String> codesListed(String url) throws Exception {
            String html = mvc.perform(get(url).with(httpBasic("gestion", "demo")))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Matcher row = Pattern.compile("<tr>\\s*<td>([A-Z0-9-]+)</td>").matcher(html);
            List<String> codes = new java.util.ArrayList<>();
            while (row.find()) {
                codes.add(row.group(1));
            }
            return codes;
        }
    }

    private static MockHttpServletRequestBuilder asCoordinator(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON);
    }
}
