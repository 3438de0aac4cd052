package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.shared.web.WebappPath;
import org.junit.jupiter.api.Test;

/** The engine's doors are found where the one setting puts the webapps, and the writes they judge are named. */
class EngineRoutesTest {

    @Test
    void the_webapps_door_follows_the_setting() {
        EngineRoutes moved = new EngineRoutes(new WebappPath("/flux/"));
        assertThat(moved.engineRoute("/flux/api/engine/engine/default/task/7/complete")).isEqualTo("/task/7/complete");
        assertThat(moved.engineRoute("/engine-rest/task/7/complete")).isEqualTo("/task/7/complete");
        assertThat(moved.engineRoute("/camunda/api/engine/engine/default/task/7/complete")).isNull();
        assertThat(new EngineRoutes(new WebappPath("/camunda")).engineRoute("/camunda/api/engine/engine/default/job/1"))
                .isEqualTo("/job/1");
    }

    @Test
    void each_write_the_doors_judge_is_named_and_the_rest_left_to_camundas_authorizations() {
        assertThat(EngineRoutes.classify("/task/7/submit-form")).isEqualTo(
                new EngineRoutes.Write(EngineRoutes.Kind.TASK_COMPLETION, "7"));
        assertThat(EngineRoutes.classify("/task/7/comment/create")).isEqualTo(
                new EngineRoutes.Write(EngineRoutes.Kind.TASK_NOTE, "7"));
        assertThat(EngineRoutes.classify("/process-instance/9/variables/x/data").kind())
                .isEqualTo(EngineRoutes.Kind.VARIABLE_DATA);
        assertThat(EngineRoutes.classify("/task/7/variables/x").kind()).isEqualTo(EngineRoutes.Kind.VARIABLE_WRITE);
        assertThat(EngineRoutes.classify("/job/1/suspended").kind()).isEqualTo(EngineRoutes.Kind.JOB_WRITE);
        assertThat(EngineRoutes.classify("/identity/verify").kind()).isEqualTo(EngineRoutes.Kind.PASSWORD_CHECK);
        assertThat(EngineRoutes.classify("/task/create").kind()).isEqualTo(EngineRoutes.Kind.OTHER);
        assertThat(EngineRoutes.classify("/group/g/members/u").kind()).isEqualTo(EngineRoutes.Kind.OTHER);
    }
}
