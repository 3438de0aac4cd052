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
