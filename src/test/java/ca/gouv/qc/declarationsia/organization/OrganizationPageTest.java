package ca.gouv.qc.declarationsia.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The coordinators' registry page filters in the database, ignoring accents, and sorts the French way. */
@IntegrationTest
class OrganizationPageTest {

    @Autowired
    MockMvc mvc;

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
