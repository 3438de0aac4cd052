package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 1,000 organizations: one declaration process and one invitation each, started in batches; re-running the launch
 * after a crash creates nothing twice.
 */
@IntegrationTest
class LaunchAtScaleTest {

    private static final Logger log = LoggerFactory.getLogger(LaunchAtScaleTest.class);
    private static final int YEAR = 2090;
    private static final int ORGANIZATIONS = 1_000;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail mailCatcher;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void a_launch_of_1000_organizations_opens_1000_declarations_and_sends_1000_invitations_once() {
        List<String> codes = IntStream.rangeClosed(1, ORGANIZATIONS).mapToObj(i -> "SCALE-%04d".formatted(i)).toList();
        jdbc.batchUpdate("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', false, ?)
                """, codes.stream().map(code -> new Object[] {code, "Organisme " + code, "Body " + code,
                "dri." + code.toLowerCase() + "@scale.example.qc.ca"}).toList());
        jdbc.batchUpdate("insert into organization_respondent (organization_code, position, email) values (?, 0, ?)",
                codes.stream().map(code -> new Object[] {code, "ia." + code.toLowerCase() + "@scale.example.qc.ca"}).toList());
        campaigns.create(YEAR, codes);
        int mailsBefore = mailCatcher.getReceivedMessages().length;

        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        long start = System.nanoTime();
        campaigns.launch(YEAR);
        int jobs = campaigns.runDueJobs(YEAR);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Launch of {} organizations: {} jobs run one by one in {} ms ({} organizations/s)", ORGANIZATIONS, jobs,
                took.toMillis(), Math.round(ORGANIZATIONS / (took.toMillis() / 1000.0)));

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("organization-declaration")
                .processInstanceBusinessKeyLike(YEAR + "-SCALE-%").count()).isEqualTo(ORGANIZATIONS);
        assertThat(jdbc.queryForObject("select count(*) from declaration where campaign_year = ?", Integer.class, YEAR))
                .isEqualTo(ORGANIZATIONS);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION' "
                + "and status = 'SENT'", Integer.class, YEAR)).isEqualTo(ORGANIZATIONS);
        assertThat(mailCatcher.getReceivedMessages().length - mailsBefore).isEqualTo(ORGANIZATIONS);

        // A crash and a restart make the launch steps run again: they find every declaration open and do nothing.
        runtime.startProcessInstanceByKey("annual-campaign", String.valueOf(YEAR), Map.of("campaignYear", YEAR));
        campaigns.runDueJobs(YEAR);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("organization-declaration")
                .processInstanceBusinessKeyLike(YEAR + "-SCALE-%").count()).isEqualTo(ORGANIZATIONS);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ?", Integer.class, YEAR))
                .isEqualTo(ORGANIZATIONS);
        assertThat(mailCatcher.getReceivedMessages().length - mailsBefore).as("no invitation twice").isEqualTo(ORGANIZATIONS);
    }
}
