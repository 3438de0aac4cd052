package ca.gouv.qc.declarationsia.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in this request, read from Spring Security. */
public record CurrentUser(String id, Set<String> groups) {

    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return new CurrentUser(null, Set.of());
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean isAuthenticated() {
        return id != null;
    }

    /** Who to credit in an audit row: the authenticated user, or the system when no person is acting (a job). */
    public static String actorId() {
        CurrentUser user = get();
        return user.isAuthenticated() ? user.id() : SystemAuthentication.SYSTEM_USER;
    }

    public boolean isCoordinator() {
        return groups.contains(Roles.COORDINATORS);
    }

    public boolean isReviewer() {
        return groups.contains(Roles.REVIEWERS);
    }

    public boolean isManager() {
        return groups.contains(Roles.MANAGERS);
    }

    public boolean isStaff() {
        return Roles.STAFF.stream().anyMatch(groups::contains);
    }

    /** Codes of the organizations this user answers for, from its {@code org-<CODE>} groups. */
    public List<String> organizationCodes() {
        return groups.stream()
                .filter(group -> group.startsWith(Roles.ORGANIZATION_PREFIX))
                .map(group -> group.substring(Roles.ORGANIZATION_PREFIX.length()))
                .sorted()
                .toList();
    }

    public boolean isRespondent() {
        return !organizationCodes().isEmpty();
    }
}
