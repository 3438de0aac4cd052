package ca.gouv.qc.declarationsia.shared.validation;

import java.util.List;

/** Input refused as a whole: nothing was changed. Answered as 422 with every violation. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() + " invalid field(s): " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
