package ca.gouv.qc.declarationsia.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** Each role logs in and the home page shows its own navigation and next step, in French first. */
@IntegrationTest
class NavigationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Test
    void the_login_form_logs_a_demo_user_in_and_a_wrong_password_says_so() throws Exception {
        mvc.perform(post("/login").param("username", "coordo").param("password", "demo").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        String other = TestUsers.coordinator(identity);
        mvc.perform(post("/login").param("username", other).param("password", "nope").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Identifiant ou mot de passe incorrect.")));
    }

    @Test
    void a_coordinator_sees_the_registry_users_and_mail() throws Exception {
        mvc.perform(get("/").with(httpBasic("coordo", "demo")))
                .andExpect(content().string(allOf(containsString("href=\"/organisations\""),
                        containsString("href=\"/camunda/app/admin/\""), containsString("href=\"/dev/mail\""),
                        containsString("Coordination des campagnes"), containsString("href=\"/campagnes\""),
                        not(containsString("href=\"/mes-declarations\"")))));
    }

    @Test
    void a_reviewer_is_pointed_to_its_review_tasks() throws Exception {
        mvc.perform(get("/").with(httpBasic("analyste", "demo")))
                .andExpect(content().string(allOf(containsString("Révision des déclarations"),
                        containsString("href=\"/camunda/app/tasklist/\""), not(containsString("href=\"/camunda/app/admin/\"")),
                        not(containsString("href=\"/dev/mail\"")))));
    }

    @Test
    void a_manager_is_pointed_to_cockpit() throws Exception {
        mvc.perform(get("/").with(httpBasic("gestion", "demo")))
                .andExpect(content().string(allOf(containsString("href=\"/camunda/app/cockpit/\""),
                        not(containsString("href=\"/camunda/app/admin/\"")))));
    }

    @Test
    void a_respondent_sees_its_organization_and_its_declarations_page() throws Exception {
        mvc.perform(get("/").with(httpBasic("ia.mrnf@example.qc.ca", "demo")))
                .andExpect(content().string(allOf(containsString("Ministère des Ressources naturelles et des Forêts"),
                        containsString("href=\"/mes-declarations\""), not(containsString("href=\"/organisations\"")))));
        mvc.perform(get("/mes-declarations").with(httpBasic("ia.mrnf@example.qc.ca", "demo")))
                .andExpect(content().string(containsString("Aucune campagne ouverte pour le moment")));
    }

    @Test
    /** Whatever the language asked for, the page speaks Québec's: en-CA, fr-CA. */
    void the_english_switch_is_remembered_and_english_browsers_get_english() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("lang=\"en\""),
                        containsString("Annual declaration of artificial intelligence initiatives"))))
                .andExpect(cookie().value("langue", "en-CA"));
        mvc.perform(get("/").param("lang", "fr"))
                .andExpect(cookie().value("langue", "fr-CA"));
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"))
                .andExpect(content().string(containsString("Sign in")));
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
                .andExpect(content().string(allOf(containsString("lang=\"fr\""), containsString("Se connecter"))));
    }

    @Test
    void an_unknown_page_answers_404_in_the_layout() throws Exception {
        mvc.perform(get("/nulle-part").with(httpBasic("coordo", "demo")))
                .andExpect(status().isNotFound());
    }
}
