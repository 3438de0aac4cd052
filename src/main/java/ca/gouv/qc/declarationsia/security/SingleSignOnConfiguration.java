package ca.gouv.qc.declarationsia.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The identity provider, only when {@code OIDC_ISSUER_URI} is set: without it no bean here exists, Spring Boot's
 * OAuth2 client configuration finds no registration and stays off, and the pages chain has no OpenID Connect login.
 * The provider's endpoints come from its discovery document, read once at start (a provider unreachable then stops
 * the start with its address in the error).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${declarations.sso.issuer-uri:}'.isBlank()")
class SingleSignOnConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrations(SingleSignOnProperties sso) {
        if (sso.clientId().isBlank()) {
            throw new IllegalStateException("OIDC_ISSUER_URI is set without OIDC_CLIENT_ID");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(sso.issuerUri())
                .registrationId(SingleSignOnProperties.REGISTRATION_ID)
                .clientName("Service d'authentification gouvernemental")
                .clientId(sso.clientId())
                .clientSecret(sso.clientSecret())
                .scope("openid", "profile", "email")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                // always present: GroupsFromClaims reads the configured user id claim and says when it is missing
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The tokens live in the session (in PostgreSQL, with it), not in one node's memory. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    GroupsFromClaims groupsFromClaims(SingleSignOnProperties sso, IdentityService identity) {
        return new GroupsFromClaims(sso, new SingleSignOnAccounts(identity));
    }
}
