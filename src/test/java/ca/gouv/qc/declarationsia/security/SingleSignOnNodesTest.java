package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gouv.qc.declarationsia.support.Browser;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestNodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Sign-in through the government's OpenID Connect provider, against a real provider running in this JVM
 * (mock-oauth2-server, with its sign-in page): discovery from the issuer, the authorization code flow with PKCE,
 * tokens checked, the groups claim ({@code roles} here) made our groups, the Camunda webapps on the same session,
 * a second node (password sign-in turned off there) on the same session, and the logout at the provider too.
 */
class SingleSignOnNodesTest {

    private static final int YEAR = 2040;
    private static final String CLIENT_ID = "declarations-ia";
    private static final String CLIENT_SECRET = "secret-de-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static MockOAuth2Server provider;
    private static JdbcTemplate jdbc;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static final List<RecordedRequest> RECEIVED = new ArrayList<>();

    @BeforeAll
    static void startProviderAndNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start();
        Map<String, Object> sso = Map.of(
                "declarations.sso.issuer-uri", issuer(),
                "declarations.sso.client-id", CLIENT_ID,
                "declarations.sso.client-secret", CLIENT_SECRET,
                "declarations.sso.groups-claim", "roles",
                "camunda.bpm.job-execution.wait-time-in-millis", 100,
                "declarations.campaign.launch-batch-size", 10);
        nodeA = TestNodes.start(postgres, smtp, "nodeA", sso);
        Map<String, Object> passwordOff = new java.util.HashMap<>(sso);
        passwordOff.put("declarations.sso.password-login", false);
        nodeB = TestNodes.start(postgres, smtp, "nodeB", passwordOff);

        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        for (String code : List.of("SSOA", "SSOB")) {
            jdbc.update("""
                    insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                    values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', false, ?)""",
                    code, "Organisme " + code, "Body " + code, "dri@" + code.toLowerCase() + ".example.qc.ca");
            jdbc.update("insert into organization_respondent (organization_code, position, email) values (?, 0, ?)",
                    code, "ia@" + code.toLowerCase() + ".example.qc.ca");
        }
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        TestCampaigns campaigns = nodeA.getBean(TestCampaigns.class);
        campaigns.create(YEAR, List.of("SSOA", "SSOB"));
        campaigns.launch(YEAR);
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                "select count(*) from declaration where campaign_year = ?", Integer.class, YEAR) == 2);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        ClockUtil.reset();
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (provider != null) {
            provider.shutdown();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_coordinator_signs_in_through_the_provider_and_its_session_serves_the_webapps_and_the_other_node() throws Exception {
        // discovery: each node read the issuer's configuration at its start, and took its endpoints from it
        assertThat(received("/gouv/.well-known/openid-configuration")).hasSizeGreaterThanOrEqualTo(2);
        ClientRegistration registration = nodeA.getBean(ClientRegistrationRepository.class).findByRegistrationId("gouv");
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo(provider.authorizationEndpointUrl("gouv").toString());
        assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(provider.jwksUrl("gouv").toString());
        assertThat(registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .hasToString(provider.endSessionEndpointUrl("gouv").toString());

        Browser browser = Browser.start(TestNodes.port(nodeA));
        try {
            // the coordinator's page, asked before signing in, leads to the login page with both options
            browser.open("/campagnes");
            assertThat(browser.url()).endsWith("/login");
            assertThat(browser.has("#username")).as("password sign-in still offered").isTrue();
            browser.assertAccessible("login with single sign-on");
            browser.screenshot("sso-01-login");
            browser.clickText("Se connecter avec le service d’authentification gouvernemental");

            // the provider's own sign-in page
            browser.waitUntil(page -> page.getCurrentUrl().startsWith(provider.authorizationEndpointUrl("gouv").toString()));
            browser.driver().findElement(By.name("username")).sendKeys("4f1c-sub-marie");
            browser.driver().findElement(By.name("claims")).sendKeys("""
                    {"preferred_username": "marie.roy", "given_name": "Marie", "family_name": "Roy",
                     "email": "marie.roy@mcn.example.qc.ca", "roles": ["coordinators", "autre-application-admin"]}""");
            browser.screenshot("sso-02-provider");
            browser.driver().findElement(By.cssSelector("input[type=submit]")).click();

            // back on the page asked for, signed in as the claim names it
            browser.waitUntil(page -> page.getCurrentUrl().endsWith("/campagnes"));
            assertThat(browser.pageText()).contains("Connecté : marie.roy");
            browser.screenshot("sso-03-signed-in");

            // the authorization code flow with PKCE, as the provider received it
            HttpUrl authorize = last(received("/gouv/authorize")).getRequestUrl();
            assertThat(authorize.queryParameter("response_type")).isEqualTo("code");
            assertThat(authorize.queryParameter("client_id")).isEqualTo(CLIENT_ID);
            assertThat(authorize.queryParameter("scope")).contains("openid");
            assertThat(authorize.queryParameter("redirect_uri"))
                    .isEqualTo(browser.base() + "/login/oauth2/code/gouv");
            assertThat(authorize.queryParameter("state")).isNotBlank();
            assertThat(authorize.queryParameter("nonce")).isNotBlank();
            assertThat(authorize.queryParameter("code_challenge_method")).isEqualTo("S256");
            String challenge = authorize.queryParameter("code_challenge");
            RecordedRequest token = last(received("/gouv/token"));
            Map<String, String> tokenForm = form(token.getBody().readUtf8());
            assertThat(tokenForm).containsEntry("grant_type", "authorization_code").containsKey("code");
            assertThat(s256(tokenForm.get("code_verifier"))).as("the verifier matches the challenge").isEqualTo(challenge);
            assertThat(token.getHeader("Authorization")).as("a confidential client: its secret too").isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));

            // the Camunda account, kept in step with the claim: our groups only
            IdentityService identity = nodeA.getBean(IdentityService.class);
            User user = identity.createUserQuery().userId("marie.roy").singleResult();
            assertThat(user).isNotNull();
            assertThat(user.getEmail()).isEqualTo("marie.roy@mcn.example.qc.ca");
            assertThat(identity.createGroupQuery().groupMember("marie.roy").list()).extracting(Group::getId)
                    .containsExactly(Roles.COORDINATORS);

            // Cockpit, Tasklist and Admin take the same session, on node A and on node B
            String session = browser.driver().manage().getCookieNamed("SESSION").getValue();
            for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                JsonNode webappUser = JSON.readTree(openCockpit(node, session));
                assertThat(webappUser.path("userId").asText()).isEqualTo("marie.roy");
                assertThat(webappUser.path("authorizedApps").toString()).contains("cockpit", "tasklist", "admin");
            }

            // node B, password sign-in turned off there: the same session; its login page offers the provider only
            String nodeB = "http://localhost:" + TestNodes.port(SingleSignOnNodesTest.nodeB);
            browser.open(nodeB + "/campagnes");
            assertThat(browser.pageText()).contains("Connecté : marie.roy");
            HttpResponse<String> login = plainClient().send(HttpRequest.newBuilder(URI.create(nodeB + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.body()).contains("/oauth2/authorization/gouv").doesNotContain("id=\"password\"");

            // logout: our session ends, then the provider's (RP-initiated), which sends the person back home
            browser.open("/");
            browser.submit("form[action='/logout'] button");
            browser.waitUntil(page -> page.getCurrentUrl().contains("deconnexion"));
            HttpUrl endSession = last(received("/gouv/endsession")).getRequestUrl();
            assertThat(endSession.queryParameter("id_token_hint")).as("the ID token").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            assertThat(endSession.queryParameter("post_logout_redirect_uri")).isEqualTo(browser.base() + "/?deconnexion");
            assertThat(openCockpit(nodeB(), session)).as("the old session is gone").doesNotContain("marie.roy");
            assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'marie.roy'",
                    Integer.class)).isZero();
        } finally {
            browser.quit();
        }
    }

    @Test
    void an_organization_s_respondent_by_claim_reaches_its_declaration_and_not_another_s() throws Exception {
        Session respondent = signIn(nodeA, "sub-ia-ssoa", """
                {"preferred_username": "ia@ssoa.example.qc.ca", "roles": "org-ssoa"}""");
        assertThat(respondent.last.statusCode()).isEqualTo(302);
        HttpResponse<String> own = respondent.get(nodeA, "/mes-declarations/" + YEAR + "/SSOA");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Organisme SSOA");
        assertThat(respondent.get(nodeA, "/mes-declarations/" + YEAR + "/SSOB").statusCode()).isEqualTo(403);
        assertThat(respondent.get(nodeA, "/api/campaigns/" + YEAR + "/declarations/SSOB").statusCode()).isEqualTo(403);
        assertThat(respondent.get(nodeA, "/campagnes").statusCode()).as("not staff").isEqualTo(403);
        assertThat(respondent.get(nodeA, "/api/campaigns/" + YEAR + "/declarations/SSOA").statusCode()).isEqualTo(200);
    }

    @Test
    void someone_without_any_of_our_groups_or_with_a_forged_callback_gets_a_clear_refusal() throws Exception {
        Session stranger = signIn(nodeA, "sub-stranger", """
                {"preferred_username": "quelquun", "roles": ["autre-application-admin", "coordinators-other"]}""");
        assertThat(stranger.last.statusCode()).isEqualTo(403);
        assertThat(stranger.last.body()).contains("ne vous donne aucun rôle dans Déclarations IA");
        assertThat(stranger.get(nodeA, "/mes-declarations").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(nodeA.getBean(IdentityService.class).createUserQuery().userId("quelquun").count()).isZero();

        Session forger = new Session();
        HttpResponse<String> forged = forger.get(nodeA, "/login/oauth2/code/gouv?code=volé&state=inventé");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("n’a pas abouti");
    }

    /** The whole flow over HTTP, the provider's sign-in form posted as its page would. */
    private static Session signIn(ConfigurableApplicationContext node, String subject, String claims) throws Exception {
        Session session = new Session();
        HttpResponse<String> start = session.get(node, "/oauth2/authorization/gouv");
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(session.send(HttpRequest.newBuilder(URI.create(authorize)).build()).statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(subject) + "&claims=" + encode(claims)))
                .build());
        String callback = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith("http://localhost:" + TestNodes.port(node) + "/login/oauth2/code/gouv?code=");
        session.last = session.send(HttpRequest.newBuilder(URI.create(callback)).header("Accept", "text/html").build());
        return session;
    }

    private static final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private HttpResponse<String> last;

        HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + TestNodes.port(node) + path))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").build());
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** As Cockpit starts with this session cookie: its page, then who is signed in to the webapps. */
    private static String openCockpit(ConfigurableApplicationContext node, String session) throws Exception {
        String base = "http://localhost:" + TestNodes.port(node);
        String engine = node == nodeA ? "nodeA" : "nodeB";
        HttpClient client = plainClient();
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/" + engine + "/"))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.discarding());
        return client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static ConfigurableApplicationContext nodeB() {
        return nodeB;
    }

    private static HttpClient plainClient() {
        return HttpClient.newHttpClient();
    }

    /** What the provider received on this path so far (every request is kept here once taken from its queue). */
    private static List<RecordedRequest> received(String path) {
        while (true) {
            try {
                RECEIVED.add(provider.takeRequest(200, TimeUnit.MILLISECONDS));
            } catch (RuntimeException none) {
                // "no request found in queue within timeout": every request so far is taken
                break;
            }
        }
        return RECEIVED.stream().filter(r -> r.getRequestUrl() != null && r.getRequestUrl().encodedPath().equals(path))
                .toList();
    }

    private static RecordedRequest last(List<RecordedRequest> requests) {
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    private static String issuer() {
        return provider.issuerUrl("gouv").toString();
    }

    private static Map<String, String> form(String body) {
        return java.util.Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> java.net.URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
