package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a chosen password must be: 12 to 128 characters, typed the same twice, not the account's address nor built on
 * it, and not one of the passwords every guesser tries first. Length over composition rules, as NIST SP 800-63B asks.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    /** Stems guessers try first, French and English, whatever digits or signs surround them. */
    private static final Set<String> COMMON = Set.of("password", "motdepasse", "azerty", "azertyuiop", "qwerty",
            "qwertyuiop", "bonjour", "soleil", "quebec", "montreal", "canada", "admin", "administrateur", "welcome",
            "bienvenue", "secret", "changeme", "letmein", "iloveyou", "jetaime", "abcdef", "abcdefghijkl", "declaration",
            "declarations", "camunda", "gouvernement", "motdepasseoublie", "hiver", "printemps", "automne", "ete");

    private final InputValidator validator;

    PasswordPolicy(InputValidator validator) {
        this.validator = validator;
    }

    List<Violation> check(String password, String confirmation, String userId) {
        List<Violation> violations = new ArrayList<>();
        String chosen = password == null ? "" : password;
        if (chosen.codePointCount(0, chosen.length()) < MIN_LENGTH) {
            violations.add(validator.violation("password", "TooShort", "validation.password.tooShort", MIN_LENGTH));
        } else if (chosen.length() > MAX_LENGTH) {
            violations.add(validator.violation("password", "TooLong", "validation.password.tooLong", MAX_LENGTH));
        } else if (containsAccount(chosen, userId)) {
            violations.add(validator.violation("password", "Account", "validation.password.account"));
        } else if (trivial(chosen)) {
            violations.add(validator.violation("password", "Common", "validation.password.common"));
        }
        if (!chosen.equals(confirmation)) {
            violations.add(validator.violation("confirmation", "Mismatch", "validation.password.mismatch"));
        }
        return violations;
    }

    private static boolean containsAccount(String password, String userId) {
        String lower = password.toLowerCase(Locale.ROOT);
        String account = userId.toLowerCase(Locale.ROOT);
        String localPart = account.contains("@") ? account.substring(0, account.indexOf('@')) : account;
        return lower.contains(account) || (localPart.length() >= 4 && lower.contains(localPart));
    }

    /** Few distinct characters, a keyboard or counting run, or a common stem padded with digits and signs. */
    static boolean trivial(String password) {
        if (password.chars().distinct().count() < 5) {
            return true;
        }
        String letters = Normalizer.normalize(password.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z]", "");
        if (COMMON.contains(letters)) {
            return true;
        }
        return isRun(password.toLowerCase(Locale.ROOT));
    }

    private static boolean isRun(String text) {
        for (String run : List.of("0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyz", "azertyuiopqsdfghjklmwxcvbn",
                "qwertyuiopasdfghjklzxcvbnm")) {
            if (run.contains(text)) {
                return true;
            }
        }
        return false;
    }
}
