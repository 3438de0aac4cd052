package ca.gouv.qc.declarationsia.organization;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A public body subject to the LGGRI (organisme public assujetti). */
@Table("organization")
public record Organization(
        @Id String code,
        String nameFr,
        String nameEn,
        String acronym,
        LggriCategory lggriCategory,
        String portfolioCode,
        boolean network,
        boolean active,
        String preferredLanguage,
        @MappedCollection(idColumn = "organization_code", keyColumn = "position") List<Contact> respondents,
        @Embedded.Nullable(prefix = "escalation_") Contact escalation,
        @Version Integer version,
        Instant updatedAt) {

    /** The Camunda group of this body's respondents (candidate group of its tasks). */
    public static String groupId(String organizationCode) {
        return "org-" + organizationCode;
    }

    /** The body's name in a language: its official French name where it has no English one. */
    public String name(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameFr;
    }
}
