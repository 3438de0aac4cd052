package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tracking's rows as the coordinator sorts them: the page is cut first and each shown body's last mail and
 * refused addresses are read after, so every sort, above all the one by last mail, must still see them.
 */
@DatabaseTest
class CampaignDashboardSortsTest {

    private static final int YEAR = 2084;
    private static final List<String> BODIES = List.of("TRI-A", "TRI-B", "TRI-C", "TRI-D");

    @Autowired
    CampaignDashboard dashboard;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void each_sort_orders_the_bodies_and_every_row_shows_its_own_last_mail_and_refused_addresses() {
        BODIES.forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(YEAR, BODIES);
        // B's last mail is the latest; A had two (the later one counts, refused with its addresses); D none yet
        mail("TRI-A", "INVITATION", "SENT", null, "2084-09-01T12:00:00Z");
        mail("TRI-A", "REMINDER", "REJECTED", "ia.tri-a@example.qc.ca", "2084-10-17T12:00:00Z");
        mail("TRI-B", "INVITATION", "SENT", null, "2084-10-20T12:00:00Z");
        mail("TRI-C", "INVITATION", "PENDING", null, "2084-09-02T12:00:00Z");
        jdbc.update("update campaign_target set due_date = date '2084-10-01' where campaign_year = ? and organization_code = ?",
                YEAR, "TRI-C");

        assertThat(dashboard.page(YEAR, null, null, "mail", 1).rows())
                .extracting(CampaignDashboard.Row::organizationCode, CampaignDashboard.Row::lastMailKind,
                        CampaignDashboard.Row::lastMailStatus, CampaignDashboard.Row::rejectedAddresses)
                .containsExactly(
                        tuple("TRI-B", "INVITATION", "SENT", null),
                        tuple("TRI-A", "REMINDER", "REJECTED", "ia.tri-a@example.qc.ca"),
                        tuple("TRI-C", "INVITATION", "PENDING", null),
                        tuple("TRI-D", null, null, null));
        assertThat(dashboard.page(YEAR, null, null, "due", 1).rows()).extracting(CampaignDashboard.Row::organizationCode)
                .as("the body given an earlier due date first, then by name").containsExactly("TRI-C", "TRI-A", "TRI-B", "TRI-D");
        assertThat(dashboard.page(YEAR, null, null, "code", 1).rows()).extracting(CampaignDashboard.Row::organizationCode)
                .containsExactly("TRI-A", "TRI-B", "TRI-C", "TRI-D");
        assertThat(dashboard.page(YEAR, null, null, "name", 1).rows()).extracting(CampaignDashboard.Row::lastMailKind)
                .as("sorted by name, each row keeps its own mail").containsExactly("REMINDER", "INVITATION", "INVITATION", null);
        CampaignDashboard.Page found = dashboard.page(YEAR, null, null, "mail", "tri-a", 1);
        assertThat(found.total()).isEqualTo(1);
        assertThat(found.rows()).singleElement().extracting(CampaignDashboard.Row::lastMailAt)
                .isEqualTo(Instant.parse("2084-10-17T12:00:00Z"));
        assertThat(dashboard.rows(YEAR, null, null, "mail")).as("the export: every row, the same order")
                .extracting(CampaignDashboard.Row::organizationCode).containsExactly("TRI-B", "TRI-A", "TRI-C", "TRI-D");
    }

    private void mail(String body, String kind, String status, String rejected, String at) {
        Timestamp time = Timestamp.from(Instant.parse(at));
        jdbc.update("""
                insert into mail_outbox (idempotency_key, process_business_key, campaign_year, organization_code, kind,
                                         recipients, subject, body, status, rejected_addresses, created_at, sent_at)
                values (?, ?, ?, ?, ?, 'ia@example.qc.ca', 'Objet', 'Corps', ?, ?, ?, ?)
                """, "sorts-" + body + "-" + kind, YEAR + "-" + body, YEAR, body, kind, status, rejected, time,
                "SENT".equals(status) ? time : null);
    }
}
