package ca.gouv.qc.declarationsia.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in by the identity provider (ID token checked, user info read by Spring's {@link OidcUserService}):
 * its user id here is the configured claim, its authorities are our groups read from the groups claim
 * ({@link ClaimGroups}), nothing else, so our pages, the API and the Camunda webapps see the same groups as for a
 * password sign-in. A person without a usable user id or without any of our groups is refused.
 */
class GroupsFromClaims implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_USER_ID = "no_user_id";
    static final String NO_GROUP = "no_group";

    private final OidcUserService delegate = new OidcUserService();
    private final SingleSignOnProperties sso;
    private final SingleSignOnAccounts accounts;

    GroupsFromClaims(SingleSignOnProperties sso, SingleSignOnAccounts accounts) {
        this.sso = sso;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Object claim = user.getClaims().get(sso.userIdClaim());
        String userId = claim instanceof String text ? CamundaIdentityAuthenticationProvider.normalize(text) : "";
        if (!userId.matches(IdentityEnginePlugin.USER_ID_PATTERN)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_USER_ID,
                    "Claim " + sso.userIdClaim() + " missing or not a user id", null));
        }
        Set<String> groups = ClaimGroups.of(user.getClaims().get(sso.groupsClaim()), sso.groupsPrefix());
        if (groups.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_GROUP,
                    "No group of this application in claim " + sso.groupsClaim(), null));
        }
        accounts.update(userId, user.getClaims(), groups);
        List<GrantedAuthority> authorities = groups.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return new SignedInUser(authorities, user, sso.userIdClaim(), userId);
    }

    /** Serializable like its parent: it lives in the session, in PostgreSQL. */
    static final class SignedInUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final String userId;

        SignedInUser(List<GrantedAuthority> authorities, OidcUser user, String userIdClaim, String userId) {
            super(authorities, user.getIdToken(), user.getUserInfo(), userIdClaim);
            this.userId = userId;
        }

        /** The user id here: the claim, in lower case when it is an email address (as for a password sign-in). */
        @Override
        public String getName() {
            return userId;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other) && other instanceof SignedInUser user && userId.equals(user.userId);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + userId.hashCode();
        }
    }
}
