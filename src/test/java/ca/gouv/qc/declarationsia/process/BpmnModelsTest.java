package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * Every model in bpmn/ and every form in forms/ is picked by the application's deployment pattern and deploys (on
 * the {@link DeploymentOnlyEngine}), and every model follows {@link BpmnModelRules}, its
 * expressions checked against the beans the application defines ({@link ApplicationBeans}): no application started.
 */
class BpmnModelsTest {

    private static final Path MODELS = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");
    private static final Set<String> BEANS = ApplicationBeans.names();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource(DeploymentOnlyEngine.CONFIGURATION).build();

    RepositoryService repository;

    @BeforeEach
    void repository() {
        repository = engine.getRepositoryService();
    }

    private final Predicate<String> beanExists = BEANS::contains;

    @Test
    void every_model_follows_the_rules() throws IOException {
        for (Path file : files(MODELS, ".bpmn")) {
            assertThat(BpmnModelRules.problems(file.getFileName().toString(), read(file), beanExists))
                    .as(file.toString())
                    .isEmpty();
        }
    }

    /** The names our code asks the engine about ({@link ProcessModels}) exist in their model: a rename shows here. */
    @Test
    void every_name_the_code_uses_is_in_its_model() throws IOException, IllegalAccessException {
        Map<Class<?>, String> models = Map.of(ProcessModels.AnnualCampaign.class, "annual-campaign.bpmn",
                ProcessModels.OrganizationDeclaration.class, "organization-declaration.bpmn");
        assertThat(ProcessModels.class.getDeclaredClasses()).as("every model listed here").hasSize(models.size());
        for (Map.Entry<Class<?>, String> model : models.entrySet()) {
            String xml = read(MODELS.resolve(model.getValue()));
            for (java.lang.reflect.Field name : model.getKey().getDeclaredFields()) {
                String value = (String) name.get(null);
                boolean element = xml.contains(" id=\"" + value + "\"");
                boolean message = xml.contains("<bpmn:message ") && xml.contains(" name=\"" + value + "\"");
                assertThat(element || message).as(model.getValue() + " has " + name.getName() + " = " + value).isTrue();
            }
        }
    }

    @Test
    void every_model_and_form_is_deployed() throws IOException {
        // what the application deploys: its camunda.bpm.deployment-resource-pattern (the default one skips forms)
        DeploymentBuilder builder = repository.createDeployment().name("BpmnModelsTest");
        for (String pattern : deploymentPatterns()) {
            for (org.springframework.core.io.Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                builder.addInputStream(resource.getFilename(), resource.getInputStream());
            }
        }
        Deployment latest = builder.deploy();
        try {
            Set<String> deployedKeys = repository.createProcessDefinitionQuery().deploymentId(latest.getId()).list().stream()
                    .map(ProcessDefinition::getKey)
                    .collect(Collectors.toSet());
            assertThat(deployedKeys).contains("annual-campaign", "organization-declaration");
            for (Path file : files(MODELS, ".bpmn")) {
                Matcher process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(read(file));
                while (process.find()) {
                    assertThat(deployedKeys).as(file + " deployed").contains(process.group(1));
                }
            }

            Set<String> deployedResources = repository.getDeploymentResources(latest.getId()).stream()
                    .map(Resource::getName)
                    .map(name -> Path.of(name).getFileName().toString())
                    .collect(Collectors.toSet());
            for (Path form : files(FORMS, ".form")) {
                assertThat(deployedResources).as("form " + form + " deployed").contains(form.getFileName().toString());
            }
        } finally {
            repository.deleteDeployment(latest.getId(), true);
        }
    }

    @Test
    void the_application_defines_the_beans_its_models_name() {
        assertThat(BEANS).as("read from the classpath as Spring's scan reads it")
                .contains("queueInvitation", "campaignCalendar", "organizationService", "clock")
                .doesNotContain("noSuchBean");
    }

    @Test
    void every_form_a_model_references_exists_in_forms() throws IOException {
        Set<String> formIds = files(FORMS, ".form").stream()
                .map(BpmnModelsTest::read)
                .map(json -> {
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
                    return id.find() ? id.group(1) : "";
                })
                .collect(Collectors.toSet());
        for (Path model : files(MODELS, ".bpmn")) {
            Matcher formRef = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(read(model));
            while (formRef.find()) {
                assertThat(formIds).as(model + " refers to form " + formRef.group(1)).contains(formRef.group(1));
            }
        }
    }

    @Test
    void a_model_without_diagram_is_refused() throws IOException {
        String withoutDiagram = read(MODELS.resolve("organization-declaration.bpmn"))
                .replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "");
        assertThat(BpmnModelRules.problems("no-diagram.bpmn", withoutDiagram, beanExists))
                .anyMatch(problem -> problem.contains("UserTask_PrepareDeclaration is not in the diagram"));
    }

    @Test
    void a_model_without_history_time_to_live_is_refused() throws IOException {
        String withoutTtl = read(MODELS.resolve("organization-declaration.bpmn"))
                .replaceAll("camunda:historyTimeToLive=\"[^\"]*\"", "");
        assertThat(BpmnModelRules.problems("no-ttl.bpmn", withoutTtl, beanExists))
                .containsExactly("no-ttl.bpmn: process organization-declaration has no historyTimeToLive");
    }

    @Test
    void an_expression_naming_a_missing_bean_is_refused() throws IOException {
        String listener = "<bpmn:extensionElements><camunda:executionListener delegateExpression=\"${noSuchBean}\" "
                + "event=\"start\" /></bpmn:extensionElements>";
        String withMissingBean = read(MODELS.resolve("organization-declaration.bpmn"))
                .replace("<bpmn:outgoing>Flow_ToQueueInvitation</bpmn:outgoing>",
                        listener + "<bpmn:outgoing>Flow_ToQueueInvitation</bpmn:outgoing>");
        assertThat(BpmnModelRules.problems("missing-bean.bpmn", withMissingBean, beanExists))
                .containsExactly("missing-bean.bpmn: expression ${noSuchBean} names no bean called noSuchBean");
        // and the same expression passes once the bean exists
        assertThat(BpmnModelRules.problems("bean.bpmn", withMissingBean.replace("noSuchBean", "organizationService"),
                beanExists)).isEmpty();
    }

    private static List<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
            assertThat(found).as("files in " + folder).isNotEmpty();
            return found;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> deploymentPatterns() throws IOException {
        try (var yaml = BpmnModelsTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> settings = new Yaml().load(yaml);
            Map<String, Object> camunda = (Map<String, Object>) ((Map<String, Object>) settings.get("camunda")).get("bpm");
            List<String> patterns = (List<String>) camunda.get("deployment-resource-pattern");
            assertThat(patterns).as("camunda.bpm.deployment-resource-pattern in application.yml").isNotEmpty();
            return patterns;
        }
    }
}
