package ca.gouv.qc.declarationsia.shared.validation;

/**
 * What no text of the product may hold, in one place: control characters (a NUL stops PostgreSQL, others hide
 * text or break a CSV), and lone UTF-16 surrogates (half a character, which the database would store as "?").
 */
public final class TextRules {

    private TextRules() {
    }

    /** A control character other than the line breaks and tabs a paragraph may hold. */
    public static boolean hasControlBesideLineBreaks(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    public static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An explicit direction override or isolate (U+202A–U+202E, U+2066–U+2069): it can make a name read backwards
     * ("Trojan source"); the marks a bidirectional text needs (U+200E, U+200F) stay allowed.
     */
    public static boolean hasDirectionOverride(String text) {
        return text.chars().anyMatch(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069);
    }

    /** Text that can never be meant: a NUL, or half a character. */
    public static boolean isCorrupt(String text) {
        return text.indexOf('\0') >= 0 || hasLoneSurrogate(text);
    }
}
