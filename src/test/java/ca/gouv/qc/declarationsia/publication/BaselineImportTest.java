package ca.gouv.qc.declarationsia.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** An earlier edition's open data becomes the baseline the first year run here is compared with. */
@IntegrationTest
class BaselineImportTest {

    private static final int BASELINE = 2058;
    private static final String HEADER = "\"Nom de l'actif, du projet ou de l'initiative\",Catégorie,Organisme responsable,"
            + "Portefeuille ministériel,Bénéfices,Statut\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    Editions editions;

    @Test
    void an_earlier_edition_is_imported_as_a_baseline_and_the_next_year_reports_its_change() throws Exception {
        upload(BASELINE, HEADER + "Agent,Assistant/agent conversationnel,Ministère des Ressources naturelles et des Forêts,"
                + "Ressources naturelles et Forêts,Réponses,Solution en production\n"
                + "Tri,Automatisation,Ministère des ressources naturelles et des forets,Ressources naturelles et Forêts,"
                + "Délais,Développement de la solution\n"
                + "Drone,Gestion géomatique et géospatiale,Un organisme disparu,Finances,Cartes,Solution en production\n",
                "coordo")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.totalInitiatives").value(3))
                .andExpect(jsonPath("$.organizationsWithInitiatives").value(2))
                .andExpect(jsonPath("$.byStatus.SOLUTION_EN_PRODUCTION").value(2));

        upload(BASELINE, HEADER, "coordo").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString(String.valueOf(BASELINE))));
        upload(BASELINE + 20, HEADER + "X,Robotique,MRNF,Finances,B,Solution en production\n", "coordo")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("Ligne 2")))
                .andExpect(jsonPath("$.errors[0].message", containsString("Robotique")));
        upload(BASELINE + 20, HEADER, "gestion").andExpect(status().isForbidden());

        editions.publish(BASELINE + 1, "coordo", null);
        Portrait next = editions.portrait(BASELINE + 1);
        assertThat(next.previousYear()).isEqualTo(BASELINE);
        assertThat(next.changeAbsolute()).isEqualTo(-3);
        assertThat(next.changePercent()).isEqualTo(-100.0);
    }

    private ResultActions upload(int year, String csv, String user) throws Exception {
        return mvc.perform(multipart("/api/portraits/{year}/baseline", year)
                .file(new MockMultipartFile("file", "portrait.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(user, "demo")));
    }
}
