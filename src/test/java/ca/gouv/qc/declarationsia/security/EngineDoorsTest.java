package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
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
 * The engine REST API (what Tasklist's buttons call) can do no more than our pages: it needs credentials and applies
 * Camunda's authorizations; a respondent cannot complete its task without the submission's checks, nor rewrite its
 * process's variables, nor credit someone else; a reviewer's decision is its own and the authenticated reviewer's;
 * jobs are for coordinators; nobody checks passwords through it; no variable names a Java class. Each refusal is a
 * 4xx with a message in the caller's language, and changes nothing.
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
    private void openTwoDeclarations() {
        year = TestYears.take();
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
    void the_engine_rest_api_needs_credentials_and_applies_camunda_authorizations() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri("/engine-rest/process-definition")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> asManager = get("gestion", "/engine-rest/process-definition?latestVersion=true");
        assertThat(asManager.statusCode()).isEqualTo(200);
        assertThat(asManager.body()).contains("annual-campaign", "organization-declaration");
        HttpResponse<String> asRespondent = get("ia.mrnf@example.qc.ca", "/engine-rest/process-definition?latestVersion=true");
        assertThat(asRespondent.statusCode()).isEqualTo(200);
        assertThat(asRespondent.body()).as("a respondent reads no process definition").isEqualTo("[]");
    }

    @Test
    void only_coordinators_change_jobs_and_nobody_checks_passwords_through_the_engine() throws Exception {
        String cleanup = management.createJobQuery().list().stream().filter(job -> job.getProcessInstanceId() == null)
                .map(org.camunda.bpm.engine.runtime.Job::getId).findFirst().orElseThrow();
        for (String user : List.of("analyste", "gestion")) {
            assertThat(put(user, "/engine-rest/job/" + cleanup + "/suspended", "{\"suspended\": true}").statusCode())
                    .as(user).isEqualTo(403);
            assertThat(put(user, "/engine-rest/job/" + cleanup + "/duedate",
                    "{\"duedate\": \"2030-01-01T00:00:00.000+0000\"}").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(management.createJobQuery().jobId(cleanup).singleResult().isSuspended()).isFalse();
        assertThat(post("gestion", "/engine-rest/identity/verify", "{\"username\": \"coordo\", \"password\": \"demo\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void a_respondent_cannot_complete_its_task_around_the_submission_nor_write_variables_nor_reach_another_body()
            throws Exception {
        openTwoDeclarations();
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
        openTwoDeclarations();
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
        openTwoDeclarations();
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

    @Test
    void on_another_bodys_task_the_door_checks_access_before_any_business_rule() throws Exception {
        openTwoDeclarations();
        String other = taskOf("DOOR-B");
        for (String action : List.of("complete", "submit-form", "resolve")) {
            HttpResponse<String> answer = post(respondentA, "/engine-rest/task/" + other + "/" + action, "{\"variables\": {}}");
            assertThat(answer.statusCode()).as(action + " " + answer.body()).isIn(403, 404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as("reveals nothing of the other body's declaration")
                    .doesNotContain("DOOR-B", "se soumet");
        }
        HttpResponse<String> created = post(respondentA, "/engine-rest/task/create", "{\"name\": \"x\"}");
        assertThat(created.statusCode()).as("Camunda's authorizations refuse it, in the shape of every refusal")
                .isEqualTo(403);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(created.body()).path("detail").asText()).contains("Vous n’avez pas accès");
        HttpResponse<String> own = post(respondentA, "/engine-rest/task/" + taskOf("DOOR-A") + "/complete", "{}");
        assertThat(own.statusCode()).as("its own task: the business rule says where to submit").isEqualTo(422);
        assertThat(status("DOOR-B")).isEqualTo("BROUILLON");
    }

    @Test
    void a_repeated_or_conflicting_identity_write_is_a_4xx_problem_not_a_500() throws Exception {
        String group = "door-group-" + System.nanoTime();
        String user = "door-user-" + System.nanoTime();
        String tenant = "doortenant" + System.nanoTime();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        assertThat(post("coordo", "/engine-rest/group/create", "{\"id\": \"" + group + "\", \"name\": \"Porte\", "
                + "\"type\": \"WORKFLOW\"}").statusCode()).isEqualTo(204);
        assertThat(post("coordo", "/engine-rest/user/create", "{\"profile\": {\"id\": \"" + user + "\", "
                + "\"firstName\": \"Ana\", \"lastName\": \"Porte\", \"email\": \"ana@example.qc.ca\"}, "
                + "\"credentials\": {\"password\": \"Un-mot-de-passe-2026!\"}}").statusCode()).isEqualTo(204);
        try {
            assertThat(put("coordo", "/engine-rest/group/" + group + "/members/" + user, "").statusCode()).isEqualTo(204);
            assertConflict(put("coordo", "/engine-rest/group/" + group + "/members/" + user, ""));
            assertConflict(post("coordo", "/engine-rest/group/create", "{\"id\": \"" + group + "\", \"name\": \"Encore\"}"));
            assertConflict(post("coordo", "/engine-rest/user/create", "{\"profile\": {\"id\": \"" + user + "\", "
                    + "\"firstName\": \"Ana\", \"lastName\": \"Encore\", \"email\": \"ana@example.qc.ca\"}, "
                    + "\"credentials\": {\"password\": \"Un-mot-de-passe-2026!\"}}"));
            assertThat(post("coordo", "/engine-rest/tenant/create", "{\"id\": \"" + tenant + "\", \"name\": \"T\"}")
                    .statusCode()).isEqualTo(204);
            assertConflict(post("coordo", "/engine-rest/tenant/create", "{\"id\": \"" + tenant + "\", \"name\": \"T\"}"));
            assertThat(put("coordo", "/engine-rest/tenant/" + tenant + "/group-members/" + group, "").statusCode())
                    .isEqualTo(204);
            assertConflict(put("coordo", "/engine-rest/tenant/" + tenant + "/group-members/" + group, ""));
            assertThat(put("coordo", "/engine-rest/tenant/" + tenant + "/user-members/" + user, "").statusCode())
                    .isEqualTo(204);
            assertConflict(put("coordo", "/engine-rest/tenant/" + tenant + "/user-members/" + user, ""));
        } finally {
            identity.deleteTenant(tenant);
            identity.deleteMembership(user, group);
            identity.deleteUser(user);
            identity.deleteGroup(group);
            root.detachAppender(logged);
        }
        assertThat(identity.createUserQuery().userId(user).count()).isZero();
        assertThat(logged.list).as("no error, no stack trace in the log").noneSatisfy(event -> assertThat(
                event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)).isTrue());
    }

    /** A repeated write is a 409 problem, in the caller's language, that names what exists. */
    private void assertConflict(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains("rien n’a été modifié");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(message(answer)).as(answer.body()).isNotBlank().doesNotContain("Exception", "SQL", "ACT_");
    }

    @Test
    void a_coordinators_mistaken_identity_or_authorization_write_is_a_4xx_problem_not_a_500() throws Exception {
        String group = "door-mistake-" + System.nanoTime();
        String user = "door-mistaken-" + System.nanoTime();
        assertThat(post("coordo", "/engine-rest/group/create", "{\"id\": \"" + group + "\", \"name\": \"P\"}")
                .statusCode()).isEqualTo(204);
        assertThat(post("coordo", "/engine-rest/user/create", "{\"profile\": {\"id\": \"" + user + "\", "
                + "\"firstName\": \"A\", \"lastName\": \"B\", \"email\": \"a@b.ca\"}, "
                + "\"credentials\": {\"password\": \"Un-mot-de-passe-2026!\"}}").statusCode()).isEqualTo(204);
        try {
            assertProblem(put("coordo", "/engine-rest/group/" + group + "/members/nobody-here", ""), 404,
                    "Aucun utilisateur n’a l’identifiant « nobody-here »");
            assertProblem(put("coordo", "/engine-rest/group/no-such-group/members/" + user, ""), 404,
                    "Aucun groupe n’a l’identifiant « no-such-group »");
            assertProblem(post("coordo", "/engine-rest/group/create", "{\"name\": \"Sans identifiant\"}"), 400,
                    "rien n’a été modifié");
            assertProblem(post("coordo", "/engine-rest/authorization/create", "{\"type\": 1, \"permissions\": "
                    + "[\"ACCESS\"], \"userId\": \"" + user + "\", \"groupId\": \"" + group + "\", "
                    + "\"resourceType\": 0, \"resourceId\": \"tasklist\"}"), 400, "rien n’a été modifié");
            assertProblem(put("coordo", "/engine-rest/user/" + user + "/profile", "{\"id\": \"" + user + "-autre\", "
                    + "\"firstName\": \"X\"}"), 409, "Quelqu’un d’autre a modifié ces données");
        } finally {
            identity.deleteUser(user);
            identity.deleteGroup(group);
        }
        assertThat(identity.createGroupQuery().groupMember(user).count()).isZero();
    }

    private void assertProblem(HttpResponse<String> answer, int status, String detail) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains(detail);
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

    private HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
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
