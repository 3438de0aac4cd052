package ca.gouv.qc.declarationsia.declaration;

import java.util.Map;
import java.util.Set;

/**
 * Where a declaration stands, and the only moves between statuses: those the {@code organization-declaration} model
 * makes (a test walks every path of the model and finds exactly these). BROUILLON → SOUMISE → EN_REVISION, then
 * ACCEPTEE or A_CORRIGER → SOUMISE again; a body that never submitted may be EXEMPTEE.
 */
public enum DeclarationStatus {
    BROUILLON,
    SOUMISE,
    EN_REVISION,
    A_CORRIGER,
    ACCEPTEE,
    EXEMPTEE;

    private static final Map<DeclarationStatus, Set<DeclarationStatus>> NEXT = Map.of(
            BROUILLON, Set.of(SOUMISE, EXEMPTEE),
            SOUMISE, Set.of(EN_REVISION),
            EN_REVISION, Set.of(A_CORRIGER, ACCEPTEE),
            A_CORRIGER, Set.of(SOUMISE),
            ACCEPTEE, Set.of(),
            EXEMPTEE, Set.of());

    public boolean canMoveTo(DeclarationStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * The body may change its declaration: a draft, or a declaration sent back for corrections. The one definition:
     * the database's {@code declaration_deadline.awaiting_body} reads it ({@link DeclarationStatusRows}).
     */
    public boolean isEditable() {
        return this == BROUILLON || this == A_CORRIGER;
    }
}
