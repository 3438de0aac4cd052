package ca.gouv.qc.declarationsia.declaration;

import java.util.Map;
import java.util.Set;

/** BROUILLON → SOUMISE → EN_REVISION → A_CORRIGER (→ SOUMISE again) → ACCEPTEE; or EXEMPTEE, with a reason. */
public enum DeclarationStatus {
    BROUILLON,
    SOUMISE,
    EN_REVISION,
    A_CORRIGER,
    ACCEPTEE,
    EXEMPTEE;

    private static final Map<DeclarationStatus, Set<DeclarationStatus>> NEXT = Map.of(
            BROUILLON, Set.of(SOUMISE, EXEMPTEE),
            SOUMISE, Set.of(EN_REVISION, A_CORRIGER),
            EN_REVISION, Set.of(A_CORRIGER, ACCEPTEE),
            A_CORRIGER, Set.of(SOUMISE),
            ACCEPTEE, Set.of(),
            EXEMPTEE, Set.of());

    public boolean canMoveTo(DeclarationStatus next) {
        return NEXT.get(this).contains(next);
    }
}
