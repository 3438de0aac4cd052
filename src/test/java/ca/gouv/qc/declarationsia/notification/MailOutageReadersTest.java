package ca.gouv.qc.declarationsia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.FakeSmtpServer;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What coordinators and probes read never waits for the mail dispatcher: while its round is stuck on a slow or hung
 * SMTP server, health, the campaign API and the campaign's dashboard answer; once the server is back, each mail
 * arrives once.
 */
@IntegrationTest
class MailOutageReadersTest {

    private static final int YEAR = TestYears.take();
    private static final int OTHER_YEAR = TestYears.take();

    /**
     * A hang's bound, not a speed figure: these answer in milliseconds once warm, and a round holds a hung server
     * for a minute (its command timeout); generous for a machine shared with other builds.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    MailDispatchers dispatchers;

    @Autowired
    JavaMailSenderImpl mailSettings;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private int catcherPort;
    private int year;

    @BeforeEach
    void rememberTheCatcher() {
        catcherPort = mailSettings.getPort();
    }

    @AfterEach
    void cleanUp() {
        mailSettings.setPort(catcherPort);
        campaigns.cleanUp(year);
    }

    /** A campaign for the readers to read, and no mail waiting but the test's. */
    private void campaign(int year, String organization) {
        this.year = year;
        TestOrganizations.create(organizations, organization);
        campaigns.create(year, List.of(organization));
        dispatcher.dispatchDue();
        // warm: the first rendering of a page compiles its template
        readersAnswer();
    }

    @Test
    void while_the_server_is_hung_health_the_campaign_api_and_the_dashboard_answer_and_the_mail_goes_once_it_is_back() {
        campaign(YEAR, "SLOW-1");
        dispatchers.queue(YEAR, "SLOW-1", "readers-hung");
        CompletableFuture<Integer> round;
        try (FakeSmtpServer hung = FakeSmtpServer.hung()) {
            mailSettings.setPort(hung.port());
            round = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
            await().atMost(Duration.ofSeconds(30)).until(() -> hung.connections() > 0);

            readersAnswer();
            assertThat(round).as("the round still waits for the server's greeting").isNotDone();
        }
        // the server gone, the round's connection ends: the mail failed, to be sent when the server is back
        assertThat(round.join()).isZero();
        mailSettings.setPort(catcherPort);
        TestCampaigns.clockAt(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1));
        dispatcher.dispatchDue();

        assertThat(CaughtMail.to(mailCatcher, "ia.slow-1@example.qc.ca")).as("sent once, when the server answered")
                .hasSize(1);
    }

    @Test
    void while_the_server_acknowledges_each_mail_late_the_readers_answer_and_each_mail_is_stored_once() {
        campaign(OTHER_YEAR, "SLOW-2");
        List.of("readers-slow-1", "readers-slow-2", "readers-slow-3")
                .forEach(key -> dispatchers.queue(OTHER_YEAR, "SLOW-2", key));
        try (FakeSmtpServer slow = FakeSmtpServer.acknowledgingAfter(Duration.ofSeconds(4))) {
            mailSettings.setPort(slow.port());
            CompletableFuture<Integer> round = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
            await().atMost(Duration.ofSeconds(30)).until(() -> !slow.storedMessageIds().isEmpty());

            readersAnswer();
            assertThat(round).as("the round is still sending, 4 s a mail").isNotDone();

            assertThat(round.join()).isEqualTo(3);
            assertThat(slow.storedMessageIds()).hasSize(3).doesNotHaveDuplicates();
            dispatcher.dispatchDue();
            assertThat(slow.storedMessageIds()).as("nothing sent twice").hasSize(3);
        }
    }

    /** Health, the campaign through the API and the dashboard page each answer within the bound. */
    private void readersAnswer() {
        assertThat(get("/actuator/health").statusCode()).as("health answers, up or down").isIn(200, 503);
        HttpResponse<String> campaign = get("/api/campaigns/" + year);
        assertThat(campaign.statusCode()).isEqualTo(200);
        assertThat(campaign.body()).contains("\"year\":" + year);
        HttpResponse<String> dashboard = get("/campagnes/" + year);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Campagne " + year);
    }

    private HttpResponse<String> get(String path) {
        String credentials = Base64.getEncoder().encodeToString("coordo:demo".getBytes(StandardCharsets.UTF_8));
        try {
            long start = System.nanoTime();
            // send throws HttpTimeoutException if no answer came within the bound
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + credentials).timeout(ANSWER_WITHIN).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("mail-outage-reader: %s answered %d in %d ms%n", path, answer.statusCode(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            return answer;
        } catch (Exception noAnswer) {
            throw new AssertionError(path + " gave no answer within " + ANSWER_WITHIN, noAnswer);
        }
    }
}
