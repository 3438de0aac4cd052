package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.organization.OrganizationForm.ContactForm;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.RespondentAccounts;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization registry: the one write path of organizations and of their respondents' accounts. */
@Service
public class OrganizationService {

    static final Pattern CODE = Pattern.compile("^[A-Z0-9-]{2,20}$");

    private final OrganizationRepository organizations;
    private final PortfolioRepository portfolios;
    private final RespondentAccounts accounts;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, PortfolioRepository portfolios,
            RespondentAccounts accounts, InputValidator validator, AccessPolicy access, Clock clock) {
        this.organizations = organizations;
        this.portfolios = portfolios;
        this.accounts = accounts;
        this.validator = validator;
        this.access = access;
        this.clock = clock;
    }

    public enum Outcome { CREATED, UPDATED }

    /** Creates or updates one organization; refuses the whole form, changing nothing, if any field is invalid. */
    @Transactional
    public Outcome save(String code, OrganizationForm form) {
        access.requireCoordinator();
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        if (code == null || !CODE.matcher(code).matches()) {
            violations.add(0, validator.violation("code", "Pattern", "validation.organization.code"));
        }
        Optional<Portfolio> portfolio = form.portfolio() == null ? Optional.empty() : findPortfolio(form.portfolio());
        if (form.portfolio() != null && !form.portfolio().isBlank() && portfolio.isEmpty()) {
            violations.add(validator.violation("portfolio", "Unknown", "validation.organization.portfolio", form.portfolio()));
        }
        violations.addAll(duplicateRespondents(form));
        if (form.nameFr() != null && code != null) {
            organizations.findByNameFrIgnoreCase(form.nameFr().trim())
                    .filter(other -> !other.code().equals(code))
                    .ifPresent(other -> violations.add(validator.violation("nameFr", "Duplicate",
                            "validation.organization.nameTaken", other.code())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }

        Optional<Organization> existing = organizations.findById(code);
        LggriCategory category = LggriCategory.valueOf(form.lggriCategory());
        Organization organization = new Organization(code, form.nameFr().trim(), blankToNull(form.nameEn()),
                blankToNull(form.acronym()), category, portfolio.orElseThrow().code(),
                form.network() != null ? form.network() : category.isNetwork(),
                form.active() == null || form.active(),
                form.preferredLanguage() == null ? "fr" : form.preferredLanguage(),
                form.respondents().stream().map(OrganizationService::contact).toList(),
                contact(form.escalationContact()),
                existing.map(Organization::version).orElse(null),
                clock.instant());
        organizations.save(organization);
        accounts.synchronize(code, organization.nameFr(), organization.respondents().stream()
                .map(respondent -> new RespondentAccounts.Respondent(respondent.name(), respondent.email()))
                .toList());
        return existing.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    @Transactional(readOnly = true)
    public Organization get(String code) {
        access.requireRead(code);
        return organizations.findById(code).orElseThrow(() -> new NotFoundException("error.organization.notFound", code));
    }

    /** The organization of this code, if there is one: a code typed on a page is checked so, not by a 404. */
    @Transactional(readOnly = true)
    public Optional<Organization> find(String code) {
        access.requireRead(code);
        return organizations.findById(code);
    }

    /**
     * An organization as the product's own steps need it (a mail's recipients and name, a launch), whoever or whatever
     * triggers them: no access check. Pages and the API read through {@link #get}.
     */
    @Transactional(readOnly = true)
    public Organization lookup(String code) {
        // within a launch's batch, read with the batch's other bodies (OrganizationBatch)
        return OrganizationBatch.kept(code).or(() -> organizations.findById(code))
                .orElseThrow(() -> new NotFoundException("error.organization.notFound", code));
    }

    @Transactional(readOnly = true)
    public List<Organization> list() {
        access.requireStaff();
        return organizations.findAllOrderByName();
    }

    @Transactional(readOnly = true)
    public long countActive() {
        access.requireStaff();
        return organizations.countActive();
    }

    /** Each portfolio's English name by its French one: the published editions keep the French label. Public. */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> portfolioNamesInEnglish() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        portfolios.findAll().forEach(portfolio -> names.put(portfolio.nameFr(), portfolio.nameEn()));
        return names;
    }

    /** A portfolio by code or by its French or English name, as coordinators type it in a spreadsheet. */
    private Optional<Portfolio> findPortfolio(String codeOrName) {
        String value = codeOrName.trim();
        return portfolios.findById(value.toUpperCase(Locale.ROOT)).or(() -> portfolios.findByName(value));
    }

    private List<Violation> duplicateRespondents(OrganizationForm form) {
        if (form.respondents() == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < form.respondents().size(); i++) {
            ContactForm respondent = form.respondents().get(i);
            if (respondent != null && respondent.email() != null
                    && !seen.add(respondent.email().trim().toLowerCase(Locale.ROOT))) {
                violations.add(validator.violation("respondents[" + i + "].email", "Duplicate",
                        "validation.organization.respondentTwice", respondent.email()));
            }
        }
        return violations;
    }

    private static Contact contact(ContactForm form) {
        return new Contact(blankToNull(form.name()), form.email().trim().toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
