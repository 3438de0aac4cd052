package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.FreeText;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's declaration as its pages and API use it: read it, save a draft (incomplete is fine, malformed is
 * not), check it against the submission rules, submit it. Who may do what is checked here; what the declaration may
 * become is {@link DeclarationLifecycle}'s to say.
 */
@Service
public class DeclarationService {

    /** The organization's first task in {@code organization-declaration}. */
    static final List<String> ORGANIZATION_TASKS = List.of(ProcessModels.OrganizationDeclaration.PREPARE_DECLARATION,
            ProcessModels.OrganizationDeclaration.CORRECT_DECLARATION);
    private static final Pattern INITIATIVE_INDEX = Pattern.compile("^initiatives\\[(\\d+)]");

    private final DeclarationRepository declarations;
    private final DeclarationLifecycle lifecycle;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final SubmissionHandoff handoff;
    private final DeclarationAnswers answers;

    DeclarationService(DeclarationRepository declarations, DeclarationLifecycle lifecycle, InputValidator validator,
            AccessPolicy access, RuntimeService runtime, JdbcClient jdbc, SubmissionHandoff handoff,
            DeclarationAnswers answers) {
        this.declarations = declarations;
        this.lifecycle = lifecycle;
        this.validator = validator;
        this.access = access;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.handoff = handoff;
        this.answers = answers;
    }

    @Transactional(readOnly = true)
    public Declaration get(int year, String organizationCode) {
        access.requireRead(organizationCode);
        return find(year, organizationCode);
    }

    /** Whether the campaign has this body's declaration: a code typed on a page is checked so, not by a 404. */
    @Transactional(readOnly = true)
    public boolean exists(int year, String organizationCode) {
        access.requireRead(organizationCode);
        return declarations.findByCampaignAndOrganization(year, organizationCode).isPresent();
    }

    /** The declarations of these organizations (the user's own), newest campaign first. */
    @Transactional(readOnly = true)
    public List<Declaration> ofOrganizations(List<String> organizationCodes) {
        organizationCodes.forEach(access::requireRead);
        return organizationCodes.isEmpty() ? List.of() : declarations.findByOrganizations(organizationCodes);
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

    /** The date the body's answer is due now: the campaign's, its extension, or its correction round's. */
    @Transactional(readOnly = true)
    public LocalDate dueDate(Declaration declaration) {
        return DeclarationLifecycle.dueDate(jdbc, declaration.id());
    }

    /** The same body's declaration of its previous campaign, if it had one (what the reviewer compares with). */
    @Transactional(readOnly = true)
    public Optional<Declaration> previousYearOf(Declaration declaration) {
        access.requireRead(declaration.organizationCode());
        return jdbc.sql("""
                select p.id from declaration p where p.organization_code = :organization
                   and p.campaign_year = (select max(campaign_year) from declaration
                                           where organization_code = :organization and campaign_year < :year)
                """).param("organization", declaration.organizationCode()).param("year", declaration.campaignYear())
                .query(Long.class).optional().flatMap(declarations::findById);
    }

    /** Saves a draft; refuses it whole if malformed, locked (submitted) or saved meanwhile from another tab. */
    @Transactional
    public Declaration saveDraft(int year, String organizationCode, DeclarationForm form) {
        return save(year, organizationCode, form, notAsked -> { });
    }

    /**
     * {@link #saveDraft}, telling {@code notAsked} the answers sent that were not kept: by initiative's index, the ids
     * of the questions not asked of it.
     */
    private Declaration save(int year, String organizationCode, DeclarationForm form,
            java.util.function.Consumer<Map<Integer, List<String>>> notAsked) {
        access.requireWrite(organizationCode);
        Declaration current = find(year, organizationCode);
        lifecycle.requireEditable(current);
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        List<InitiativeForm> initiatives = form.initiatives() == null ? List.of() : form.initiatives();
        // the size first: no lookup for a list that is refused anyway
        if (initiatives.size() <= DeclarationForm.MAX_INITIATIVES) {
            Map<Integer, List<String>> dropped = new HashMap<>();
            initiatives = keepAsked(year, current, initiatives, dropped);
            notAsked.accept(dropped);
            violations.addAll(idViolations(current, initiatives));
            violations.addAll(answers.shape(year, initiatives));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Declaration.Person contact = form.contact() == null ? null
                : new Declaration.Person(trim(form.contact().name()), trim(form.contact().email()));
        return lifecycle.saveDraft(current, Boolean.TRUE.equals(form.noInitiatives()), contact, initiatives,
                form.version());
    }

    /**
     * What an import saved, and the answers it did not keep (to questions not asked of their row's initiative, as the
     * page and the API keep none), each naming its line and the question.
     */
    public record Imported(Declaration declaration, List<NotKept> notKept) {
    }

    /** An answer of a spreadsheet's line not kept: the question, by its id and its label in the user's language. */
    public record NotKept(long line, String questionId, String question) {
    }

    /**
     * Adds and updates initiatives from a spreadsheet's rows: a row with an id updates that initiative, a row without
     * one adds an initiative; the others stay. All rows are saved, or none; each error names its line.
     */
    @Transactional
    public Imported importInitiatives(int year, String organizationCode, List<InitiativeCsv.Row> rows,
            BiFunction<Long, String, String> lineMessage) {
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
            Map<Integer, List<String>> notAsked = new HashMap<>();
            Declaration saved = save(year, organizationCode, new DeclarationForm(current.noInitiatives() && merged.isEmpty(),
                    current.contact() == null ? null
                            : new DeclarationForm.Person(current.contact().name(), current.contact().email()),
                    current.version(), merged), notAsked::putAll);
            return new Imported(saved, notKept(year, notAsked, lineOfIndex));
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(invalid.violations().stream().map(violation -> {
                Matcher index = INITIATIVE_INDEX.matcher(violation.path());
                Long line = index.find() ? lineOfIndex.get(Integer.valueOf(index.group(1))) : null;
                return line == null ? violation
                        : new Violation(violation.path(), violation.code(), lineMessage.apply(line, violation.message()));
            }).toList());
        }
    }

    /** The answers of the rows not kept, in the order of the lines, each naming the question in the user's language. */
    private List<NotKept> notKept(int year, Map<Integer, List<String>> notAsked, Map<Integer, Long> lineOfIndex) {
        if (notAsked.isEmpty()) {
            return List.of();
        }
        boolean english = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        Map<String, DeclarationAnswers.Question> questions = answers.questions(year).stream()
                .collect(Collectors.toMap(DeclarationAnswers.Question::id, question -> question));
        List<NotKept> notKept = new ArrayList<>();
        notAsked.forEach((index, ids) -> {
            Long line = lineOfIndex.get(index);
            if (line != null) { // a row's initiative: the others were sent as saved
                ids.forEach(id -> notKept.add(new NotKept(line, id, questions.get(id).label(english))));
            }
        });
        notKept.sort(java.util.Comparator.comparingLong(NotKept::line));
        return notKept;
    }

    /** Why a body need not declare this year (shown on the dashboard and the coverage page). */
    record ExemptionReason(@NotBlank @Size(max = 1000) @FreeText String reason) {
    }

    /**
     * A coordinator exempts a body that has not submitted (with the reason): EXEMPTEE, audited, and its process ends,
     * so no reminder follows.
     */
    @Transactional
    public Declaration exempt(int year, String organizationCode, String reason) {
        access.requireCoordinator();
        Declaration current = find(year, organizationCode);
        validator.requireValid(new ExemptionReason(reason));
        lifecycle.exempt(current, reason.strip(), CurrentUser.actorId());
        runtime.createMessageCorrelation(ProcessModels.OrganizationDeclaration.EXEMPTED_MESSAGE)
                .processInstanceBusinessKey(new DeclarationKey(year, organizationCode).businessKey())
                .correlateAll();
        return find(year, organizationCode);
    }

    /** Every reason the declaration could not be submitted as it stands (empty when it could). */
    @Transactional(readOnly = true)
    public List<Violation> check(int year, String organizationCode) {
        access.requireRead(organizationCode);
        return lifecycle.contentProblems(find(year, organizationCode));
    }

    /**
     * Submits, as {@link DeclarationLifecycle#submit} allows (the rules, the attestation, the process waiting for the
     * body's answer). The organization's task is completed after the commit ({@link SubmissionHandoff}), and putting
     * the declaration under review follows as a job.
     */
    @Transactional
    public Declaration submit(int year, String organizationCode, SubmitForm form) {
        access.requireWrite(organizationCode);
        Declaration submitted = lifecycle.submit(find(year, organizationCode), form, CurrentUser.actorId());
        handoff.queue(submitted.id(), new DeclarationKey(year, organizationCode));
        return submitted;
    }

    /** What the attestation and the signatory lack for a submission, whatever the declaration holds. */
    public List<Violation> signatureProblems(SubmitForm form) {
        return lifecycle.signatureProblems(form);
    }

    /**
     * Of each initiative's answers, those to the questions asked of it ({@link DeclarationAnswers#asked}): an answer to
     * a question whose condition does not hold is not kept, whichever door saves (the page hides the question, the API
     * and the spreadsheet may still send it). The answers weighed are those sent, or those saved when none are sent (a
     * condition taken back drops what was answered under it). Answers to questions the version does not ask at all
     * stay, for {@link DeclarationAnswers#shape} to refuse; nothing is read when no initiative has answers.
     */
    private List<InitiativeForm> keepAsked(int year, Declaration current, List<InitiativeForm> initiatives,
            Map<Integer, List<String>> droppedSent) {
        Map<String, InitiativeSnapshot> saved = current.initiatives().stream()
                .filter(initiative -> initiative.answers() != null && !initiative.answers().values().isEmpty())
                .collect(Collectors.toMap(InitiativeSnapshot::initiativeId, initiative -> initiative, (a, b) -> a));
        List<InitiativeForm> weighed = new ArrayList<>(initiatives.size());
        boolean anyAnswer = false;
        for (InitiativeForm initiative : initiatives) {
            Map<String, Object> given = initiative == null ? null : initiative.answers();
            if (initiative != null && given == null && !blank(initiative.id()) && saved.containsKey(initiative.id().trim())) {
                given = saved.get(initiative.id().trim()).answers().values();
                initiative = initiative.withAnswers(given);
            }
            anyAnswer |= given != null && !given.isEmpty();
            weighed.add(initiative);
        }
        if (!anyAnswer) {
            return initiatives;
        }
        Set<String> questions = answers.questions(year).stream().map(DeclarationAnswers.Question::id)
                .collect(Collectors.toSet());
        List<InitiativeForm> present = weighed.stream().filter(java.util.Objects::nonNull).toList();
        java.util.Iterator<Set<String>> asked = answers.asked(year, present).iterator();
        List<InitiativeForm> kept = new ArrayList<>(initiatives.size());
        for (int i = 0; i < weighed.size(); i++) {
            InitiativeForm initiative = weighed.get(i);
            if (initiative == null) {
                kept.add(null);
                continue;
            }
            Set<String> askedHere = asked.next();
            Map<String, Object> given = initiative.answers() == null ? Map.of() : initiative.answers();
            Map<String, Object> answered = new java.util.LinkedHashMap<>(given);
            List<String> dropped = answered.keySet().stream()
                    .filter(question -> questions.contains(question) && !askedHere.contains(question)).toList();
            answered.keySet().removeAll(dropped);
            if (!dropped.isEmpty() && initiatives.get(i).answers() != null) {
                droppedSent.put(i, dropped);
            }
            // unchanged: as sent (absent answers stay absent: those saved stay as they are)
            kept.add(answered.size() == given.size() ? initiatives.get(i) : initiative.withAnswers(answered));
        }
        return kept;
    }

    /**
     * An id sent back must be one the system gave this organization, once in the list. The ids the draft already
     * holds are the organization's; one query for the others, none when a save only edits what the draft lists.
     */
    private List<Violation> idViolations(Declaration current, List<InitiativeForm> initiatives) {
        Set<String> known = current.initiatives().stream().map(InitiativeSnapshot::initiativeId)
                .collect(Collectors.toCollection(HashSet::new));
        String[] others = initiatives.stream().filter(java.util.Objects::nonNull).map(InitiativeForm::id)
                .filter(id -> !blank(id)).map(String::trim).filter(id -> !known.contains(id)).distinct()
                .toArray(String[]::new);
        if (others.length > 0) {
            known.addAll(jdbc.sql("select id from initiative where organization_code = :organization and id = any(:ids)")
                    .param("organization", current.organizationCode()).param("ids", others).query(String.class).list());
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < initiatives.size(); i++) {
            String id = initiatives.get(i) == null ? null : initiatives.get(i).id();
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
