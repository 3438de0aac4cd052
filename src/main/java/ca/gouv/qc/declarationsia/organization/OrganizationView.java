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
        Contact escalationContact) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.code(), organization.nameFr(), organization.nameEn(),
                organization.acronym(), organization.lggriCategory(), organization.portfolioCode(),
                organization.network(), organization.active(), organization.preferredLanguage(),
                organization.respondents(), organization.escalation());
    }
}
