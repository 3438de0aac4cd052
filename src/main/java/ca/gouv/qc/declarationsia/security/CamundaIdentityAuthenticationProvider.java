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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logs users in against the Camunda identity service (hashed passwords), so that Camunda Admin manages the same users
 * and groups as our pages, paced by the {@link LoginThrottle}. Each group becomes an authority. The throttle's
 * standing, the password and the groups are read in one transaction: a request signed with a password (the API's
 * clients) takes one database connection to sign in, not three, and a deadline-day burst queues for fewer.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final TransactionTemplate transaction;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
            PlatformTransactionManager transactions) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = normalize(authentication.getName());
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        Object credentials = authentication.getCredentials();
        // a wrong password commits what the engine counts of it: the failure is said after the transaction
        Authentication signedIn = transaction.execute(status -> signIn(client, userId, credentials));
        if (signedIn == null) {
            throttle.failed(client, userId);
            throw new BadCredentialsException("Bad credentials");
        }
        return signedIn;
    }

    /** The user with their groups, or null when the password is not theirs. */
    private Authentication signIn(String client, String userId, Object credentials) {
        LoginThrottle.Standing standing = throttle.standing(client, userId);
        if (!standing.mayTry()) {
            throw new LoginThrottledException(standing.retryAfter());
        }
        if (userId.isEmpty() || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
            return null;
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
