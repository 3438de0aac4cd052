package ca.gouv.qc.declarationsia.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The access rules, checked by services before they read or write: the URL rules of {@link SecurityConfiguration}
 * are only the first barrier, so a new page or endpoint cannot forget them.
 */
@Component
public class AccessPolicy {

    /** Ministry staff read every organization; a respondent reads only its own. */
    public void requireRead(String organizationCode) {
        CurrentUser user = CurrentUser.get();
        if (user.isStaff() || user.groups().contains(Roles.organizationGroup(organizationCode))) {
            return;
        }
        throw new AccessDeniedException("No access to organization " + organizationCode);
    }

    /** A declaration's content: its own organization's respondents, and coordinators; reviewers do not edit it. */
    public void requireWrite(String organizationCode) {
        CurrentUser user = CurrentUser.get();
        if (user.isCoordinator() || user.groups().contains(Roles.organizationGroup(organizationCode))) {
            return;
        }
        throw new AccessDeniedException("May not change organization " + organizationCode);
    }

    public void requireStaff() {
        if (!CurrentUser.get().isStaff()) {
            throw new AccessDeniedException("Ministry staff only");
        }
    }

    public void requireCoordinator() {
        if (!CurrentUser.get().isCoordinator()) {
            throw new AccessDeniedException("Coordinators only");
        }
    }
}
