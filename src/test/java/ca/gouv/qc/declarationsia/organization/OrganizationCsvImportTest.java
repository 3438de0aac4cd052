package ca.gouv.qc.declarationsia.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class OrganizationCsvImportTest {

    private static final String HEADER = "code,nameFr,nameEn,acronym,lggriCategory,portfolio,network,respondentEmails,escalationEmail\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    IdentityService identity;

    @Test
    void good_rows_are_saved_and_each_bad_row_is_reported_with_its_line_and_reason() throws Exception {
        String csv = HEADER
                + "CSV-OK1,Commission de test un,Test Commission One,CTU,ORGANISME_BUDGETAIRE,JUSTICE,non,a@csv.example.qc.ca;b@csv.example.qc.ca,dri1@csv.example.qc.ca\n"
                + "CSV-BAD1,Commission de test deux,Test Commission Two,,PAS_UNE_CATEGORIE,JUSTICE,,c@csv.example.qc.ca,dri2@csv.example.qc.ca\n"
                + "CSV-OK2,\"Cégep de test, campus « Nord »\",Test CEGEP,,CEGEP,Enseignement supérieur,,d@csv.example.qc.ca,dri3@csv.example.qc.ca\n";

        importCsv(csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.rejected.length()").value(1))
                .andExpect(jsonPath("$.rejected[0].line").value(3))
                .andExpect(jsonPath("$.rejected[0].code").value("CSV-BAD1"))
                .andExpect(jsonPath("$.rejected[0].reasons[0]", containsString("Catégorie LGGRI : code inconnu")));

        Organization cegep = organizations.findById("CSV-OK2").orElseThrow();
        assertThat(cegep.nameFr()).isEqualTo("Cégep de test, campus « Nord »");
        assertThat(cegep.network()).as("a CEGEP is a network body").isTrue();
        assertThat(cegep.portfolioCode()).isEqualTo("ENSEIGNEMENT_SUPERIEUR");
        assertThat(organizations.findById("CSV-OK1").orElseThrow().respondents()).hasSize(2);
        assertThat(identity.createUserQuery().memberOfGroup("org-CSV-OK1").count()).isEqualTo(2);
        assertThat(organizations.existsById("CSV-BAD1")).isFalse();

        importCsv(HEADER + "CSV-OK1,Commission de test un,Test Commission One,CTU,ORGANISME_BUDGETAIRE,JUSTICE,non,a@csv.example.qc.ca,dri1@csv.example.qc.ca\n")
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(identity.createUserQuery().memberOfGroup("org-CSV-OK1").count())
                .as("b@ is no longer a respondent").isOne();
    }

    @Test
    void hostile_rows_are_refused_and_leave_nothing_behind() throws Exception {
        String huge = "x".repeat(10_000);
        String csv = HEADER
                + "HOST-1,=cmd|' /C calc'!A0,Formula,,AUTRE,FINANCES,,h1@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-2,<script>alert(1)</script>,Script,,AUTRE,FINANCES,,h2@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-3," + huge + ",Huge,,AUTRE,FINANCES,,h3@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-4,Nom correct,Good name,,AUTRE,FINANCES,,@SUM(1+1)@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "=HYPERLINK(\"x\"),Nom,Name,,AUTRE,FINANCES,,h5@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-6,Trop,de,colonnes,AUTRE,FINANCES,,h6@host.example.qc.ca,dri@host.example.qc.ca,extra\n"
                + "HOST-7,Nom avec\u0007cloche,Bell,,AUTRE,FINANCES,peut-être,h7@host.example.qc.ca,dri@host.example.qc.ca\n";

        importCsv(csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.rejected.length()").value(7))
                .andExpect(jsonPath("$.rejected[0].reasons[0]", containsString("Nom (français) : ne doit contenir")))
                .andExpect(jsonPath("$.rejected[1].reasons[0]", containsString("balise")))
                .andExpect(jsonPath("$.rejected[2].reasons[0]", containsString("au plus 200 caractères")))
                .andExpect(jsonPath("$.rejected[4].reasons[0]", containsString("Code")))
                .andExpect(jsonPath("$.rejected[5].reasons[0]", containsString("colonnes")))
                .andExpect(jsonPath("$.rejected[6].reasons[0]", containsString("Réseau")));

        for (String code : new String[] {"HOST-1", "HOST-2", "HOST-3", "HOST-4", "HOST-6", "HOST-7"}) {
            assertThat(organizations.existsById(code)).as(code).isFalse();
            assertThat(identity.createGroupQuery().groupId("org-" + code).count()).as("group of " + code).isZero();
        }
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_whole() throws Exception {
        byte[] latin1 = (HEADER + "ENC-1,Société d'encodage,Encoding Corp,,AUTRE,FINANCES,,e@enc.example.qc.ca,dri@enc.example.qc.ca\n")
                .getBytes(Charset.forName("ISO-8859-1"));
        mvc.perform(multipart("/api/organizations/import").file(new MockMultipartFile("file", "latin1.csv", "text/csv", latin1))
                        .with(httpBasic("coordo", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("Encoding"))
                .andExpect(jsonPath("$.errors[0].message", containsString("UTF-8")));
        assertThat(organizations.existsById("ENC-1")).isFalse();
    }

    @Test
    void a_file_missing_required_columns_is_refused_whole() throws Exception {
        importCsv("code,nameFr\nMISS-1,Nom\n")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("MissingColumns"))
                .andExpect(jsonPath("$.errors[0].message", containsString("colonnes manquantes : lggriCategory, portfolio")));
    }

    @Test
    void a_byte_order_mark_and_a_raw_csv_body_are_accepted() throws Exception {
        String csv = "\uFEFF" + HEADER + "BOM-1,Organisme au BOM,BOM body,,AUTRE,FINANCES,,b@bom.example.qc.ca,dri@bom.example.qc.ca\n";
        mvc.perform(post("/api/organizations/import").with(httpBasic("coordo", "demo"))
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        assertThat(organizations.existsById("BOM-1")).isTrue();
    }

    @Test
    void the_seeded_registry_spans_every_lggri_category() {
        assertThat(organizations.count()).isGreaterThanOrEqualTo(120);
        assertThat(organizations.findAll()).extracting(Organization::lggriCategory).contains(LggriCategory.values());
    }

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(multipart("/api/organizations/import")
                .file(new MockMultipartFile("file", "organismes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("coordo", "demo")));
    }
}
