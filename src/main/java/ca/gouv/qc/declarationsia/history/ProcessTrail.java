package ca.gouv.qc.declarationsia.history;

import ca.gouv.qc.declarationsia.shared.ProcessModels.AnnualCampaign;
import ca.gouv.qc.declarationsia.shared.ProcessModels.OrganizationDeclaration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * What the engine remembers of a process, through its public query APIs, open or completed: the instances of a
 * business key, their milestones (the steps a person cares about, not the daily follow-up's checks or the gateways),
 * their tasks with who completed them, and their incidents and failing jobs.
 *
 * <p>With history level "audit" (ours), the engine keeps no history of incidents: open incidents and failing jobs
 * are read from the runtime; an incident resolved since is gone. At level "full", resolved ones are listed too.
 */
@Component
class ProcessTrail {

    /** The steps shown in a history, by model; the others (gateways, the daily follow-up) say nothing new. */
    static final Set<String> MILESTONES = Set.of(
            AnnualCampaign.CAMPAIGN_LAUNCHED, AnnualCampaign.OPENING_DATE_REACHED, AnnualCampaign.LAUNCH_DECLARATION_BATCH,
            AnnualCampaign.CLOSING_DATE_REACHED, AnnualCampaign.CLOSED_BY_COORDINATOR, AnnualCampaign.APPROVE_PUBLICATION,
            AnnualCampaign.PUBLISH_EDITION, AnnualCampaign.PORTRAIT_PUBLISHED,
            OrganizationDeclaration.DECLARATION_REQUESTED, OrganizationDeclaration.PREPARE_DECLARATION,
            OrganizationDeclaration.REVIEW_DECLARATION, OrganizationDeclaration.CORRECT_DECLARATION,
            OrganizationDeclaration.DECLARATION_EXEMPTED, OrganizationDeclaration.CAMPAIGN_PUBLISHED,
            OrganizationDeclaration.DECLARATION_ACCEPTED, OrganizationDeclaration.CLOSED_BY_EXEMPTION,
            OrganizationDeclaration.CLOSED_AT_PUBLICATION);

    /** One instance of the business key: running or ended (and how). */
    record Instance(String id, String definitionKey, Instant startedAt, Instant endedAt, String state, String deleteReason) {

        boolean running() {
            return endedAt == null;
        }
    }

    /**
     * A milestone reached (or, for a task, opened): {@code endedAt} empty while it waits. A task's {@code who} is
     * the user who completed it in Tasklist, when the engine knows.
     */
    record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt, String who,
            boolean canceled) {

        boolean task() {
            return "userTask".equals(type);
        }
    }

    /** An incident or a failing job: {@code resolvedAt} empty while open; {@code retriesLeft} for a job still tried. */
    record Trouble(String activityId, String message, Instant at, Instant resolvedAt, Integer retriesLeft, Instant nextTry) {
    }

    private final HistoryService history;
    private final RuntimeService runtime;
    private final ManagementService management;

    ProcessTrail(HistoryService history, RuntimeService runtime, ManagementService management) {
        this.history = history;
        this.runtime = runtime;
        this.management = management;
    }

    /** Oldest first; more than one when a process was deleted and started again. */
    List<Instance> instances(String processDefinitionKey, String businessKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processDefinitionKey)
                .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().asc().list().stream()
                .map(ProcessTrail::instance).toList();
    }

    List<Step> steps(String processInstanceId) {
        Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(task -> tasks.put(task.getId(), task));
        List<Step> steps = new ArrayList<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            if (!MILESTONES.contains(activity.getActivityId())) {
                continue;
            }
            HistoricTaskInstance task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
            steps.add(new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                    instant(activity.getStartTime()), instant(activity.getEndTime()), task == null ? null : task.getAssignee(),
                    activity.isCanceled()));
        }
        return steps;
    }

    /** Open incidents and jobs failing with retries left; resolved incidents where the history level keeps them. */
    List<Trouble> troubles(String processInstanceId) {
        Map<String, Trouble> byId = new LinkedHashMap<>();
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(processInstanceId).list()) {
            byId.put(incident.getId(), new Trouble(incident.getActivityId(), incident.getIncidentMessage(),
                    instant(incident.getCreateTime()), incident.isOpen() ? null : instant(incident.getEndTime()), null, null));
        }
        for (Incident incident : runtime.createIncidentQuery().processInstanceId(processInstanceId).list()) {
            byId.put(incident.getId(), new Trouble(incident.getActivityId(), incident.getIncidentMessage(),
                    instant(incident.getIncidentTimestamp()), null, null, null));
        }
        List<Trouble> troubles = new ArrayList<>(byId.values());
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).withException().list()) {
            if (job.getRetries() > 0) {
                troubles.add(new Trouble(activityOf(job), job.getExceptionMessage(), null, null, job.getRetries(),
                        instant(job.getDuedate())));
            }
        }
        troubles.sort(Comparator.comparing(Trouble::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return troubles;
    }

    /** Ids of the running processes of a campaign's declarations that have an open incident. */
    Map<String, String> declarationsWithIncidents(int campaignYear) {
        Map<String, String> businessKeys = new LinkedHashMap<>();
        List<Incident> incidents = runtime.createIncidentQuery().processDefinitionKeyIn(OrganizationDeclaration.KEY).list();
        if (incidents.isEmpty()) {
            return businessKeys;
        }
        Set<String> ids = new java.util.HashSet<>(incidents.stream().map(Incident::getProcessInstanceId).toList());
        runtime.createProcessInstanceQuery().processInstanceIds(ids)
                .processInstanceBusinessKeyLike(campaignYear + "-%").list()
                .forEach(process -> businessKeys.put(process.getId(), process.getBusinessKey()));
        return businessKeys;
    }

    private String activityOf(Job job) {
        String definition = job.getJobDefinitionId();
        if (definition == null) {
            return null;
        }
        var jobDefinition = management.createJobDefinitionQuery().jobDefinitionId(definition).singleResult();
        return jobDefinition == null ? null : jobDefinition.getActivityId();
    }

    private static Instance instance(HistoricProcessInstance process) {
        return new Instance(process.getId(), process.getProcessDefinitionKey(), instant(process.getStartTime()),
                instant(process.getEndTime()), process.getState(), process.getDeleteReason());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
