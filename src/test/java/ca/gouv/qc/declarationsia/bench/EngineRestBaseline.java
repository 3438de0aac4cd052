package ca.gouv.qc.declarationsia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * What a Camunda developer would build instead of our API, as the floor a request of ours is compared with: one user
 * task per body, its declaration kept as one JSON process variable, saved with {@code PUT
 * /engine-rest/task/{id}/variables/declaration} and submitted with {@code POST /engine-rest/task/{id}/complete}.
 * No validation of the declaration, no audit, no copy of what was submitted: the engine's REST API alone, behind our
 * sign-in and our engine doors, in the same server.
 */
final class EngineRestBaseline {

    static final String PROCESS_KEY = "bench-plain-declaration";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineRestBaseline() {
    }

    static void deploy(RepositoryService repository) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).name("Déclaration simple (référence du banc d’essai)")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_PlainDeclaration")
                .userTask("UserTask_PlainDeclaration").name("Remplir la déclaration").camundaCandidateUsers("${respondent}")
                .endEvent("EndEvent_PlainDeclaration")
                .done();
        repository.createDeployment().name("bench-plain-declaration").addModelInstance("plain-declaration.bpmn", model).deploy();
    }

    /** One plain process per respondent; returns each one's task id, in the same order. */
    static List<String> start(RuntimeService runtime, TaskService tasks, List<String> respondents) {
        List<String> ids = new ArrayList<>();
        for (String respondent : respondents) {
            String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, Map.of("respondent", respondent)).getId();
            ids.add(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        return ids;
    }

    /** The same 10 initiatives our API's draft carries, as one JSON variable (the engine REST API's Spin type). */
    static String variable(String declaration) {
        ObjectNode variable = JSON.createObjectNode();
        variable.put("value", declaration);
        variable.put("type", "Json");
        return variable.toString();
    }

    /** A draft save: the variable replaced. Our engine doors let only a coordinator write variables. */
    static HttpRequest save(HttpLoad http, String taskId, String coordinator, String password, String declaration) {
        return http.request("/engine-rest/task/" + taskId + "/variables/declaration", coordinator, password)
                .header("Content-Type", "application/json").PUT(HttpLoad.json(variable(declaration))).build();
    }

    /** A submission: the task completed by its candidate with the declaration as its variable. */
    static HttpRequest complete(HttpLoad http, String taskId, String respondent, String password, String declaration) {
        return http.request("/engine-rest/task/" + taskId + "/complete", respondent, password)
                .header("Content-Type", "application/json")
                .POST(HttpLoad.json("{\"variables\": {\"declaration\": " + variable(declaration) + "}}")).build();
    }
}
