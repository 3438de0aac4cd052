package ca.gouv.qc.declarationsia.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the beans the models name, registered with camunda's {@link Mocks} for the deployment-only model
 * tests. They record which step ran for which instance and keep the contract the model relies on (a listener
 * refuses a completion its real bean would refuse; a delegate sets the variable the model reads); what the real
 * beans do to our tables and mail is tested on the database layer's engine, which runs the models with the real beans
 * (ReviewLoopProcessTest, AnnualCampaignProcessTest, CampaignCycleTest), and in the journeys.
 */
final class ModelDoubles {

    /** Each step run, as {@code bean businessKey}, in order. */
    final List<String> steps = new ArrayList<>();
    /** What the organization's page would have recorded: submitted declarations, by business key. */
    final Map<String, Boolean> submitted = new HashMap<>();
    /** What the reviewer's page would have recorded: the decision of the current round, by business key. */
    final Map<String, String> decisions = new HashMap<>();
    /** What the approval form would have recorded, by year. */
    final Map<Integer, Boolean> approved = new HashMap<>();
    /** The campaign's dates, by year. */
    final Map<Integer, Instant> openings = new HashMap<>();
    final Map<Integer, Instant> closings = new HashMap<>();
    int launchBatchCount = 1;
    RuntimeException publicationFailure;

    void register() {
        Mocks.register("queueInvitation", step("queueInvitation"));
        Mocks.register("putUnderReview", step("putUnderReview"));
        Mocks.register("requestCorrections", step("requestCorrections"));
        Mocks.register("acceptDeclaration", step("acceptDeclaration"));
        Mocks.register("queueFollowUp", step("queueFollowUp"));
        Mocks.register("openCampaign", step("openCampaign"));
        Mocks.register("closeCampaign", step("closeCampaign"));
        Mocks.register("planLaunchBatches", (JavaDelegate) execution -> {
            record("planLaunchBatches", execution);
            execution.setVariable("launchBatchCount", launchBatchCount);
        });
        Mocks.register("launchDeclarationBatch", (JavaDelegate) execution ->
                steps.add("launchDeclarationBatch " + execution.getBusinessKey() + " " + execution.getVariable("loopCounter")));
        Mocks.register("publishEdition", (JavaDelegate) execution -> {
            if (publicationFailure != null) {
                throw publicationFailure;
            }
            record("publishEdition", execution);
        });
        Mocks.register("requireSubmission", (TaskListener) task -> {
            if (!submitted.getOrDefault(task.getExecution().getBusinessKey(), false)) {
                throw new ProcessEngineException("La déclaration " + task.getExecution().getBusinessKey() + " se soumet sur sa page");
            }
            submitted.remove(task.getExecution().getBusinessKey());
        });
        Mocks.register("requireReviewDecision", (TaskListener) task -> {
            String decision = decisions.remove(task.getExecution().getBusinessKey());
            if (decision == null) {
                throw new ProcessEngineException("La décision se prend sur la page de révision");
            }
            task.getExecution().setVariable("reviewDecision", decision);
        });
        Mocks.register("recordApproval", (TaskListener) task -> {
            if (!approved.getOrDefault(year(task), false)) {
                throw new ProcessEngineException("Approuvez la publication dans son formulaire");
            }
        });
        Mocks.register("declarationTasks", new DeclarationTasks());
        Mocks.register("campaignCalendar", new CampaignCalendar(this));
    }

    private JavaDelegate step(String bean) {
        return execution -> record(bean, execution);
    }

    private void record(String bean, DelegateExecution execution) {
        steps.add(bean + " " + execution.getBusinessKey());
    }

    private static int year(DelegateTask task) {
        return (Integer) task.getExecution().getVariable("campaignYear");
    }

    /** The shape of declaration.DeclarationTasks: the body's page and its respondents' group, from the business key. */
    public static final class DeclarationTasks {

        public String page(DelegateExecution execution) {
            String[] key = execution.getBusinessKey().split("-", 2);
            return "/mes-declarations/" + key[0] + "/" + key[1];
        }

        public String candidateGroup(DelegateExecution execution) {
            return "org-" + execution.getBusinessKey().split("-", 2)[1];
        }
    }

    /** The shape of campaign.CampaignCalendar, on the dates the test sets. */
    public static final class CampaignCalendar {

        /** The application's default (declarations.campaign.follow-up-cycle): every day at 09:00. */
        public static final String FOLLOW_UP_CYCLE = "0 0 9 * * ?";
        /** Every task's due date in these tests. */
        public static final Instant DUE = Instant.parse("2090-11-01T03:59:59Z");

        private final ModelDoubles doubles;

        CampaignCalendar(ModelDoubles doubles) {
            this.doubles = doubles;
        }

        public Date openingOf(int campaignYear) {
            return Date.from(doubles.openings.get(campaignYear));
        }

        public Date closingOf(int campaignYear) {
            return Date.from(doubles.closings.get(campaignYear));
        }

        public Date dueDateOf(DelegateExecution execution) {
            return Date.from(DUE);
        }

        public String getFollowUpCycle() {
            return FOLLOW_UP_CYCLE;
        }
    }
}
