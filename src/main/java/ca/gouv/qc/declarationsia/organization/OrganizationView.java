package ca.gouv.qc.declarationsia.organization;

import java.util.List;

/** An organization as the API shows it. */
public record OrganizationView(
        String code,
        String nameFr,
        String nameEn,
        String acronym,
        LggriCategory lggriCategory,
        String portfolio,
        boolean network,
        boolean active,
        String preferredLanguage,
        List<Contact> respondents,
        Contact escalationContact,
        List<String> predecessors,
        String successor,
        List<String> successors,
        java.time.LocalDate successionDate) {

    static OrganizationView of(Organization organization) {
        return of(organization, List.of(), null);
    }

    /** With its successions: the bodies it carries on, and the one(s) that carry it on from {@code successionDate}. */
    static OrganizationView of(Organization organization, List<Predecessor> predecessors, Successions.Succession end) {
        return new OrganizationView(organization.code(), organization.nameFr(), organization.nameEn(),
                organization.acronym(), organization.lggriCategory(), organization.portfolioCode(),
                organization.network(), organization.active(), organization.preferredLanguage(),
                organization.respondents(), organization.escalation(),
                predecessors.stream().map(Predecessor::code).distinct().toList(),
                end == null || end.successors().size() != 1 ? null : end.successors().get(0),
                end == null ? List.of() : end.successors(), end == null ? null : end.effectiveDate());
    }
}
