package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.Browser;
import ca.gouv.qc.declarationsia.support.Http;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestUsers;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may do what at our pages and API, through the real login against the Camunda identity service and the demo
 * users: each role's reads and writes, signing in (and a guesser slowed, never the owner locked out), sessions and
 * their CSRF token, the headers every answer carries, and what each role's home page shows it. The engine's REST API,
 * the other door, is {@code EngineDoorsTest}'s.
 */
@IntegrationTest
class AccessRulesTest {

    private static final String PASSWORD = "demo";
    /** A year no campaign has: every request about it here is refused, and must stay so. */
    private static final int REFUSED_YEAR = TestYears.take();

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void forgetFailedLogins() {
        jdbc.update("delete from login_throttle");
    }

    private static MockHttpServletRequestBuilder getAs(String user, String path) {
        return "anonymous".equals(user) ? get(path) : get(path).with(httpBasic(user, PASSWORD));
    }

    /** Each role's reads and writes, page and API. */
    @Nested
    class ReadsAndWrites {

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
            mvc.perform(multipart("/api/portraits/{year}/baseline", REFUSED_YEAR)
                            .file(new MockMultipartFile("file", "portrait.csv", "text/csv", "Statut\n".getBytes()))
                            .with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(post("/api/portraits/{year}/errata", REFUSED_YEAR)
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

        /** Whatever the declaration (the first barrier is by role): a respondent takes no reviewer's decision. */
        @Test
        void a_respondent_decides_on_no_declaration() throws Exception {
            mvc.perform(post("/revision/" + REFUSED_YEAR + "/MRNF").with(httpBasic("ia.mrnf@example.qc.ca", PASSWORD)).with(csrf())
                            .param("decision", "ACCEPT").param("confirmed", "true"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void an_anonymous_visitor_is_sent_to_the_login_page() throws Exception {
            mvc.perform(get("/organisations").accept(MediaType.TEXT_HTML))
                    .andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
            mvc.perform(get("/camunda/app/cockpit/default/").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                    .andExpect(redirectedUrlPattern("**/login"));
        }
    }

    /** Signing in: the form, a wrong password, and a guesser slowed by address and account, never the owner. */
    @Nested
    class SignIn {

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
        void a_wrong_password_is_refused() throws Exception {
            // not a demo user: after a failure Camunda delays that user's next login, which would fail other tests
            String user = TestUsers.coordinator(identity);
            mvc.perform(get("/api/organizations").with(httpBasic(user, "wrong")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
        }

        @Test
        void a_guesser_is_slowed_by_address_and_account_and_the_owner_is_never_locked_out() {
            String account = TestUsers.coordinator(identity);
            Http guesser = Http.at(port).as(account, "wrong");

            for (int failure = 1; failure <= LoginThrottle.FREE_FAILURES; failure++) {
                assertThat(guesser.get("/api/campaigns").status()).as("failure %d", failure).isEqualTo(401);
            }
            Http.Response throttled = guesser.get("/api/campaigns");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isEqualTo("30");
            assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
            assertThat(throttled.json().path("detail").asText()).contains("Réessayez dans 1 minute");
            assertThat(Http.at(port).as(account, "wrong").get("/engine-rest/task").status())
                    .as("the engine REST API is paced alike").isEqualTo(429);
            assertThat(Http.at(port).as(account, TestUsers.PASSWORD).get("/api/campaigns").status())
                    .as("from the guesser's address, even the right password waits").isEqualTo(429);

            Http owner = Http.at(port).fromOtherAddress().as(account, TestUsers.PASSWORD);
            assertThat(owner.get("/api/campaigns").status()).as("the owner, elsewhere, is not slowed").isEqualTo(200);
            assertThat(owner.get("/engine-rest/task").status()).isEqualTo(200);
            assertThat(Http.at(port).fromOtherAddress().signIn(account, TestUsers.PASSWORD).get("/campagnes").status())
                    .as("nor on the login page").isEqualTo(200);

            Http coordinator = Http.at(port).fromOtherAddress().as(TestUsers.coordinator(identity), TestUsers.PASSWORD);
            Http.Response unlocked = coordinator.postJson("/api/accounts/" + account + "/unlock", "");
            assertThat(unlocked.status()).isEqualTo(200);
            assertThat(Http.at(port).as(account, TestUsers.PASSWORD).get("/api/campaigns").status())
                    .as("a coordinator's unlock lets the address try again at once").isEqualTo(200);
        }

        @Test
        void one_wrong_password_never_delays_the_right_one() {
            String account = TestUsers.coordinator(identity);
            assertThat(Http.at(port).as(account, "typo").get("/api/campaigns").status()).isEqualTo(401);
            assertThat(Http.at(port).as(account, TestUsers.PASSWORD).get("/api/campaigns").status()).isEqualTo(200);
            for (int failure = 0; failure < 12; failure++) {
                Http.at(port).fromOtherAddress().as(account, "stranger").get("/api/campaigns");
            }
            assertThat(Http.at(port).as(account, TestUsers.PASSWORD).get("/api/campaigns").status())
                    .as("twelve failures of a stranger lock nobody out").isEqualTo(200);
        }

        @Test
        void the_login_page_says_how_long_to_wait() {
            String account = TestUsers.coordinator(identity);
            Browser browser = Browser.start(port);
            try {
                for (int failure = 0; failure < LoginThrottle.FREE_FAILURES; failure++) {
                    browser.attemptLogIn(account, "wrong");
                }
                browser.attemptLogIn(account, TestUsers.PASSWORD);
                assertThat(browser.text("[role=alert]")).contains("Trop de tentatives").contains("Réessayez dans 1 minute");
                assertThat(browser.url()).as("not signed in").contains("/login");
                browser.screenshot("login-throttled");
                browser.assertAccessible("login (throttled)");
            } finally {
                browser.quit();
            }
            Http.Response page = Http.at(port).postForm("/login", Map.of("username", account, "password", "x"));
            assertThat(page.status()).as("no token, no sign-in attempt").isEqualTo(403);
        }
    }

    /** A signed-in session's writes carry its CSRF token; every answer carries the headers that keep it safe. */
    @Nested
    class SessionsAndHeaders {

        @Test
        void a_session_cannot_post_without_its_csrf_token() throws Exception {
            MockMultipartFile file = new MockMultipartFile("file", "o.csv", "text/csv", "code\n".getBytes());
            // the session is Spring Session's (in PostgreSQL): it travels in its cookie, as a browser sends it
            jakarta.servlet.http.Cookie session = mvc.perform(post("/login")
                            .param("username", "coordo").param("password", PASSWORD).with(csrf()))
                    .andExpect(status().isFound()).andReturn().getResponse().getCookie("SESSION");
            mvc.perform(multipart("/organisations/import").file(file).cookie(session)).andExpect(status().isForbidden());
            mvc.perform(multipart("/organisations/import").file(file).cookie(session).with(csrf()))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/organisations"));
        }

        @Test
        void csrf_is_skipped_only_for_basic_credentials_and_a_refusal_keeps_the_session() {
            String coordinator = TestUsers.coordinator(identity);
            Http session = Http.signedIn(port, coordinator, TestUsers.PASSWORD);
            String newCampaign = "{\"year\": " + REFUSED_YEAR + "}";

            Http.Response bearer = session.postJson("/api/campaigns", newCampaign, "Authorization", "Bearer x");
            assertThat(bearer.status()).as("a session with any Authorization header still needs its token").isEqualTo(403);
            assertThat(session.postJson("/api/campaigns", newCampaign).status()).isEqualTo(403);
            Http.Response basic = Http.at(port).as(coordinator, TestUsers.PASSWORD).postJson("/api/campaigns", newCampaign);
            assertThat(basic.status()).as("Basic credentials: CSRF does not apply, validation does").isEqualTo(422);

            Http.Response webapp = session.postJson("/camunda/api/engine/engine/default/filter/create", "{}");
            assertThat(webapp.status()).isEqualTo(403);
            assertThat(webapp.header("Content-Type")).startsWith("application/problem+json");
            assertThat(webapp.json().path("detail").asText()).contains("vous restez connecté");
            assertThat(session.get("/campagnes").status()).as("still signed in").isEqualTo(200);
            assertThat(session.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        }

        @Test
        void pages_carry_security_headers() throws Exception {
            mvc.perform(get("/"))
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }

        @Test
        void every_answer_carries_the_referrer_policy_and_pages_their_content_policy() {
            for (String path : List.of("/", "/login", "/api/portraits/1999", "/swagger-ui/index.html")) {
                Http.Response answer = Http.at(port).get(path);
                assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            }
            assertThat(Http.at(port).get("/swagger-ui/index.html").header("Content-Security-Policy"))
                    .contains("default-src 'self'").contains("script-src 'self'");
            assertThat(Http.at(port).get("/login").headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("SameSite=Lax")
                            .contains("HttpOnly"));
        }
    }

    /** Each role signed in is shown its own navigation and next step on the home page, in French first. */
    @Nested
    class Navigation {

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

        /** Whatever the language asked for, the page speaks Québec's: en-CA, fr-CA. */
        @Test
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
}
