package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The errors of the declaration page in the order of its fields: the person reads the summary top to bottom and fixes
 * the page top to bottom (the rules and the validator find them in their own order).
 */
final class PageOrder {

    private static final Pattern INITIATIVE_FIELD = Pattern.compile("^initiatives\\[(\\d+)](?:\\.(\\w+))?");
    private static final List<String> ABOVE = List.of("version", "contact.name", "contact.email", "noInitiatives",
            "initiatives");
    private static final List<String> BELOW = List.of("attestation", "signatory", "signatory.name", "signatory.role",
            "signatory.email");
    /** An initiative's fields in the page's order (id first: an error on the id is the initiative's own). */
    private static final List<String> FIELDS = FieldCatalogue.initiative().stream().map(FieldCatalogue.Field::name).toList();
    private static final Comparator<Violation> BY_PLACE = Comparator.comparingLong(PageOrder::place);

    private PageOrder() {
    }

    static List<Violation> sorted(List<Violation> errors) {
        return errors.stream().sorted(BY_PLACE).toList();
    }

    /** Above the initiatives, then each initiative field by field, then the signature; anything else last. */
    private static long place(Violation error) {
        Matcher initiative = INITIATIVE_FIELD.matcher(error.path());
        if (initiative.lookingAt()) {
            // the answers to the version's questions follow the catalogue's fields on the page
            int field = initiative.group(2) == null ? -1 : "answers".equals(initiative.group(2)) ? FIELDS.size()
                    : FIELDS.indexOf(initiative.group(2));
            return 1_000_000L + Long.parseLong(initiative.group(1)) * 1_000 + field + 1;
        }
        if (ABOVE.contains(error.path())) {
            return ABOVE.indexOf(error.path());
        }
        int below = BELOW.indexOf(error.path());
        return below >= 0 ? 100_000_000L + below : Long.MAX_VALUE;
    }
}
