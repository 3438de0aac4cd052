package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign moves only as {@code annual-campaign} makes it move, each move audited, and every other move is refused
 * the way the coordinators see it (the same refusal as before there was a lifecycle), changing nothing. The database
 * layer and the lifecycle alone: no engine (the launch's process is a stand-in that answers an id).
 */
@DatabaseTest
class CampaignLifecycleTest {

    private static final int YEAR = 2020;
    private static final ZoneId QUEBEC = ZoneId.of("America/Toronto");
    private static final LocalDate OPENING = LocalDate.of(YEAR, 9, 1);

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    JdbcTemplate jdbc;

    private InputValidator validator;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        validator = new InputValidator(Validation.buildDefaultValidatorFactory().getValidator(), messages);
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        jdbc.update("delete from campaign where year = ?", YEAR);
    }

    @AfterEach
    void tearDown() {
        jdbc.update("delete from campaign where year = ?", YEAR);
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void a_campaign_launched_early_is_scheduled_then_opened_closed_and_published_each_move_audited() {
        CampaignLifecycle lifecycle = lifecycleOn(OPENING.minusDays(10));
        lifecycle.plan(planned(), "coordo");
        assertThat(lifecycle.launch(YEAR, "coordo", () -> "process-1")).isEqualTo(CampaignLifecycle.Transition.SCHEDULE);
        assertThat(row()).containsEntry("status", "PLANIFIEE").containsEntry("launched_by", "coordo")
                .containsEntry("opened_at", null).containsEntry("process_instance_id", "process-1");

        lifecycle.open(YEAR);
        lifecycle.open(YEAR); // the timer's step run again finds it open: nothing more
        assertThat(row()).containsEntry("status", "OUVERTE");
        assertThat(row().get("opened_at")).isNotNull();

        lifecycle.close(YEAR, "coordo");
        lifecycle.closeOnClosingDate(YEAR); // the process's own step, after the coordinator's close
        assertThat(row()).containsEntry("status", "FERMEE").containsEntry("closed_by", "coordo");

        lifecycle.publish(YEAR, "system");
        assertThat(row()).containsEntry("status", "PUBLIEE");

        assertThat(audit()).containsExactly("PLAN >PLANIFIEE coordo", "SCHEDULE PLANIFIEE>PLANIFIEE coordo",
                "OPEN PLANIFIEE>OUVERTE system", "CLOSE OUVERTE>FERMEE coordo", "PUBLISH FERMEE>PUBLIEE system");
    }

    @Test
    void a_campaign_launched_on_its_opening_date_opens_at_once_and_its_closing_date_closes_it() {
        CampaignLifecycle lifecycle = lifecycleOn(OPENING);
        lifecycle.plan(planned(), "coordo");
        assertThat(lifecycle.launch(YEAR, "coordo", () -> "process-2")).isEqualTo(CampaignLifecycle.Transition.OPEN);
        assertThat(row()).containsEntry("status", "OUVERTE");
        lifecycle.open(YEAR); // the process's opening step finds it open
        lifecycle.closeOnClosingDate(YEAR);
        assertThat(row()).containsEntry("status", "FERMEE").containsEntry("closed_by", null);
        assertThat(audit()).containsExactly("PLAN >PLANIFIEE coordo", "OPEN PLANIFIEE>OUVERTE coordo",
                "CLOSE OUVERTE>FERMEE system");
    }

    @Test
    void every_other_move_is_refused_as_before_and_changes_nothing() {
        CampaignLifecycle lifecycle = lifecycleOn(OPENING);
        lifecycle.plan(planned(), "coordo");
        Supplier<String> noProcess = () -> {
            throw new AssertionError("a refused launch starts no process");
        };
        int refused = 0;
        for (CampaignStatus from : CampaignStatus.values()) {
            set(from);
            int version = version();
            if (from != CampaignStatus.PLANIFIEE) {
                assertRefused(() -> lifecycle.launch(YEAR, "coordo", noProcess), "launch from " + from);
                refused++;
            }
            if (from != CampaignStatus.OUVERTE) {
                assertRefused(() -> lifecycle.close(YEAR, "coordo"), "close from " + from);
                refused++;
            }
            if (from != CampaignStatus.FERMEE) {
                assertThatThrownBy(() -> lifecycle.publish(YEAR, "system")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("not closed");
                refused++;
            }
            if (from != CampaignStatus.PLANIFIEE) {
                lifecycle.open(YEAR); // past its opening: the timer's step changes nothing
            }
            if (from != CampaignStatus.OUVERTE) {
                lifecycle.closeOnClosingDate(YEAR); // not open: the closing step changes nothing
            }
            assertThat(row()).as("still " + from).containsEntry("status", from.name());
            assertThat(version()).isEqualTo(version);
        }
        assertThat(refused).as("of 12 moves from 4 statuses, the 3 the model makes are not refused").isEqualTo(9);
        assertThat(audit()).containsExactly("PLAN >PLANIFIEE coordo");
    }

    @Test
    void one_campaign_open_or_scheduled_at_a_time_and_a_scheduled_one_is_not_launched_twice() {
        CampaignLifecycle early = lifecycleOn(OPENING.minusDays(10));
        early.plan(planned(), "coordo");
        early.launch(YEAR, "coordo", () -> "process-3");
        assertRefused(() -> early.launch(YEAR, "coordo", () -> "process-4"), "launched twice");
        assertThat(row()).containsEntry("process_instance_id", "process-3");
        assertThat(audit()).hasSize(2);
    }

    /** Refused as the coordinators' pages and API show it: a 422 on {@code status}, naming the year. */
    private void assertRefused(Runnable move, String description) {
        assertThatThrownBy(move::run).as(description).isInstanceOfSatisfying(InvalidInputException.class,
                refusal -> assertThat(refusal.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.path()).isEqualTo("status");
                    assertThat(violation.code()).isEqualTo("State");
                    assertThat(violation.message()).contains(String.valueOf(YEAR));
                }));
    }

    private CampaignLifecycle lifecycleOn(LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(QUEBEC).toInstant(), QUEBEC);
        return new CampaignLifecycle(campaigns, JdbcClient.create(jdbc), validator, clock);
    }

    private static Campaign planned() {
        return Campaign.planned(YEAR, OPENING.minusMonths(3), OPENING, OPENING.plusMonths(2), OPENING.plusMonths(3),
                Campaign.DEFAULT_REMINDERS, 7);
    }

    private void set(CampaignStatus status) {
        jdbc.update("update campaign set status = ? where year = ?", status.name(), YEAR);
    }

    private int version() {
        return jdbc.queryForObject("select version from campaign where year = ?", Integer.class, YEAR);
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("select status, launched_by, opened_at, closed_by, process_instance_id from campaign "
                + "where year = ?", YEAR);
    }

    private List<String> audit() {
        return jdbc.queryForList("""
                select transition || ' ' || coalesce(from_status, '') || '>' || to_status || ' ' || actor
                  from campaign_transition where campaign_year = ? order by id""", String.class, YEAR);
    }
}
