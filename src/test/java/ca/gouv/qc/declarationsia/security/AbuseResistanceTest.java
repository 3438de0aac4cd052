package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.support.Browser;
import ca.gouv.qc.declarationsia.support.Http;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a stranger or a careless script can try at the doors: guessing passwords (slowed, never locking the owner
 * out), riding a signed-in session from another site (CSRF), changing what only coordinators change, and the
 * headers every answer carries.
 */
@IntegrationTest
class AbuseResistanceTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    private String account;

    @AfterEach
    void cleanUp() {
        jdbc.update("delete from login_throttle");
    }

    @Test
    void a_guesser_is_slowed_by_address_and_account_and_the_owner_is_never_locked_out() {
        account = TestUsers.coordinator(identity);
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
        account = TestUsers.coordinator(identity);
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
        account = TestUsers.coordinator(identity);
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

    @Test
    void csrf_is_skipped_only_for_basic_credentials_and_a_refusal_keeps_the_session() {
        String coordinator = TestUsers.coordinator(identity);
        Http session = Http.signedIn(port, coordinator, TestUsers.PASSWORD);
        String newCampaign = "{\"year\": 2099}";

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
    void only_coordinators_change_jobs_and_nobody_checks_passwords_through_the_engine() {
        String cleanup = management.createJobQuery().list().stream().filter(job -> job.getProcessInstanceId() == null)
                .map(Job::getId).findFirst().orElseThrow();
        for (String user : List.of("analyste", "gestion")) {
            Http staff = Http.at(port).as(user, "demo");
            assertThat(staff.send("PUT", "/engine-rest/job/" + cleanup + "/suspended", "application/json",
                    "{\"suspended\": true}").status()).as(user).isEqualTo(403);
            assertThat(staff.send("PUT", "/engine-rest/job/" + cleanup + "/duedate", "application/json",
                    "{\"duedate\": \"2030-01-01T00:00:00.000+0000\"}").status()).as(user).isEqualTo(403);
        }
        assertThat(management.createJobQuery().jobId(cleanup).singleResult().isSuspended()).isFalse();
        Http.Response verify = Http.at(port).as("gestion", "demo").postJson("/engine-rest/identity/verify",
                "{\"username\": \"coordo\", \"password\": \"demo\"}");
        assertThat(verify.status()).isEqualTo(403);
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
