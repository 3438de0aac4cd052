package ca.gouv.qc.declarationsia.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The Camunda users and group of one organization's respondents. A respondent logs in with its email address; one
 * person may answer for several organizations (one user, several groups). Runs in the caller's transaction, so the
 * accounts change together with the registry.
 */
@Service
public class RespondentAccounts {

    /** Type of the {@code org-<CODE>} groups in Camunda Admin. */
    public static final String ORGANIZATION_GROUP_TYPE = "ORGANIZATION";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;

    RespondentAccounts(IdentityService identity) {
        this.identity = identity;
    }

    /** What an account takes as identifier: Camunda's user-id pattern, once the address is in lower case. */
    public static boolean isSignInEmail(String email) {
        String userId = email.trim().toLowerCase(Locale.ROOT);
        return userId.matches(IdentityEnginePlugin.USER_ID_PATTERN) && userId.indexOf('@') > 0;
    }

    public record Respondent(String name, String email) {

        String userId() {
            return email.trim().toLowerCase(Locale.ROOT);
        }
    }

    /** Makes group {@code org-<CODE>} hold exactly these respondents, creating the users that do not exist yet. */
    public void synchronize(String organizationCode, String organizationName, List<Respondent> respondents) {
        String groupId = Roles.organizationGroup(organizationCode);
        ensureGroup(groupId, organizationName);
        Set<String> wanted = respondents.stream().map(Respondent::userId).collect(Collectors.toSet());
        for (Respondent respondent : respondents) {
            ensureUser(respondent);
            if (identity.createUserQuery().userId(respondent.userId()).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(respondent.userId(), groupId);
            }
        }
        identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getId)
                .filter(userId -> !wanted.contains(userId))
                .forEach(userId -> identity.deleteMembership(userId, groupId));
    }

    private void ensureGroup(String groupId, String name) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group == null) {
            group = identity.newGroup(groupId);
            group.setType(ORGANIZATION_GROUP_TYPE);
        }
        if (!name.equals(group.getName())) {
            group.setName(name);
            identity.saveGroup(group);
        }
    }

    private void ensureUser(Respondent respondent) {
        if (identity.createUserQuery().userId(respondent.userId()).count() > 0) {
            return;
        }
        User user = identity.newUser(respondent.userId());
        String name = respondent.name() == null || respondent.name().isBlank() ? respondent.email() : respondent.name().trim();
        int space = name.indexOf(' ');
        user.setFirstName(space > 0 ? name.substring(0, space) : name);
        user.setLastName(space > 0 ? name.substring(space + 1) : "");
        user.setEmail(respondent.userId());
        // Nobody knows this password until a coordinator sets one in Camunda Admin: no guessable default.
        user.setPassword(randomSecret());
        identity.saveUser(user);
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
