package ca.gouv.qc.declarationsia.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.SubmitForm;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/** The reviewer's pages: what awaits review, one declaration with what changed, the decision with its comments. */
@IntegrationTest
class ReviewPageTest {

    private static final int YEAR = 2084;
    private static final String ORG = "REV-PAGE";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationService declarations;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void a_reviewer_reads_what_changed_and_requests_a_correction_from_the_page() throws Exception {
        TestOrganizations.create(organizations, ORG);
        campaigns.create(YEAR, List.of(ORG));
        transactions.executeWithoutResult(status -> opening.open(YEAR, ORG));
        campaigns.runDueJobs(YEAR);
        SystemAuthentication.runAsSystem(() -> {
            declarations.saveDraft(YEAR, ORG, new DeclarationForm(false,
                    new DeclarationForm.Person("Rita", "ia.rev-page@example.qc.ca"), null, List.of(initiative())));
            return declarations.submit(YEAR, ORG, new SubmitForm(true, new SubmitForm.Signatory("Denise", "DPI",
                    "dri.rev-page@example.qc.ca")));
        });
        campaigns.runDueJobs(YEAR);
        String url = "/revision/" + YEAR + "/" + ORG;

        mvc.perform(get("/revision").with(httpBasic("analyste", "demo")))
                .andExpect(content().string(containsString("href=\"" + url + "\"")));
        String page = mvc.perform(get(url).with(httpBasic("analyste", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("IA-REV-PAGE-0001"), containsString("Prévision des crues"),
                        containsString("nouvelle cette année"), containsString("Enregistrer la décision"))))
                .andReturn().getResponse().getContentAsString();
        // the field catalogue drives the page: a comment may name each field it says is commentable, in its order,
        // and the comparison shows each field of an initiative (but its id, the heading), in its order
        assertThat(matches(page, "<select id=\"comment-field0\"[^>]*>(.*?)</select>", "<option value=\"(\\w*)\""))
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                        FieldCatalogue.commentable().stream().map(FieldCatalogue.Field::name)).toList());
        assertThat(matches(page, "<tbody>(.*?)</tbody>", "<th scope=\"row\">([^<]*)</th>"))
                .containsExactlyElementsOf(FieldCatalogue.initiative().stream()
                        .filter(field -> field.type() != FieldCatalogue.Type.ID)
                        .map(field -> messages.getMessage(field.labelKey(), null, Locale.CANADA_FRENCH)).toList());

        mvc.perform(post(url).with(httpBasic("analyste", "demo")).with(csrf()).param("decision", "ACCEPT"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Confirmation de la décision : cochez la case pour confirmer"),
                        containsString("id=\"confirm-error\""))));
        assertThat(jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, YEAR, ORG)).as("nothing decided without the confirmation").isEqualTo("EN_REVISION");
        mvc.perform(post(url).with(httpBasic("analyste", "demo")).with(csrf()).param("decision", "ACCEPT")
                        .param("comments[abc].message", "Forgé.").param("comments[99999].message", "Forgé.")
                        .param("overrides[-1].initiativeId", "IA-REV-PAGE-0001").param("comments[0].message[0]", "Forgé."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirm-error\"")));
        mvc.perform(post(url).with(httpBasic("analyste", "demo")).with(csrf()).param("decision", "REQUEST_CORRECTIONS")
                        .param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("au moins un commentaire")));
        mvc.perform(post(url).with(httpBasic("analyste", "demo")).with(csrf()).param("decision", "REQUEST_CORRECTIONS")
                        .param("confirmed", "true").param("comments[0].initiativeId", "IA-REV-PAGE-0001").param("comments[0].field", "benefits")
                        .param("comments[0].message", "Chiffrez les bénéfices.")
                        .param("comments[1].initiativeId", "").param("comments[1].field", "contact")
                        .param("comments[1].message", "Nommez une personne.")
                        .param("overrides[0].initiativeId", "IA-REV-PAGE-0001").param("overrides[0].genericProductName", ""))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/revision"));
        assertThat(jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, YEAR, ORG)).isEqualTo("A_CORRIGER");
        assertThat(jdbc.queryForList("select body from mail_outbox where organization_code = ? and campaign_year = ? "
                + "and kind = 'CORRECTIONS_REQUESTED'", String.class, ORG, YEAR))
                .as("the respondents' mail names each commented field by its label, the declaration's as well")
                .isNotEmpty().allSatisfy(body -> assertThat(body)
                        .contains("IA-REV-PAGE-0001, Bénéfices : Chiffrez les bénéfices.",
                                "La déclaration entière, Nom de la personne-ressource : Nommez une personne.")
                        .doesNotContain("??"));

        mvc.perform(get("/mes-declarations/" + YEAR + "/" + ORG).with(httpBasic("coordo", "demo")))
                .andExpect(content().string(allOf(containsString("Commentaires de l’analyste"),
                        containsString("Chiffrez les bénéfices."))));
        mvc.perform(post(url).with(httpBasic("ia.mrnf@example.qc.ca", "demo")).with(csrf()).param("decision", "ACCEPT")
                        .param("confirmed", "true"))
                .andExpect(status().isForbidden());
    }

    private static DeclarationForm.InitiativeForm initiative() {
        return new DeclarationForm.InitiativeForm(null, "Prévision des crues", "PROJET",
                "Prévoir les crues printanières à partir des relevés.", "AIDE_DECISION_PREDICTION", null, "Alertes plus tôt",
                "EXPLORATION", "2083-11", null, null, true, false, false, "DEVELOPPEMENT_INTERNE", null, null, "NON", null,
                "AIDE_A_LA_DECISION", "HUMAIN_DANS_LA_BOUCLE", "NON_EVALUE", "Prévision des crues.");
    }

    /** What {@code item} captures within the first match of {@code region}. */
    private static List<String> matches(String page, String region, String item) {
        Matcher within = Pattern.compile(region, Pattern.DOTALL).matcher(page);
        assertThat(within.find()).as(region).isTrue();
        return Pattern.compile(item).matcher(within.group(1)).results().map(found -> HtmlUtils.htmlUnescape(found.group(1)))
                .toList();
    }
}
