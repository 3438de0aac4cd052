package ca.gouv.qc.declarationsia.process;

/**
 * The process engine of the deployment-only tests: camunda-bpm-junit5's {@code ProcessEngineExtension} builds one
 * engine per configuration resource and keeps it for the test JVM, so every class naming this resource shares one
 * engine on the tests' embedded PostgreSQL, each test deploying only the model it exercises.
 */
public final class DeploymentOnlyEngine {

    public static final String CONFIGURATION = "deployment-only.camunda.cfg.xml";

    private DeploymentOnlyEngine() {
    }
}
