package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.support.TestNodes;
import ca.gouv.qc.declarationsia.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login sessions live in PostgreSQL, so the two-node compose needs no sticky proxy: a browser signed in on one node
 * is signed in on the other (our pages, the API and the Camunda webapps, their CSRF token included), stays signed
 * in when the node it signed in on stops, and a logout in Cockpit ends its session on every node. Both nodes are
 * reached by one browser (one cookie jar for {@code localhost}), as through the proxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsAcrossNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static JdbcTemplate jdbc;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static String coordinator;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        nodeA = TestNodes.start(postgres, smtp, "nodeA", Map.of());
        nodeB = TestNodes.start(postgres, smtp, "nodeB", Map.of());
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        coordinator = TestUsers.coordinator(nodeA.getBean(IdentityService.class));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void logging_out_in_cockpit_on_one_node_ends_the_session_on_both() throws Exception {
        Browser browser = new Browser();
        browser.signIn(nodeA, coordinator);
        assertThat(browser.get(nodeB, "/organisations").statusCode()).isEqualTo(200);
        assertThat(sessionsOf(coordinator)).isEqualTo(1);

        // Cockpit on node B, with the token the webapps read from their cookie
        HttpResponse<String> user = browser.openCockpit(nodeB);
        assertThat(user.statusCode()).isEqualTo(200);
        String xsrf = browser.cookie("XSRF-TOKEN");
        assertThat(xsrf).as("the webapps' CSRF cookie").isNotNull();
        HttpResponse<String> forged = browser.post(nodeB, "/camunda/api/admin/auth/user/nodeB/logout", Map.of());
        assertThat(forged.statusCode()).as("a logout without the webapps' token").isEqualTo(403);
        assertThat(browser.get(nodeA, "/organisations").statusCode()).as("still signed in").isEqualTo(200);

        // the token was issued on node B; node A checks it against the same session
        assertThat(browser.openCockpit(nodeA).statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.post(nodeA, "/camunda/api/admin/auth/user/nodeA/logout", Map.of(),
                "X-XSRF-TOKEN", xsrf);
        assertThat(logout.statusCode()).isEqualTo(200);

        assertThat(sessionsOf(coordinator)).as("the session is gone from PostgreSQL").isZero();
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            HttpResponse<String> page = browser.get(node, "/organisations");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
            assertThat(browser.openCockpit(node).statusCode())
                    .as("the webapps do not sign it in again from a Spring session: there is none").isNotEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void a_session_opened_on_one_node_is_served_by_the_other_and_outlives_the_first() throws Exception {
        Browser browser = new Browser();
        browser.get(nodeA, "/login");
        String anonymous = browser.cookie("SESSION");
        assertThat(anonymous).as("the login page's session (for its CSRF token)").isNotNull();
        browser.signIn(nodeA, coordinator);
        String signedIn = browser.cookie("SESSION");
        assertThat(signedIn).as("a new session id at sign-in (no session fixation)").isNotEqualTo(anonymous);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                signedIn.length() == 36 ? signedIn : new String(java.util.Base64.getDecoder().decode(signedIn),
                        StandardCharsets.UTF_8))).as("stored in PostgreSQL").isEqualTo(1);

        // node B: our page, the API with the session, and Cockpit, Tasklist and Admin
        HttpResponse<String> home = browser.get(nodeB, "/");
        assertThat(home.body()).contains("Connecté : " + coordinator);
        assertThat(browser.get(nodeB, "/api/campaigns").statusCode()).isEqualTo(200);
        JsonNode user = JSON.readTree(browser.openCockpit(nodeB).body());
        assertThat(user.path("userId").asText()).isEqualTo(coordinator);
        assertThat(user.path("authorizedApps").toString()).contains("cockpit", "tasklist", "admin");

        // node A stops: node B keeps the person signed in, even for a change (CSRF token of the session)
        nodeA.close();
        HttpResponse<String> page = browser.get(nodeB, "/organisations");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connecté : " + coordinator);
        HttpResponse<String> logout = browser.post(nodeB, "/logout", Map.of("_csrf", csrfToken(page.body())));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get(nodeB, "/organisations").statusCode()).isEqualTo(302);
    }

    private static int sessionsOf(String userId) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, userId);
    }

    private static String engine(ConfigurableApplicationContext node) {
        return node == nodeA ? "nodeA" : "nodeB";
    }

    private static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    /** One browser: one cookie jar for localhost, whatever the node's port, as behind the proxy. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        void signIn(ConfigurableApplicationContext node, String user) throws Exception {
            String token = csrfToken(get(node, "/login").body());
            HttpResponse<String> done = post(node, "/login", Map.of("username", user, "password", TestUsers.PASSWORD,
                    "_csrf", token));
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(node, path)).header("Accept", "text/html,*/*").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(ConfigurableApplicationContext node, String path, Map<String, String> form,
                String... headers) throws Exception {
            String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** As Cockpit starts: its page (which signs the person in to the webapps), then who is signed in. */
        HttpResponse<String> openCockpit(ConfigurableApplicationContext node) throws Exception {
            get(node, "/camunda/app/cockpit/" + engine(node) + "/");
            return get(node, "/camunda/api/admin/auth/user/" + engine(node));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        private static URI uri(ConfigurableApplicationContext node, String path) {
            return URI.create("http://localhost:" + TestNodes.port(node) + path);
        }
    }
}
