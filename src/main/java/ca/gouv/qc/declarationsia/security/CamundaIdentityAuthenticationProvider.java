package ca.gouv.qc.declarationsia.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs users in against the Camunda identity service (hashed passwords), so that Camunda Admin manages the same users
 * and groups as our pages, paced by the {@link LoginThrottle}. Each group becomes an authority.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = normalize(authentication.getName());
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        LoginThrottle.Standing standing = throttle.standing(client, userId);
        if (!standing.mayTry()) {
            throw new LoginThrottledException(standing.retryAfter());
        }
        Object credentials = authentication.getCredentials();
        if (userId.isEmpty() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throttle.failed(client, userId);
            throw new BadCredentialsException("Bad credentials");
        }
        if (standing.counted()) {
            throttle.succeeded(client, userId);
        }
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Respondents log in with their email address, whatever its case; other user ids are taken as typed. */
    static String normalize(String userId) {
        String trimmed = userId == null ? "" : userId.trim();
        return trimmed.contains("@") ? trimmed.toLowerCase(java.util.Locale.ROOT) : trimmed;
    }
}
