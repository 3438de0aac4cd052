package ca.gouv.qc.declarationsia.declaration;

import java.util.Optional;

/**
 * The two steps every respondent's request takes, read and save the draft, written as plain SQL: on deadline day
 * hundreds of them arrive at once, and Spring Data JDBC's generic mapping of the aggregate (each of an initiative's
 * 26 columns converted through its metadata) took two fifths of a draft save's request thread in the benchmark.
 */
interface DeclarationDrafts {

    Optional<Declaration> findByCampaignAndOrganization(int year, String organizationCode);

    /**
     * Stores what a respondent may change in a draft (contact, "no initiatives", the snapshots, in order) if the
     * declaration is still at the version given; the rest of the row is not the respondent's to write, and is
     * returned as given. In the caller's transaction: the row, then its snapshots replaced.
     *
     * @return the declaration as now stored, at its next version
     * @throws org.springframework.dao.OptimisticLockingFailureException if it was saved meanwhile (another tab)
     */
    Declaration saveDraft(Declaration draft);
}
