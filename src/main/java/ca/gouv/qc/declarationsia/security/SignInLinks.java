package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.notification.PersonalLinks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal sign-in links: a random token of 256 bits, single use, expiring, bound to one account and one landing page.
 * Only its SHA-256 is stored, so that the table alone signs nobody in; the token exists in the mail alone.
 */
@Service
public class SignInLinks implements PersonalLinks {

    /** The page a link opens; the token leaves its address at once (see {@link SignInLinkController}). */
    public static final String PATH = "/acces";

    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Purpose { FIRST_SIGN_IN, PASSWORD_RESET }

    /** What a token is: whose, for what, where it leads, and whether it may still be used. */
    public record Link(String userId, Purpose purpose, String targetPath, Instant expiresAt, Instant usedAt) {

        boolean usable(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Duration firstSignInValidity;
    private final Duration resetValidity;

    SignInLinks(JdbcClient jdbc, Clock clock, @Value("${declarations.public-base-url}") String publicBaseUrl,
            @Value("${declarations.sign-in-links.first-sign-in-validity:P30D}") Duration firstSignInValidity,
            @Value("${declarations.sign-in-links.reset-validity:PT2H}") Duration resetValidity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.firstSignInValidity = firstSignInValidity;
        this.resetValidity = resetValidity;
    }

    /** At sending time, in the dispatcher's transaction: a password reset expires sooner than an invitation's link. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String mint(MailKind kind, String userId, String targetPath) {
        Purpose purpose = kind == MailKind.PASSWORD_RESET ? Purpose.PASSWORD_RESET : Purpose.FIRST_SIGN_IN;
        return publicBaseUrl + PATH + "?jeton=" + issue(userId, purpose, targetPath);
    }

    String issue(String userId, Purpose purpose, String targetPath) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into sign_in_link (token_hash, user_id, purpose, target_path, created_at, expires_at)
                values (:hash, :user, :purpose, :target, :now, :expires)
                """)
                .param("hash", hash(token)).param("user", userId).param("purpose", purpose.name())
                .param("target", safeTarget(targetPath)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(purpose == Purpose.PASSWORD_RESET ? resetValidity : firstSignInValidity)))
                .update();
        return token;
    }

    public Duration firstSignInValidity() {
        return firstSignInValidity;
    }

    public Duration resetValidity() {
        return resetValidity;
    }

    @Transactional(readOnly = true)
    public Optional<Link> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select user_id, purpose, target_path, expires_at, used_at from sign_in_link where token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, i) -> new Link(rs.getString("user_id"), Purpose.valueOf(rs.getString("purpose")),
                        rs.getString("target_path"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    boolean usable(Link link) {
        return link.usable(clock.instant());
    }

    /**
     * Uses the link, once: of two tabs posting the same token, one wins. Every other unused link of the account is
     * spent with it (an older mail's link must not reopen an account whose password was just chosen).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Link> consume(String token) {
        Optional<Link> link = find(token).filter(this::usable);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        int used = jdbc.sql("update sign_in_link set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", now).param("hash", hash(token)).update();
        if (used == 0) {
            return Optional.empty();
        }
        jdbc.sql("update sign_in_link set used_at = :now where user_id = :user and used_at is null")
                .param("now", now).param("user", link.get().userId()).update();
        return link;
    }

    /** A link leads to one of our pages, never elsewhere. */
    static String safeTarget(String targetPath) {
        return targetPath != null && targetPath.startsWith("/") && !targetPath.startsWith("//")
                && !targetPath.contains("\\") && targetPath.length() <= 200 ? targetPath : "/mes-declarations";
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
