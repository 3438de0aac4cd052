package ca.gouv.qc.declarationsia.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.campaign.Campaign;
import ca.gouv.qc.declarationsia.campaign.CampaignForm;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.DeclarationRules;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.declaration.SubmitForm;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The form is data in versions: version 1 is the form the catalogue described, coordinators make the next one from the
 * newest through the API (refused whole, every problem named, when it does not hold together), and a campaign is
 * pinned to its version when it is created, never changed once launched. The database layer: the services the API
 * calls, as the coordinator, the reviewer, the manager or the body's respondent, in French unless said (the API's
 * description of a definition, what only its door shows, is in {@code SuccessionApiTest}, until the API's tests merge).
 */
@DatabaseTest
class FormVersionsTest {

    private static final int YEAR = 2083;
    /** A second campaign, on version 1 (years are shared between test classes: these are this class's). */
    private static final int OTHER_YEAR = 2087;
    /** The campaign on version 2 a body fills in through the API. */
    private static final int ANSWERS_YEAR = 2060;
    private static final String ANSWERS_ORG = "FORM-ANS";
    private static final String RESPONDENT = "ia.form-ans@example.qc.ca";
    /** The campaign whose answers are weighed by the conditions (the database layer's own database: free there). */
    private static final int ASKED_YEAR = 2064;

    @Autowired
    FormVersions forms;

    @Autowired
    CampaignService campaignService;

    @Autowired
    DeclarationService declarations;

    @Autowired
    ObjectMapper json;

    @Autowired
    DeclarationRules rules;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    DeclarationRepository declarationRepository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void french() {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(OTHER_YEAR);
        campaigns.cleanUp(ANSWERS_YEAR);
        campaigns.cleanUp(ASKED_YEAR);
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void version_one_is_the_form_the_catalogue_its_enums_and_the_bundles_describe() throws Exception {
        // as the API sends it and a client reads it back
        FormDefinition one = json.readValue(json.writeValueAsString(as("analyste", Roles.REVIEWERS, () -> forms.get(1))),
                FormDefinition.class);

        assertThat(one).isEqualTo(FormVersionOne.fromCatalogue());
        assertThat(one.fields().keySet()).containsExactlyElementsOf(
                FieldCatalogue.asked().stream().map(FieldCatalogue.Field::name).toList());
    }

    @Test
    void version_one_requires_exactly_what_the_submission_rules_require_whatever_the_other_answers() {
        FormDefinition one = FormVersionOne.fromCatalogue();
        for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
            Map<String, Object> values = valid();
            values.put(field.name(), null);
            List<String> refused = check(values).stream().map(Violation::path).toList();
            String path = "initiatives[0]." + field.name();
            assertThat(refused.contains(path)).as(field.name())
                    .isEqualTo(one.fields().get(field.name()).requires() && !"id".equals(field.name()));
        }
        assertThat(check(valid())).isEmpty();
    }

    @Test
    void a_coordinator_makes_the_next_version_from_the_newest_and_everyone_signed_in_reads_it() throws Exception {
        int next = newest() + 1;
        // what other tests' versions asked stays in the next one, retired
        long earlier = forms.get(next - 1).questions().stream()
                .filter(question -> !Set.of("guidanceFollowed", "publicInformationPage").contains(question.id())).count();
        ObjectNode definition = secondVersion(next);

        FormDefinition created = asCoordinator(() -> forms.create(definition(definition)));
        assertThat(created.version()).isEqualTo(next);
        assertThat(created.questions().get(0).id()).isEqualTo("guidanceFollowed");
        assertThat(json.valueToTree(created).at("/questions/1/public").asBoolean()).isTrue();

        FormVersions.Summary newest = as("gestion", Roles.MANAGERS, () -> forms.list()).get(0);
        assertThat(newest.version()).isEqualTo(next);
        assertThat(newest.basedOn()).isEqualTo(next - 1);
        assertThat(newest.createdBy()).isEqualTo("coordo");
        assertThat(newest.questions()).as("its two questions and the earlier ones, retired").isEqualTo(2 + earlier);
        FormDefinition stored = as("analyste", Roles.REVIEWERS, () -> forms.get(next));
        assertThat(stored).isEqualTo(json.treeToValue(definition, FormDefinition.class));
        assertThat(stored.codeLists().get("phase")).filteredOn(FormDefinition.Code::retired)
                .extracting(FormDefinition.Code::code).containsExactly("COLLECTE_TRAITEMENT_DONNEES");
        // the same definition again is not the next version any more
        assertThat(refusal(() -> asCoordinator(() -> forms.create(definition(definition)))).get(0).path())
                .isEqualTo("version");
    }

    @Test
    void a_definition_that_does_not_hold_together_is_refused_with_every_problem_at_its_place_and_nothing_is_stored()
            throws Exception {
        int before = newest();
        ObjectNode definition = secondVersion(before + 1);
        ArrayNode categories = (ArrayNode) definition.at("/codeLists/category");
        ((ObjectNode) categories.get(10)).remove("portrait");
        ((ObjectNode) categories.get(1)).put("code", "AIDE_DECISION_PREDICTION");
        ((ObjectNode) categories.get(2)).remove("en");
        ((ArrayNode) definition.at("/codeLists/riskLevel")).remove(0);
        ((ObjectNode) definition.at("/fields/riskLevel")).put("asked", false);
        ArrayNode questions = (ArrayNode) definition.get("questions");
        ((ObjectNode) questions.get(0)).put("fr", "Ligne\u0007cachée");
        ((ObjectNode) questions.get(1)).put("type", "URL");
        ((ObjectNode) questions.get(1)).putObject("when").put("question", "nowhere").put("value", "true");
        // after the two of secondVersion, and any retired one an earlier version asked
        String duplicate = "questions[" + questions.size() + "]";
        String onRetired = "questions[" + (questions.size() + 1) + "]";
        questions.addObject().put("id", "guidanceFollowed").put("type", "YES_NO").put("fr", "Encore").put("en", "Again");
        questions.addObject().put("id", "retiredPhaseOnly").put("type", "SHORT_TEXT").put("fr", "Seulement")
                .put("en", "Only").putObject("when").put("field", "phase").put("value", "COLLECTE_TRAITEMENT_DONNEES");

        List<Violation> refused = refusal(() -> asCoordinator(() -> forms.create(definition(definition))));
        assertThat(refused).extracting(Violation::path).contains("codeLists.category[10].portrait",
                "codeLists.category[1].code", "codeLists.category[2].en", "codeLists.riskLevel", "questions[0].fr",
                "questions[1].type", "questions[1].when.question", duplicate + ".id", onRetired + ".when.value");
        assertThat(messagesAt(refused, "codeLists.category[1].code")).anyMatch(message ->
                message.contains("AIDE_DECISION_PREDICTION figure deux fois"));
        assertThat(messagesAt(refused, "codeLists.category[2].en")).anyMatch(message ->
                message.contains("l’étiquette anglaise manque"));
        assertThat(messagesAt(refused, "codeLists.riskLevel")).anyMatch(message -> message.contains("FAIBLE"));
        assertThat(messagesAt(refused, "questions[1].when.question")).anyMatch(message -> message.contains("nowhere"));
        assertThat(messagesAt(refused, onRetired + ".when.value")).anyMatch(message -> message.contains("retiré"));
        assertThat(messagesAt(refused, "fields.riskLevel.required")).anyMatch(message ->
                message.contains("doit être demandé"));
        // in English too
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(messagesAt(refusal(() -> asCoordinator(() -> forms.create(definition(definition)))),
                "codeLists.category[2].en")).anyMatch(message ->
                message.contains("The English label is missing".substring(4)));
        assertThat(newest()).isEqualTo(before);
    }

    @Test
    void a_definition_too_large_is_refused_at_once_and_only_coordinators_make_versions() throws Exception {
        ObjectNode definition = secondVersion(newest() + 1);
        ArrayNode questions = (ArrayNode) definition.get("questions");
        for (int i = 0; i < FormProblems.MAX_QUESTIONS; i++) {
            questions.addObject().put("id", "question" + i).put("type", "YES_NO").put("fr", "Q").put("en", "Q");
        }
        assertThat(refusal(() -> asCoordinator(() -> forms.create(definition(definition))))).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.path()).isEqualTo("questions");
                    assertThat(violation.message()).contains("au plus 300 questions");
                });

        FormDefinition next = definition(secondVersion(newest() + 1));
        assertThatThrownBy(() -> as("analyste", Roles.REVIEWERS, () -> forms.create(next)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("analyste", Roles.REVIEWERS, () -> forms.get(999)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_campaign_pins_its_version_at_creation_the_newest_unless_told_and_keeps_it_once_launched() throws Exception {
        TestOrganizations.create(organizations, "FORM-1");
        int next = newest() + 1;
        asCoordinator(() -> forms.create(definition(secondVersion(next))));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));

        List<Violation> unknown = refusal(() -> asCoordinator(() -> campaignService.create(campaign(YEAR, 999))));
        assertThat(unknown.get(0).path()).isEqualTo("formVersion");
        assertThat(unknown.get(0).message()).isEqualTo("Version du formulaire : aucune version 999 du formulaire");
        assertThat(asCoordinator(() -> campaignService.create(campaign(OTHER_YEAR, 1))).formVersion()).isEqualTo(1);
        assertThat(asCoordinator(() -> campaignService.create(campaign(YEAR, null))).formVersion()).isEqualTo(next);
        // planned: its coordinator may still pin another version
        assertThat(asCoordinator(() -> campaignService.pinFormVersion(YEAR, 1)).formVersion()).isEqualTo(1);
        assertThat(refusal(() -> asCoordinator(() -> campaignService.pinFormVersion(YEAR, 999))).get(0).path())
                .isEqualTo("formVersion");
        asCoordinator(() -> campaignService.pinFormVersion(YEAR, next));
        asCoordinator(() -> campaignService.launch(YEAR));

        List<Violation> fixed = refusal(() -> asCoordinator(() -> campaignService.pinFormVersion(YEAR, 1)));
        assertThat(fixed.get(0).path()).isEqualTo("formVersion");
        assertThat(fixed.get(0).message()).contains("garde la version " + next);
        assertThatThrownBy(() -> as("gestion", Roles.MANAGERS, () -> campaignService.pinFormVersion(OTHER_YEAR, 1)))
                .isInstanceOf(AccessDeniedException.class);

        assertThatThrownBy(() -> jdbc.update("update campaign set form_version = 1 where year = ?", YEAR))
                .hasMessageContaining("never changes");
        assertThat(jdbc.queryForObject("select form_version from campaign where year = ?", Integer.class, YEAR))
                .isEqualTo(next);
        assertThat(as("gestion", Roles.MANAGERS, () -> campaignService.list())).filteredOn(c -> c.year() == OTHER_YEAR)
                .extracting(Campaign::formVersion).containsExactly(1);
    }

    /**
     * The newest version with what the ministry changes for a year: a category split off (counted in the Portrait as
     * its parent), a phase retired, a required yes/no question only for generative AI, an optional public link.
     */
    @Test
    void a_campaign_on_version_two_takes_answers_by_question_id_and_refuses_a_submission_without_the_required_one()
            throws Exception {
        TestOrganizations.createWithLogin(organizations, identity, ANSWERS_ORG);
        int next = newest() + 1;
        asCoordinator(() -> forms.create(definition(secondVersion(next))));
        campaigns.create(ANSWERS_YEAR, List.of(ANSWERS_ORG), next);
        transactions.executeWithoutResult(status -> opening.open(ANSWERS_YEAR, ANSWERS_ORG));
        campaigns.runDueJobs(ANSWERS_YEAR);
        // generative AI: the guidance question is asked, and required
        ObjectNode initiative = json.valueToTree(TestDeclarations.complete(null, "Rédaction assistée des réponses",
                ANSWERS_YEAR));

        // a question the version does not ask, a wrong type: refused at their place, nothing saved
        initiative.putObject("answers").put("guidanceFollowed", "oui").put("contactPerson", "Rita");
        List<Violation> refused = refusal(() -> save(draft(0, initiative)));
        assertThat(refused).extracting(Violation::path).contains("initiatives[0].answers.guidanceFollowed",
                "initiatives[0].answers.contactPerson");
        assertThat(refused).extracting(Violation::message).anyMatch(message -> message.contains("lignes directrices"));
        Declaration unchanged = read();
        assertThat(unchanged.version()).isEqualTo(0);
        assertThat(unchanged.initiatives()).isEmpty();

        // without the required answer: a draft, but no submission
        initiative.remove("answers");
        save(draft(0, initiative));
        assertThat(refusal(() -> submit())).extracting(Violation::path)
                .contains("initiatives[0].answers.guidanceFollowed");

        // with it: saved, read back by question id, submitted
        String id = read().initiatives().get(0).initiativeId();
        initiative.put("id", id).putObject("answers").put("guidanceFollowed", true)
                .put("publicInformationPage", "https://www.quebec.ca/ia/redaction");
        assertThat(save(draft(1, initiative)).initiatives().get(0).answers().values())
                .containsEntry("guidanceFollowed", true)
                .containsEntry("publicInformationPage", "https://www.quebec.ca/ia/redaction");
        assertThat(read().initiatives().get(0).answers().values()).containsEntry("guidanceFollowed", true);
        // as the API answers it: a plain object by question id
        assertThat(json.valueToTree(read()).at("/initiatives/0/answers/guidanceFollowed").asBoolean()).isTrue();
        // a save that sends no answers (the page's, until it asks the questions) keeps those saved
        ObjectNode withoutAnswers = initiative.deepCopy();
        withoutAnswers.remove("answers");
        assertThat(save(draft(2, withoutAnswers)).initiatives().get(0).answers().values())
                .containsEntry("guidanceFollowed", true);
        Declaration submitted = submit();
        assertThat(submitted.status()).isEqualTo(DeclarationStatus.SOUMISE);
        assertThat(submitted.initiatives().get(0).answers().values()).containsEntry("guidanceFollowed", true);
        // the aggregate's own mapping (Spring Data JDBC, what last year's reading uses) reads them back too
        long declarationId = jdbc.queryForObject("select id from declaration where campaign_year = ? "
                + "and organization_code = ?", Long.class, ANSWERS_YEAR, ANSWERS_ORG);
        assertThat(declarationRepository.findById(declarationId).orElseThrow().initiatives().get(0).answers().values())
                .containsEntry("guidanceFollowed", true)
                .containsEntry("publicInformationPage", "https://www.quebec.ca/ia/redaction");
    }

    /**
     * An answer to a question not asked of the initiative (its condition does not hold) is not kept, whichever door
     * saves the draft (the page, the API, the spreadsheet: they all save through the service): the rule the page
     * applied alone to what it hid. What is malformed or unknown is still refused, where it is asked or not.
     */
    @Test
    void an_answer_to_a_question_whose_condition_does_not_hold_is_not_kept_whoever_saves_it() throws Exception {
        String org = "FORM-ASK";
        TestOrganizations.createWithLogin(organizations, identity, org);
        int next = newest() + 1;
        asCoordinator(() -> forms.create(definition(secondVersion(next))));
        campaigns.create(ASKED_YEAR, List.of(org), next);
        transactions.executeWithoutResult(status -> opening.open(ASKED_YEAR, org));
        java.util.function.Function<String, Declaration> save = draft -> as("ia.form-ask@example.qc.ca",
                Roles.organizationGroup(org), () -> declarations.saveDraft(ASKED_YEAR, org, read(draft, DeclarationForm.class)));
        ObjectNode initiative = json.valueToTree(TestDeclarations.complete(null, "Tri du courrier", ASKED_YEAR));

        // no generative AI: the guidance question is not asked, its answer is not kept; the other one is
        initiative.put("generativeAi", false).putObject("answers").put("guidanceFollowed", true)
                .put("publicInformationPage", "https://www.quebec.ca/ia/tri");
        Declaration saved = save.apply(draft(0, initiative));
        assertThat(saved.initiatives().get(0).answers().values())
                .isEqualTo(Map.of("publicInformationPage", "https://www.quebec.ca/ia/tri"));

        // generative AI: kept; then generative AI taken back, answers not sent (those saved stay): dropped all the same
        initiative.put("id", saved.initiatives().get(0).initiativeId()).put("generativeAi", true);
        assertThat(save.apply(draft(1, initiative)).initiatives().get(0).answers().values())
                .containsEntry("guidanceFollowed", true);
        ObjectNode withoutAnswers = initiative.deepCopy().put("generativeAi", false);
        withoutAnswers.remove("answers");
        assertThat(save.apply(draft(2, withoutAnswers)).initiatives().get(0).answers().values())
                .isEqualTo(Map.of("publicInformationPage", "https://www.quebec.ca/ia/tri"));

        // a question the version does not ask at all is still refused, nothing saved
        initiative.put("generativeAi", false).putObject("answers").put("contactPerson", "Rita");
        assertThat(refusal(() -> save.apply(draft(3, initiative)))).extracting(Violation::path)
                .containsExactly("initiatives[0].answers.contactPerson");
        assertThat(jdbc.queryForObject("select version from declaration where campaign_year = ? and organization_code = ?",
                Integer.class, ASKED_YEAR, org)).isEqualTo(3);
    }

    private static final String SIGNATURE = """
            {"attestation": true, "signatory": {"name": "Denise Directrice", "role": "Dirigeante de l’information",
             "email": "dri.form-ans@example.qc.ca"}}""";

    private String draft(int version, ObjectNode initiative) {
        ObjectNode draft = json.createObjectNode().put("version", version).put("noInitiatives", false);
        draft.putObject("contact").put("name", "Rita Répondante").put("email", RESPONDENT);
        draft.putArray("initiatives").add(initiative);
        return draft.toString();
    }

    /** The body's respondent saves its draft, as its page and the API do (the same JSON as the API's body). */
    private Declaration save(String draft) {
        return asRespondent(() -> declarations.saveDraft(ANSWERS_YEAR, ANSWERS_ORG, read(draft, DeclarationForm.class)));
    }

    private Declaration submit() {
        return asRespondent(() -> declarations.submit(ANSWERS_YEAR, ANSWERS_ORG, read(SIGNATURE, SubmitForm.class)));
    }

    private Declaration read() {
        return asRespondent(() -> declarations.get(ANSWERS_YEAR, ANSWERS_ORG));
    }

    private <T> T asRespondent(Supplier<T> work) {
        return as(RESPONDENT, Roles.organizationGroup(ANSWERS_ORG), work);
    }

    private static <T> T asCoordinator(Supplier<T> work) {
        return as("coordo", Roles.COORDINATORS, work);
    }

    /** As this user signed in, with this group, as a request of theirs runs. */
    private static <T> T as(String user, String group, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(group))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** What was refused, each problem at its place (the API's 422). */
    private static List<Violation> refusal(Runnable work) {
        try {
            work.run();
        } catch (InvalidInputException refused) {
            return refused.violations();
        }
        throw new AssertionError("not refused");
    }

    private static List<String> messagesAt(List<Violation> violations, String path) {
        return violations.stream().filter(violation -> violation.path().equals(path)).map(Violation::message).toList();
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private FormDefinition definition(ObjectNode definition) {
        try {
            return json.treeToValue(definition, FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest version as the API sends it, made the next one. */
    private ObjectNode secondVersion(int version) {
        return secondVersion(json, json.valueToTree(forms.get(version - 1)), version);
    }

    /**
     * The next version made from the newest: a new category code, a retired phase, a required yes-or-no question asked
     * only for generative AI and an optional public one; what the newest asked besides stays, retired.
     */
    static ObjectNode secondVersion(ObjectMapper json, ObjectNode newest, int version) {
        ObjectNode definition = newest;
        definition.put("version", version).put("basedOn", version - 1);
        ArrayNode categories = (ArrayNode) definition.at("/codeLists/category");
        if (categories.findValuesAsText("code").stream().noneMatch("GENERATION_CONTENU"::equals)) {
            categories.addObject().put("code", "GENERATION_CONTENU").put("fr", "Génération de contenu")
                    .put("en", "Content generation").put("retired", false).put("portrait", "AUTOMATISATION");
        }
        for (JsonNode phase : definition.at("/codeLists/phase")) {
            if ("COLLECTE_TRAITEMENT_DONNEES".equals(phase.get("code").asText())) {
                ((ObjectNode) phase).put("retired", true);
            }
        }
        // what the newest version asked besides these two (other tests' versions) stays, retired: never removed
        List<ObjectNode> others = new ArrayList<>();
        for (JsonNode question : definition.path("questions")) {
            if (!Set.of("guidanceFollowed", "publicInformationPage").contains(question.get("id").asText())) {
                ObjectNode retired = ((ObjectNode) question.deepCopy()).put("retired", true).put("required", false);
                retired.remove("when");
                others.add(retired);
            }
        }
        ArrayNode questions = definition.putArray("questions");
        ObjectNode guidance = questions.addObject().put("id", "guidanceFollowed").put("type", "YES_NO")
                .put("fr", "L’initiative suit-elle les lignes directrices sur l’IA générative?")
                .put("en", "Does the initiative follow the generative AI guidance?")
                .put("helpFr", "Guide d’application de décembre 2025.").put("helpEn", "December 2025 guidance.")
                .put("required", true).put("public", false).put("retired", false);
        guidance.putObject("when").put("field", "generativeAi").put("value", "true");
        questions.addObject().put("id", "publicInformationPage").put("type", "SHORT_TEXT")
                .put("fr", "Page d’information publique").put("en", "Public information page")
                .put("required", false).put("public", true).put("retired", false);
        questions.addAll(others);
        return definition;
    }

    private int newest() {
        return forms.newest();
    }

    private static CampaignForm campaign(int year, Integer formVersion) {
        return new CampaignForm(year, LocalDate.of(year, 6, 30), LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 31),
                LocalDate.of(year, 11, 30), null, null, false, List.of("FORM-1"), formVersion);
    }

    /** An initiative meeting every rule, with the answers that make no other field needed. */
    private static Map<String, Object> valid() {
        Map<String, Object> values = new HashMap<>();
        values.put("id", "IA-FORM-0001");
        values.put("name", "Tri du courrier");
        values.put("objectType", "PROJET");
        values.put("description", "Un modèle classe le courrier reçu par sujet.");
        values.put("category", "AUTOMATISATION");
        values.put("benefits", "Moins de délais");
        values.put("phase", "EXPLORATION");
        values.put("startDate", "2023-04");
        values.put("servicesToPopulation", false);
        values.put("cybersecurity", false);
        values.put("generativeAi", false);
        values.put("acquisitionMode", "DEVELOPPEMENT_INTERNE");
        values.put("personalInformation", "NON");
        values.put("decisionRole", "SOUTIEN_OPERATIONNEL");
        values.put("humanOversight", "HUMAIN_SUR_LA_BOUCLE");
        values.put("riskLevel", "FAIBLE");
        values.put("publicDescription", "Le courrier est trié plus vite.");
        return values;
    }

    private List<Violation> check(Map<String, Object> values) {
        RecordComponent[] components = InitiativeSnapshot.class.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = "initiativeId".equals(components[i].getName()) ? "id" : components[i].getName();
            arguments[i] = "notPublishable".equals(name) ? false : FieldCatalogue.find(name)
                    .map(field -> field.stored(values.get(field.name()))).orElse(null);
        }
        InitiativeSnapshot initiative;
        try {
            initiative = InitiativeSnapshot.class.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        Declaration declaration = new Declaration(1L, YEAR, "FORM", "PF", false, DeclarationStatus.BROUILLON, false,
                null, new Declaration.Person("Personne", "personne@example.org"), false, null, null, false, null, 0,
                null, List.of(initiative), 1);
        return rules.check(declaration, YearMonth.of(YEAR, 6), List.of());
    }

}
