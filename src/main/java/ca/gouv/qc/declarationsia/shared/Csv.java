package ca.gouv.qc.declarationsia.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What every CSV upload of the product does alike: strict UTF-8, and yes/no cells in French or English. */
public final class Csv {

    private Csv() {
    }

    /**
     * The file's text, or empty if it is not UTF-8: a Windows-1252 export would otherwise turn "Santé" into "SantÃ©"
     * silently. A byte order mark is dropped.
     */
    public static Optional<String> utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** true for oui/yes/true/vrai/1, false for non/no/false/faux/0, null for anything else. */
    public static Boolean yesNo(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "oui", "yes", "1", "vrai" -> Boolean.TRUE;
            case "false", "non", "no", "0", "faux" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The line a row starts on, as a spreadsheet shows it (quoted fields may span lines). Reads forward only. */
    public static final class LineCounter {
        private final String text;
        private int position;
        private long line = 1;

        public LineCounter(String text) {
            this.text = text;
        }

        public long lineAt(long characterPosition) {
            for (; position < characterPosition && position < text.length(); position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
