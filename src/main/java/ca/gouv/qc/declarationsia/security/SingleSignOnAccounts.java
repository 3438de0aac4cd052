package ca.gouv.qc.declarationsia.security;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The Camunda account of a person signed in by the identity provider, made at its first sign-in and brought up to
 * date at each: the webapps know only users of the identity service (they re-read a user's groups from it every few
 * minutes), Camunda Admin lists them, and coordinators get their copies of escalations. Its groups of ours
 * ({@code coordinators}, {@code reviewers}, {@code managers}, {@code org-<CODE>}) become exactly the claim's; its
 * other groups ({@code camunda-admin}) stay as Camunda Admin set them. Its password is random: nobody signs in with it.
 */
class SingleSignOnAccounts {

    private final IdentityService identity;

    SingleSignOnAccounts(IdentityService identity) {
        this.identity = identity;
    }

    void update(String userId, Map<String, Object> claims, Set<String> groups) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        boolean changed = false;
        if (user == null) {
            user = identity.newUser(userId);
            user.setPassword(RespondentAccounts.randomSecret());
            changed = true;
        }
        changed |= set(user.getFirstName(), text(claims, "given_name", userId), user::setFirstName);
        changed |= set(user.getLastName(), text(claims, "family_name", ""), user::setLastName);
        changed |= set(user.getEmail(), text(claims, "email", user.getEmail() == null ? "" : user.getEmail()),
                user::setEmail);
        if (changed) {
            identity.saveUser(user);
        }
        Set<String> current = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        for (String group : groups) {
            if (!current.contains(group)) {
                ensureGroup(group);
                identity.createMembership(userId, group);
            }
        }
        current.stream().filter(SingleSignOnAccounts::ours).filter(group -> !groups.contains(group))
                .forEach(group -> identity.deleteMembership(userId, group));
    }

    private static boolean ours(String group) {
        return Roles.STAFF.contains(group) || group.startsWith(Roles.ORGANIZATION_PREFIX);
    }

    /** Staff groups exist from the start; an organization's exists once the registry gave it respondents. */
    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType(RespondentAccounts.ORGANIZATION_GROUP_TYPE);
            identity.saveGroup(group);
        }
    }

    private static String text(Map<String, Object> claims, String claim, String otherwise) {
        Object value = claims.get(claim);
        String text = value instanceof String string ? string.strip() : "";
        return text.isEmpty() || text.length() > 255 ? otherwise : text;
    }

    private static boolean set(String current, String wanted, java.util.function.Consumer<String> setter) {
        if (wanted.equals(current)) {
            return false;
        }
        setter.accept(wanted);
        return true;
    }
}
