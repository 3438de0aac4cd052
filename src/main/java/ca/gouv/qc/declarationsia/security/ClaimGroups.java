package ca.gouv.qc.declarationsia.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the identity provider's groups claim means here: each value naming one of our groups ({@code coordinators},
 * {@code reviewers}, {@code managers}, {@code org-<CODE>}) becomes that group; every other value is ignored, so the
 * provider's other applications' groups give nothing. With a prefix ({@code declarations-ia/}), only the values
 * that start with it count, read without it.
 */
final class ClaimGroups {

    private static final Set<String> STAFF = Set.copyOf(Roles.STAFF);
    /** {@code org-} and an organization's code (OrganizationService's pattern), in any case. */
    private static final Pattern ORGANIZATION = Pattern.compile("(?i)org-([A-Z0-9-]{2,20})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private ClaimGroups() {
    }

    /** The claim as the provider sends it: a JSON array of strings, or one string of names apart by spaces or commas. */
    static Set<String> of(Object claim, String prefix) {
        Set<String> groups = new LinkedHashSet<>();
        for (String value : values(claim)) {
            if (!prefix.isEmpty() && !value.startsWith(prefix)) {
                continue;
            }
            String name = value.substring(prefix.length());
            Matcher organization = ORGANIZATION.matcher(name);
            if (STAFF.contains(name)) {
                groups.add(name);
            } else if (organization.matches()) {
                groups.add(Roles.organizationGroup(organization.group(1).toUpperCase(Locale.ROOT)));
            }
        }
        return groups;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(value -> ((String) value).trim())
                    .filter(value -> !value.isEmpty()).toList();
        }
        if (claim instanceof String text) {
            return SEPARATORS.splitAsStream(text.trim()).filter(value -> !value.isEmpty()).toList();
        }
        return List.of();
    }
}
