package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.notification.OutgoingMail;
import ca.gouv.qc.declarationsia.notification.Outbox;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person chooses its password from a personal link, or asks for a new link. The answer to a request never says
 * whether the address has an account, and a request made too often is dropped without a word.
 */
@Service
public class Passwords {

    /** New links for one account within an hour, at most; further requests send nothing. */
    static final int RESETS_PER_HOUR = 3;

    private static final String RESET_THROTTLE_PREFIX = "reinitialisation:";

    private final SignInLinks links;
    private final PasswordPolicy policy;
    private final AccountActivity activity;
    private final LoginThrottle throttle;
    private final IdentityService identity;
    private final Outbox outbox;
    private final Clock clock;

    Passwords(SignInLinks links, PasswordPolicy policy, AccountActivity activity, LoginThrottle throttle,
            IdentityService identity, Outbox outbox, Clock clock) {
        this.links = links;
        this.policy = policy;
        this.activity = activity;
        this.throttle = throttle;
        this.identity = identity;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Who signs in and where it goes next. */
    record SignedIn(Authentication authentication, String targetPath) {
    }

    /**
     * Sets the password of the link's account and spends the link; refuses, changing nothing, a password the policy
     * refuses (naming the field). Empty if the link cannot be used (any more).
     */
    @Transactional
    Optional<SignedIn> choose(String token, String password, String confirmation) {
        Optional<SignInLinks.Link> link = links.find(token).filter(links::usable);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        String userId = link.get().userId();
        List<Violation> violations = policy.check(password, confirmation, userId);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null || links.consume(token).isEmpty()) {
            return Optional.empty();
        }
        user.setPassword(password);
        identity.saveUser(user);
        activity.passwordChosen(userId);
        throttle.unlock(userId);
        return Optional.of(new SignedIn(authenticationOf(userId), link.get().targetPath()));
    }

    /**
     * "Mot de passe oublié ?": a link by mail to the account with this address, if there is one and it was not asked
     * for too often. Says nothing either way.
     */
    @Transactional
    void requestReset(String email, String client, Locale locale) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > 230) {
            return;
        }
        if (!throttle.standing(client, RESET_THROTTLE_PREFIX + address).mayTry()) {
            return;
        }
        throttle.failed(client, RESET_THROTTLE_PREFIX + address);
        accountOf(address).ifPresent(user -> sendLink(user, "/mes-declarations", locale));
    }

    /** A new link for the account of a used or expired one, to the same page, by mail to the account's address. */
    @Transactional
    void renew(SignInLinks.Link spent, Locale locale) {
        Optional.ofNullable(identity.createUserQuery().userId(spent.userId()).singleResult())
                .ifPresent(user -> sendLink(user, spent.targetPath(), locale));
    }

    private void sendLink(User user, String targetPath, Locale locale) {
        if (user.getEmail() == null || !user.getEmail().contains("@")
                || outbox.queuedSince(MailKind.PASSWORD_RESET, user.getEmail(), clock.instant().minus(Duration.ofHours(1)))
                        >= RESETS_PER_HOUR) {
            return;
        }
        outbox.enqueue(new OutgoingMail(MailKind.PASSWORD_RESET.name() + ":" + user.getId() + ":" + UUID.randomUUID(),
                "compte", null, null, MailKind.PASSWORD_RESET, "en".equals(locale.getLanguage()) ? Locale.CANADA : Locale.CANADA_FRENCH,
                List.of(user.getEmail()), List.of(),
                Map.of("signInId", user.getId(), "linkValidityHours", Math.max(1, links.resetValidity().toHours())),
                new OutgoingMail.PersonalLink(user.getId(), SignInLinks.safeTarget(targetPath))));
    }

    /** The account signing in with this address: a respondent's id is its address; staff have theirs on file. */
    private Optional<User> accountOf(String address) {
        User byId = identity.createUserQuery().userId(address).singleResult();
        if (byId != null) {
            return Optional.of(byId);
        }
        List<User> byEmail = identity.createUserQuery().userEmail(address).list();
        return byEmail.size() == 1 ? Optional.of(byEmail.get(0)) : Optional.empty();
    }

    private Authentication authenticationOf(String userId) {
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }
}
