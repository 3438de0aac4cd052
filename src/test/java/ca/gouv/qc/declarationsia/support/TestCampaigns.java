package ca.gouv.qc.declarationsia.support;

import ca.gouv.qc.declarationsia.campaign.Campaign;
import ca.gouv.qc.declarationsia.campaign.CampaignForm;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.declaration.SubmissionHandoff;
import ca.gouv.qc.declarationsia.notification.MailDispatcher;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Campaigns made by tests, and the background work played by hand: the test sets the engine's clock and runs the jobs
 * that are due, of its own campaign only (other tests' timers stay asleep), and the mail dispatcher.
 */
@Component
public class TestCampaigns {

    private final CampaignService campaigns;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final MailDispatcher mail;
    private final SubmissionHandoff handoff;

    TestCampaigns(CampaignService campaigns, RuntimeService runtime, ManagementService management, JdbcTemplate jdbc,
            MailDispatcher mail, SubmissionHandoff handoff) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.mail = mail;
        this.handoff = handoff;
    }

    /**
     * A campaign opening on September 1st, due October 31st, closing November 30th of its year, on version 1 of the
     * form: the versions tests add (with required questions) never reach the other tests' campaigns.
     */
    public Campaign create(int year, List<String> organizationCodes) {
        return create(year, organizationCodes, 1);
    }

    /** The same on this version of the form (null: the newest). */
    public Campaign create(int year, List<String> organizationCodes, Integer formVersion) {
        return SystemAuthentication.runAsSystem(() -> campaigns.create(new CampaignForm(year, LocalDate.of(year, 6, 30),
                LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 30), null, null, false,
                organizationCodes, formVersion)));
    }

    /**
     * A campaign of this year already open (September 1st to November 30th), as a row only: no process, no
     * declaration; the test opens the drafts it needs. Closed again by {@link #cleanUp(int)}.
     */
    public void openCampaign(int year) {
        jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                + "values (?, ?, ?, ?, ?, 'OUVERTE')", year, java.sql.Date.valueOf(year + "-06-30"),
                java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                java.sql.Date.valueOf(year + "-11-30"));
    }

    /** Past campaigns of these years, closed, as rows only (none is made twice): for declarations of past years. */
    public void closedCampaigns(int... years) {
        for (int year : years) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, java.sql.Date.valueOf(year + "-06-30"),
                    java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                    java.sql.Date.valueOf(year + "-11-30"));
        }
    }

    public Campaign launch(int year) {
        return SystemAuthentication.runAsSystem(() -> campaigns.launch(year));
    }

    /** The engine's clock at this UTC date-time (the follow-up cron fires at 09:00 server time, UTC here). */
    public static void clockAt(LocalDateTime utc) {
        ClockUtil.setCurrentTime(Date.from(utc.toInstant(ZoneOffset.UTC)));
    }

    /**
     * Completes the tasks of submitted declarations and runs every due job of this campaign's processes, and the jobs
     * they create, until none is due; then sends the mail that is due, as the dispatcher's own thread would.
     */
    public int runDueJobs(int year) {
        int executed = 0;
        List<Job> due;
        int handedOff;
        do {
            // the tasks of submitted declarations, completed after their submission as the hand-off's thread would
            handedOff = handoff.completeDue();
            Set<String> processes = processesOf(year);
            due = management.createJobQuery().executable().list().stream()
                    .filter(job -> processes.contains(job.getProcessInstanceId()))
                    .toList();
            for (Job job : due) {
                management.executeJob(job.getId());
                executed++;
            }
        } while (!due.isEmpty() || handedOff > 0);
        mail.dispatchDue();
        return executed;
    }

    public Set<String> processesOf(int year) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "%").list().stream()
                .map(ProcessInstance::getId)
                .collect(Collectors.toSet());
    }

    /** Leaves no open campaign and no live process of this year behind, for the next test. */
    public void cleanUp(int year) {
        processesOf(year).forEach(id -> runtime.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
        jdbc.update("delete from submission_handoff where business_key like ?", year + "-%");
        // open, or waiting for its opening date: either would keep the next test's campaign from launching
        jdbc.update("update campaign set status = 'FERMEE' where year = ? and (status = 'OUVERTE' "
                + "or (status = 'PLANIFIEE' and launched_at is not null))", year);
        ClockUtil.reset();
        // the next test's clock may be earlier than this one's: no pause carried over
        mail.resume();
    }
}
