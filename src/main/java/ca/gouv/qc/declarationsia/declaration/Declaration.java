package ca.gouv.qc.declarationsia.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** One organization's declaration for one campaign, with the snapshots of its initiatives. */
@Table("declaration")
public record Declaration(
        @Id Long id,
        int campaignYear,
        String organizationCode,
        String portfolioCode,
        boolean network,
        DeclarationStatus status,
        boolean noInitiatives,
        String exemptionReason,
        @Embedded.Nullable(prefix = "contact_") Person contact,
        boolean attestation,
        @Embedded.Nullable(prefix = "signatory_") Signatory signatory,
        Instant submittedAt,
        boolean late,
        LocalDate extendedDueDate,
        int correctionRound,
        String processInstanceId,
        @MappedCollection(idColumn = "declaration_id", keyColumn = "position") List<InitiativeSnapshot> initiatives,
        @Version Integer version) {

    public record Person(String name, String email) {
    }

    public record Signatory(String name, String role, String email) {
    }

    /** The same declaration with what a respondent changes in a draft, at this version. */
    Declaration withDraft(boolean noInitiatives, Person contact, List<InitiativeSnapshot> initiatives, Integer version) {
        return new Declaration(id, campaignYear, organizationCode, portfolioCode, network, status, noInitiatives,
                exemptionReason, contact, attestation, signatory, submittedAt, late, extendedDueDate, correctionRound,
                processInstanceId, initiatives, version);
    }

    /** The same declaration once submitted: attested, signed, stamped, SOUMISE, at the version the submission made. */
    Declaration submitted(Signatory signatory, Instant at, boolean late) {
        return new Declaration(id, campaignYear, organizationCode, portfolioCode, network, DeclarationStatus.SOUMISE,
                noInitiatives, exemptionReason, contact, true, signatory, at, late, extendedDueDate, correctionRound,
                processInstanceId, initiatives, version + 1);
    }

    /** A new, empty draft of an organization for a campaign. */
    public static Declaration draft(int campaignYear, String organizationCode, String portfolioCode, boolean network,
            List<InitiativeSnapshot> carriedOver) {
        return new Declaration(null, campaignYear, organizationCode, portfolioCode, network, DeclarationStatus.BROUILLON,
                false, null, null, false, null, null, false, null, 0, null, carriedOver, null);
    }
}
