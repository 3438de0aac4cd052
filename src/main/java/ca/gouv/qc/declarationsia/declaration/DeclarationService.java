package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's declaration: read it, save a draft (incomplete is fine, malformed is not), check it against the
 * submission rules, submit it. The one write path of a declaration's content.
 */
@Service
public class DeclarationService {

    /** The organization's first task in {@code organization-declaration}. */
    public static final String PREPARE_TASK = "UserTask_PrepareDeclaration";
    static final List<String> ORGANIZATION_TASKS = List.of(PREPARE_TASK, "UserTask_CorrectDeclaration");
    private static final Set<DeclarationStatus> EDITABLE = Set.of(DeclarationStatus.BROUILLON, DeclarationStatus.A_CORRIGER);

    private final DeclarationRepository declarations;
    private final InitiativeIds initiativeIds;
    private final DeclarationRules rules;
    private final CarryOver carryOver;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final DeclarationTransitions transitions;
    private final RuntimeService runtime;

    DeclarationService(DeclarationRepository declarations, InitiativeIds initiativeIds, DeclarationRules rules,
            CarryOver carryOver, InputValidator validator, AccessPolicy access, TaskService tasks, JdbcClient jdbc,
            DeclarationTransitions transitions, RuntimeService runtime) {
        this.declarations = declarations;
        this.initiativeIds = initiativeIds;
        this.rules = rules;
        this.carryOver = carryOver;
        this.validator = validator;
        this.access = access;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.transitions = transitions;
        this.runtime = runtime;
    }

    @Transactional(readOnly = true)
    public Declaration get(int year, String organizationCode) {
        access.requireRead(organizationCode);
        return find(year, organizationCode);
    }

    /** One line per declaration of a campaign, counted in the database. */
    public record Summary(String organizationCode, DeclarationStatus status, boolean noInitiatives, int initiatives,
            boolean late) {
    }

    @Transactional(readOnly = true)
    public List<Summary> list(int year) {
        access.requireStaff();
        return jdbc.sql("""
                select d.organization_code, d.status, d.no_initiatives,
                       (select count(*) from initiative_snapshot s where s.declaration_id = d.id) as initiatives, d.late
                  from declaration d where d.campaign_year = :year order by d.organization_code
                """).param("year", year).query(Summary.class).list();
    }

    /** Saves a draft; refuses it whole if malformed, locked (submitted) or saved meanwhile from another tab. */
    @Transactional
    public Declaration saveDraft(int year, String organizationCode, DeclarationForm form) {
        access.requireWrite(organizationCode);
        Declaration current = find(year, organizationCode);
        requireEditable(current);
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        List<InitiativeForm> initiatives = form.initiatives() == null ? List.of() : form.initiatives();
        violations.addAll(idViolations(organizationCode, initiatives));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Map<String, InitiativeSnapshot> before = current.initiatives().stream()
                .collect(Collectors.toMap(InitiativeSnapshot::initiativeId, Function.identity()));
        List<InitiativeSnapshot> snapshots = new ArrayList<>();
        for (InitiativeForm initiative : initiatives) {
            String id = blank(initiative.id()) ? initiativeIds.next(organizationCode) : initiative.id().trim();
            snapshots.add(Snapshots.of(id, initiative, before.get(id)));
        }
        Declaration.Person contact = form.contact() == null ? null
                : new Declaration.Person(trim(form.contact().name()), trim(form.contact().email()));
        Integer version = form.version() != null ? form.version() : current.version();
        return declarations.save(new Declaration(current.id(), year, organizationCode, current.portfolioCode(),
                current.network(), current.status(), Boolean.TRUE.equals(form.noInitiatives()), current.exemptionReason(),
                contact, current.attestation(), current.signatory(), current.submittedAt(), current.late(),
                current.extendedDueDate(), current.correctionRound(), current.processInstanceId(), snapshots, version));
    }

    /**
     * Adds and updates initiatives from a spreadsheet's rows: a row with an id updates that initiative, a row without
     * one adds an initiative; the others stay. All rows are saved, or none; each error names its line.
     */
    @Transactional
    public Declaration importInitiatives(int year, String organizationCode, List<InitiativeCsv.Row> rows,
            java.util.function.BiFunction<Long, String, String> lineMessage) {
        access.requireWrite(organizationCode);
        Declaration current = find(year, organizationCode);
        List<InitiativeForm> merged = new ArrayList<>(current.initiatives().stream()
                .map(initiative -> DeclarationPageForm.Initiative.of(initiative).toForm()).toList());
        Map<Integer, Long> lineOfIndex = new HashMap<>();
        for (InitiativeCsv.Row row : rows) {
            int index = -1;
            for (int i = 0; i < merged.size() && row.initiative().id() != null; i++) {
                if (row.initiative().id().equals(merged.get(i).id())) {
                    index = i;
                }
            }
            if (index >= 0) {
                merged.set(index, row.initiative());
            } else {
                merged.add(row.initiative());
                index = merged.size() - 1;
            }
            lineOfIndex.put(index, row.line());
        }
        try {
            return saveDraft(year, organizationCode, new DeclarationForm(false, current.contact() == null ? null
                    : new DeclarationForm.Person(current.contact().name(), current.contact().email()), current.version(),
                    merged));
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(invalid.violations().stream().map(violation -> {
                java.util.regex.Matcher index = java.util.regex.Pattern.compile("^initiatives\\[(\\d+)]").matcher(violation.path());
                Long line = index.find() ? lineOfIndex.get(Integer.valueOf(index.group(1))) : null;
                return line == null ? violation
                        : new Violation(violation.path(), violation.code(), lineMessage.apply(line, violation.message()));
            }).toList());
        }
    }

    /**
     * A coordinator exempts a body that has not submitted (with the reason): EXEMPTEE, audited, and its process stops,
     * so no reminder follows.
     */
    @Transactional
    public Declaration exempt(int year, String organizationCode, String reason) {
        access.requireCoordinator();
        Declaration current = find(year, organizationCode);
        if (!current.status().canMoveTo(DeclarationStatus.EXEMPTEE)) {
            throw new InvalidInputException(List.of(validator.violation("status", "State", "validation.exemption.state",
                    current.status())));
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInputException(List.of(validator.violation("reason", "Required", "validation.required")));
        }
        DeclarationKey key = new DeclarationKey(year, organizationCode);
        jdbc.sql("update declaration set exemption_reason = :reason where id = :id")
                .param("reason", reason.strip()).param("id", current.id()).update();
        transitions.move(key, DeclarationStatus.EXEMPTEE, String.valueOf(CurrentUser.get().id()), reason.strip());
        if (current.processInstanceId() != null) {
            runtime.deleteProcessInstanceIfExists(current.processInstanceId(), "Exemptée : " + reason.strip(), false, true,
                    false, false);
        }
        return find(year, organizationCode);
    }

    /** Every reason the declaration could not be submitted as it stands (empty when it could). */
    @Transactional(readOnly = true)
    public List<Violation> check(int year, String organizationCode) {
        access.requireRead(organizationCode);
        return rulesFor(find(year, organizationCode));
    }

    /** Submits: the rules must hold and the attestation be signed; the organization's task is then completed. */
    @Transactional
    public Declaration submit(int year, String organizationCode, SubmitForm form) {
        access.requireWrite(organizationCode);
        Declaration current = find(year, organizationCode);
        requireEditable(current);
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        if (!Boolean.TRUE.equals(form.attestation())) {
            violations.add(0, validator.violation("attestation", "Required", "validation.submission.attestation"));
        }
        violations.addAll(rulesFor(current));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(DeclarationOpening.businessKey(year, organizationCode))
                .taskDefinitionKeyIn(ORGANIZATION_TASKS.toArray(String[]::new)).singleResult();
        if (task == null) {
            throw new InvalidInputException(List.of(validator.violation("status", "NotReady", "validation.declaration.locked",
                    current.status())));
        }
        SubmitForm.Signatory signatory = form.signatory();
        jdbc.sql("""
                update declaration set attestation = true, signatory_name = :name, signatory_role = :role,
                       signatory_email = :email, version = version + 1 where id = :id
                """).param("name", signatory.name().trim()).param("role", signatory.role().trim())
                .param("email", signatory.email().trim()).param("id", current.id()).update();
        tasks.complete(task.getId(), Map.of("submittedBy", String.valueOf(CurrentUser.get().id())));
        return declarations.findById(current.id()).orElseThrow();
    }

    /** The submission rules, for the process's own check. */
    @Transactional(readOnly = true)
    public List<Violation> violations(DeclarationKey key) {
        return rulesFor(find(key.campaignYear(), key.organizationCode()));
    }

    @Transactional(readOnly = true)
    public int correctionRound(DeclarationKey key) {
        return find(key.campaignYear(), key.organizationCode()).correctionRound();
    }

    private List<Violation> rulesFor(Declaration declaration) {
        LocalDate reference = jdbc.sql("select reference_date from campaign where year = :year")
                .param("year", declaration.campaignYear()).query(LocalDate.class).single();
        return rules.check(declaration, YearMonth.from(reference),
                carryOver.activeLastYear(declaration.campaignYear(), declaration.organizationCode()));
    }

    /** An id sent back must be one the system gave this organization, once in the list. */
    private List<Violation> idViolations(String organizationCode, List<InitiativeForm> initiatives) {
        List<String> ids = initiatives.stream().map(InitiativeForm::id).filter(id -> !blank(id)).map(String::trim).toList();
        Set<String> known = ids.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                        "select id from initiative where organization_code = :organization and id in (:ids)")
                .param("organization", organizationCode).param("ids", ids).query(String.class).list());
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < initiatives.size(); i++) {
            String id = initiatives.get(i).id();
            if (blank(id)) {
                continue;
            }
            String path = "initiatives[" + i + "].id";
            if (!known.contains(id.trim())) {
                violations.add(validator.violation(path, "UnknownId", "validation.initiative.unknownId", id.trim()));
            } else if (seen.putIfAbsent(id.trim(), i) != null) {
                violations.add(validator.violation(path, "Duplicate", "validation.initiative.idTwice", id.trim()));
            }
        }
        return violations;
    }

    private void requireEditable(Declaration declaration) {
        if (!EDITABLE.contains(declaration.status())) {
            throw new InvalidInputException(List.of(validator.violation("status", "Locked", "validation.declaration.locked",
                    declaration.status())));
        }
    }

    private Declaration find(int year, String organizationCode) {
        return declarations.findByCampaignAndOrganization(year, organizationCode)
                .orElseThrow(() -> new NotFoundException("error.declaration.notFound", year, organizationCode));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trim(String text) {
        return blank(text) ? null : text.trim();
    }
}
