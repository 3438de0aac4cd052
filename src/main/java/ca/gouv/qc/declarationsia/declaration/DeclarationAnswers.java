package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.List;

/**
 * The answers to the extra questions of the form version a declaration's campaign asks (issue 26), checked by that
 * version. Offered by the form capability (which knows the versions and imports the catalogue from here): declaration
 * asks through this interface, never importing form back.
 */
public interface DeclarationAnswers {

    /** What a draft's answers may not hold, each at {@code initiatives[i].answers.<id>}; nothing read when none given. */
    List<Violation> shape(int campaignYear, List<InitiativeForm> initiatives);

    /** The required answers a submission lacks (a conditional one only when its condition holds), each at its place. */
    List<Violation> missing(Declaration declaration);
}
