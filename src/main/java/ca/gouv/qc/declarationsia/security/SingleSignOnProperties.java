package ca.gouv.qc.declarationsia.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through the government's OpenID Connect provider (docs/security.md, "Sign-in"): on when
 * {@code OIDC_ISSUER_URI} is set, off (and nothing else changes) when it is not.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} is read at start
 * @param clientId this application's client at the provider
 * @param clientSecret its secret (a confidential client; PKCE is used as well)
 * @param groupsClaim the claim listing the person's groups ({@code groups}, {@code roles}, …)
 * @param groupsPrefix only the claim's values starting with it count, without it ({@code declarations-ia/}); empty: all
 * @param userIdClaim the claim naming the person here (Camunda user id, audit trail): stable and unique
 * @param passwordLogin whether the login page still takes a user id and password
 */
@ConfigurationProperties("declarations.sso")
public record SingleSignOnProperties(
        @DefaultValue("") String issuerUri,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("") String groupsPrefix,
        @DefaultValue("preferred_username") String userIdClaim,
        @DefaultValue("true") boolean passwordLogin) {

    /** The registration's id: its callback is {@code /login/oauth2/code/gouv}. */
    public static final String REGISTRATION_ID = "gouv";
    public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    public boolean enabled() {
        return !issuerUri.isBlank();
    }

    /** Password sign-in on the login page: always without single sign-on, else as configured. */
    public boolean passwordSignIn() {
        return !enabled() || passwordLogin;
    }
}
