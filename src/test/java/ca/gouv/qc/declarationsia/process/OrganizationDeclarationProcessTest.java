package ca.gouv.qc.declarationsia.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The organization's task goes to its own group only, and its submission ends the declaration. */
@IntegrationTest
class OrganizationDeclarationProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @Test
    void the_organization_prepares_and_submits_its_declaration() {
        ProcessInstance declaration = runtime.startProcessInstanceByKey("organization-declaration", "2093-MRNF",
                Map.of("campaignYear", 2093, "organizationCode", "MRNF"));

        assertThat(declaration).isWaitingAt("UserTask_PrepareDeclaration");
        assertThat(task()).hasCandidateGroup("org-MRNF").hasFormKey("/mes-declarations");
        complete(task());

        assertThat(declaration).hasPassed("EndEvent_DeclarationSubmitted").isEnded();
    }
}
