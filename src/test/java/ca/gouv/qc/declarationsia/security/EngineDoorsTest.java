package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine REST API (what Tasklist's buttons call) can do no more than our pages: a respondent cannot complete its
 * task without the submission's checks, nor rewrite its process's variables, nor credit someone else; a reviewer's
 * decision is its own and the authenticated reviewer's; jobs are for coordinators; no variable names a Java class.
 * Each refusal is a 4xx with a message in the caller's language, and changes nothing.
 */
@IntegrationTest
class EngineDoorsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private String respondentA;
    private int year;

    /** Each test its own year (the database is shared), with two bodies' declarations open. */
    private void openTwoDeclarations(int campaignYear) {
        year = campaignYear;
        respondentA = TestOrganizations.createWithLogin(organizations, identity, "DOOR-A");
        TestOrganizations.createWithLogin(organizations, identity, "DOOR-B");
        campaigns.create(year, List.of("DOOR-A", "DOOR-B"));
        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 13, 0));
        campaigns.launch(year);
        campaigns.runDueJobs(year);
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(year);
    }

    @Test
    void a_respondent_cannot_complete_its_task_around_the_submission_nor_write_variables_nor_reach_another_body()
            throws Exception {
        openTwoDeclarations(2067);
        String task = taskOf("DOOR-A");

        HttpResponse<String> completed = post(respondentA, "/engine-rest/task/" + task + "/complete", "{\"variables\": {}}");
        assertThat(completed.statusCode()).as("no attestation, no signatory, no rules: refused").isEqualTo(422);
        assertThat(message(completed)).contains("une déclaration se soumet sur sa page", "/mes-declarations/" + year + "/DOOR-A");
        assertThat(completed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> moved = put(respondentA, "/engine-rest/task/" + task + "/variables/organizationCode",
                "{\"value\": \"DOOR-B\", \"type\": \"String\"}");
        assertThat(moved.statusCode()).isEqualTo(403);
        assertThat(message(moved)).contains("les variables des processus ne se modifient pas par cette voie");
        HttpResponse<String> forged = post(respondentA, "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"submittedBy\": {\"value\": \"coordo\"}}}");
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(post(respondentA, "/engine-rest/task/" + taskOf("DOOR-B") + "/complete", "{}").statusCode())
                .as("another body's task").isIn(403, 404, 422);

        assertThat(jdbc.queryForList("select status from declaration where campaign_year = ? order by organization_code",
                String.class, year)).as("nothing moved").containsExactly("BROUILLON", "BROUILLON");
        assertThat(jdbc.queryForObject("select count(*) from declaration_transition t join declaration d on d.id = "
                + "t.declaration_id where d.campaign_year = ?", Integer.class, year)).isZero();
        assertThat(runtime.getVariable(tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId(),
                "organizationCode")).isEqualTo("DOOR-A");

        assertThat(post(respondentA, "/engine-rest/task/create", "{\"name\": \"x\"}").statusCode()).isEqualTo(403);
        String cleanup = management.createJobQuery().list().stream().filter(job -> job.getProcessInstanceId() == null)
                .map(org.camunda.bpm.engine.runtime.Job::getId).findFirst().orElse("none");
        HttpResponse<String> suspend = put(respondentA, "/engine-rest/job/" + cleanup + "/suspended", "{\"suspended\": true}");
        assertThat(suspend.statusCode()).as("jobs are for coordinators").isEqualTo(403);
        HttpResponse<String> unknown = post(respondentA, "/engine-rest/task/no-such-task/complete", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(message(unknown)).contains("aucune tâche n’a cet identifiant");
    }

    @Test
    void a_reviewer_decides_as_itself_through_the_engine_and_never_replays_a_decision() throws Exception {
        openTwoDeclarations(2068);
        declarations.submit(year, "DOOR-A", List.of());
        campaigns.runDueJobs(year);
        String review = taskOf("DOOR-A");

        HttpResponse<String> undecided = post("analyste", "/engine-rest/task/" + review + "/complete",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"ACCEPT\"}, \"reviewedBy\": {\"value\": \"coordo\"}}}");
        assertThat(undecided.statusCode()).as("the decision is the form's field, not a variable to slip in")
                .isEqualTo(422);
        assertThat(message(undecided)).contains("Décision : obligatoire");
        assertThat(status("DOOR-A")).isEqualTo("EN_REVISION");

        HttpResponse<String> corrections = post("analyste", "/engine-rest/task/" + review + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"REQUEST_CORRECTIONS\"}, "
                        + "\"comment\": {\"value\": \"Précisez la personne-ressource.\"}, \"reviewedBy\": {\"value\": \"coordo\"}}}");
        assertThat(corrections.statusCode()).isEqualTo(204);
        assertThat(status("DOOR-A")).isEqualTo("A_CORRIGER");
        assertThat(actor("A_CORRIGER")).as("credited to the reviewer who signed in").isEqualTo("analyste");

        declarations.submit(year, "DOOR-A", List.of());
        campaigns.runDueJobs(year);
        HttpResponse<String> replay = post("analyste", "/engine-rest/task/" + taskOf("DOOR-A") + "/complete", "{}");
        assertThat(replay.statusCode()).as("round 2 has no decision of its own yet").isEqualTo(422);
        assertThat(status("DOOR-A")).isEqualTo("EN_REVISION");
        assertThat(jdbc.queryForObject("select count(*) from review_round r join declaration d on d.id = r.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = 'DOOR-A'", Integer.class, year)).isOne();

        assertThat(post("gestion", "/engine-rest/task/" + taskOf("DOOR-A") + "/comment/create",
                "{\"message\": \"vu\"}").statusCode()).as("a manager comments on no task").isEqualTo(403);
        HttpResponse<String> comment = post("analyste", "/engine-rest/task/" + taskOf("DOOR-A") + "/comment/create",
                "{\"message\": \"Je m’en occupe.\"}");
        assertThat(comment.statusCode()).as("who may work it may comment: " + comment.body()).isEqualTo(200);
    }

    @Test
    void no_variable_names_a_java_class_even_for_a_coordinator() throws Exception {
        openTwoDeclarations(2069);
        String process = tasks.createTaskQuery().taskId(taskOf("DOOR-A")).singleResult().getProcessInstanceId();
        for (String type : List.of("java.io.File", "java.net.URL", "com.example.Nope")) {
            HttpResponse<String> object = put("coordo", "/engine-rest/process-instance/" + process + "/variables/payload",
                    "{\"type\": \"Object\", \"value\": \"{}\", \"valueInfo\": {\"objectTypeName\": \"" + type + "\", "
                            + "\"serializationDataFormat\": \"application/json\"}}");
            assertThat(object.statusCode()).as(type).isEqualTo(400);
            assertThat(message(object)).contains("Object");
        }
        assertThat(runtime.getVariable(process, "payload")).isNull();
    }

    private String taskOf(String organizationCode) {
        return tasks.createTaskQuery().processInstanceBusinessKey(year + "-" + organizationCode).singleResult().getId();
    }

    private String status(String organizationCode) {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, year, organizationCode);
    }

    private String actor(String toStatus) {
        return jdbc.queryForObject("select actor from declaration_transition t join declaration d on d.id = t.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = 'DOOR-A' and t.to_status = ?", String.class, year,
                toStatus);
    }

    private String message(HttpResponse<String> response) throws Exception {
        JsonNode body = json.readTree(response.body());
        return body.path("message").asText();
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String user, String path, String body) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept-Language", "fr-CA").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
