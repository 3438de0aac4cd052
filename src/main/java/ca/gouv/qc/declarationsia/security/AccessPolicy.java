package ca.gouv.qc.declarationsia.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The access rules, in one place: services check them before they read or write, and pages ask them what to offer
 * (a form to save, a button to act). The URL rules of {@link SecurityConfiguration} are only the first barrier, by
 * role, so a new page or endpoint cannot forget them; a rule about an organization lives here only.
 */
@Component
public class AccessPolicy {

    /** Ministry staff read every organization; a respondent reads only its own. */
    public boolean mayRead(String organizationCode) {
        CurrentUser user = CurrentUser.get();
        return user.isStaff() || user.groups().contains(Roles.organizationGroup(organizationCode));
    }

    /** A declaration's content: its own organization's respondents, and coordinators; reviewers do not edit it. */
    public boolean mayWrite(String organizationCode) {
        CurrentUser user = CurrentUser.get();
        return user.isCoordinator() || user.groups().contains(Roles.organizationGroup(organizationCode));
    }

    /** Creates, launches and closes campaigns, grants extensions, imports the registry. */
    public boolean mayCoordinate() {
        return CurrentUser.get().isCoordinator();
    }

    public void requireRead(String organizationCode) {
        if (!mayRead(organizationCode)) {
            throw new AccessDeniedException("No access to organization " + organizationCode);
        }
    }

    public void requireWrite(String organizationCode) {
        if (!mayWrite(organizationCode)) {
            throw new AccessDeniedException("May not change organization " + organizationCode);
        }
    }

    public void requireStaff() {
        if (!CurrentUser.get().isStaff()) {
            throw new AccessDeniedException("Ministry staff only");
        }
    }

    public void requireCoordinator() {
        if (!mayCoordinate()) {
            throw new AccessDeniedException("Coordinators only");
        }
    }

    /** Accepts a declaration or sends it back. */
    public void requireReviewer() {
        if (!CurrentUser.get().isReviewer()) {
            throw new AccessDeniedException("Reviewers only");
        }
    }
}
