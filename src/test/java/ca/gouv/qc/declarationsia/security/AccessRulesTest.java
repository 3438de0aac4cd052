package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who may do what, through the real login against the Camunda identity service and the demo users. */
@IntegrationTest
class AccessRulesTest {

    private static final String PASSWORD = "demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "anonymous, /api/organizations, 401",
            "anonymous, /api/organizations/MRNF, 401",
            "coordo, /api/organizations, 200",
            "gestion, /api/organizations, 200",
            "analyste, /api/organizations, 200",
            "ia.mrnf@example.qc.ca, /api/organizations, 403",
            "ia.mrnf@example.qc.ca, /api/organizations/MRNF, 200",
            "ia.mrnf@example.qc.ca, /api/organizations/MSSS, 403",
            "ia.msss@example.qc.ca, /api/organizations/MRNF, 403",
            "gestion, /api/organizations/MRNF, 200",
    })
    void api_reads_follow_the_roles(String user, String path, int expected) throws Exception {
        mvc.perform(getAs(user, path))
                .andExpect(status().is(expected))
                .andExpect(expected >= 400 ? content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        : content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    @Test
    void a_wrong_password_is_refused() throws Exception {
        // not a demo user: after a failure Camunda delays that user's next login, which would fail other tests
        String user = TestUsers.coordinator(identity);
        mvc.perform(get("/api/organizations").with(httpBasic(user, "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
    }

    @ParameterizedTest(name = "{0} may not change the registry")
    @CsvSource({"gestion", "analyste", "ia.mrnf@example.qc.ca"})
    void only_coordinators_change_the_registry(String user) throws Exception {
        mvc.perform(put("/api/organizations/MRNF").with(httpBasic(user, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(multipart("/api/organizations/import")
                        .file(new MockMultipartFile("file", "o.csv", "text/csv", "code\n".getBytes()))
                        .with(httpBasic(user, PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} may not publish")
    @CsvSource({"gestion", "analyste", "ia.mrnf@example.qc.ca"})
    void only_coordinators_import_a_baseline_or_publish_an_erratum(String user) throws Exception {
        mvc.perform(multipart("/api/portraits/{year}/baseline", 2078)
                        .file(new MockMultipartFile("file", "portrait.csv", "text/csv", "Statut\n".getBytes()))
                        .with(httpBasic(user, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/portraits/{year}/errata", 2078)
                        .with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"changeNote\": \"x\"}"))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "anonymous, /, 200",
            "anonymous, /login, 200",
            "coordo, /organisations, 200",
            "gestion, /organisations, 200",
            "analyste, /organisations, 200",
            "ia.mrnf@example.qc.ca, /organisations, 403",
            "coordo, /dev/mail, 200",
            "gestion, /dev/mail, 403",
            "ia.mrnf@example.qc.ca, /mes-declarations, 200",
    })
    void pages_follow_the_roles(String user, String path, int expected) throws Exception {
        mvc.perform(getAs(user, path)).andExpect(status().is(expected));
    }

    private static MockHttpServletRequestBuilder getAs(String user, String path) {
        return "anonymous".equals(user) ? get(path) : get(path).with(httpBasic(user, PASSWORD));
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() throws Exception {
        mvc.perform(get("/organisations").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/camunda/app/cockpit/default/").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void a_session_cannot_post_without_its_csrf_token() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "o.csv", "text/csv", "code\n".getBytes());
        // the session is Spring Session's (in PostgreSQL): it travels in its cookie, as a browser sends it
        jakarta.servlet.http.Cookie session = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                        .param("username", "coordo").param("password", PASSWORD).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(multipart("/organisations/import").file(file).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(multipart("/organisations/import").file(file).cookie(session).with(csrf()))
                .andExpect(status().isFound()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/organisations"));
    }

    @Test
    void pages_carry_security_headers() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void the_engine_rest_api_needs_credentials_and_applies_camunda_authorizations() {
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        var asManager = rest.withBasicAuth("gestion", PASSWORD)
                .getForEntity("/engine-rest/process-definition?latestVersion=true", String.class);
        assertThat(asManager.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asManager.getBody()).contains("annual-campaign", "organization-declaration");
        var asRespondent = rest.withBasicAuth("ia.mrnf@example.qc.ca", PASSWORD)
                .getForEntity("/engine-rest/process-definition?latestVersion=true", String.class);
        assertThat(asRespondent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asRespondent.getBody()).as("a respondent reads no process definition").isEqualTo("[]");
    }
}
