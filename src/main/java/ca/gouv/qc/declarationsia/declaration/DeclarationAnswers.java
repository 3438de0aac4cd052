package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.List;
import java.util.Map;

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

    /**
     * Last year's answers of an initiative as it carries them into this campaign: only those to questions the
     * campaign's version still asks (same id, not retired), each a value the question still takes; a choice the version
     * retired is dropped, and said in {@link Carried#dropped()}, labelled in the reader's language.
     */
    Carried carry(int campaignYear, Map<String, Object> lastYear);

    /**
     * @param kept the answers carried into the new declaration, by question id
     * @param dropped the choices given last year that the version retired, to tell the respondent
     */
    record Carried(Map<String, Object> kept, List<DroppedChoice> dropped) {
    }

    /** A choice given last year that the version retired: the question, and what was answered, as a person reads them. */
    record DroppedChoice(String questionId, String question, String answer) {
    }
}
