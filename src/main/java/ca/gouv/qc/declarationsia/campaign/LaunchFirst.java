package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.notification.MailDispatchYield;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * A launch's batches before its invitations: while any launch job is due or running (priority
 * {@value #LAUNCH_JOB_PRIORITY}, the {@code camunda:jobPriority} of "Planifier le lancement par lots" and "Lancer un
 * lot de déclarations"), the mail dispatcher waits, as the job executor already makes every other job wait. The
 * invitations are in the outbox in each batch's transaction; they go out right after the last batch, and every body
 * has its task sooner (on 2 cores, sending them alongside took about as long as the launch itself).
 */
@Component
class LaunchFirst implements MailDispatchYield {

    static final int LAUNCH_JOB_PRIORITY = 10;

    private final ManagementService management;

    LaunchFirst(ManagementService management) {
        this.management = management;
    }

    @Override
    public boolean urgentWorkPending() {
        // a batch that failed for good (no retry left, an incident) no longer holds the mail back
        return management.createJobQuery().priorityHigherThanOrEquals(LAUNCH_JOB_PRIORITY).executable().active()
                .count() > 0;
    }
}
