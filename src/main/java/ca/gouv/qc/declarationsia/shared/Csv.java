package ca.gouv.qc.declarationsia.shared;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What every CSV of the product does alike. Written (the initiatives template, the dashboard export, the open data):
 * through {@link #writer}, which neutralises every cell a spreadsheet would run as a formula. Read (uploads): strict
 * UTF-8, yes/no cells in French or English, and the neutralising apostrophe of a file we wrote taken off again.
 */
public final class Csv {

    /** What a spreadsheet takes for the start of a formula (OWASP's list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final char NEUTRALISER = '\'';

    private Csv() {
    }

    /** Rows written with every text cell neutralised; closing it flushes (it does not close {@code out}'s owner). */
    public static Writer writer(Appendable out) {
        try {
            return new Writer(new CSVPrinter(out, CSVFormat.DEFAULT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code =HYPERLINK(…)} → {@code '=HYPERLINK(…)}: shown as typed, never run. */
    public static String neutralised(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0
                ? NEUTRALISER + cell : cell;
    }

    /** The inverse, for a file we wrote coming back: a description starting "- " keeps its dash, loses our mark. */
    public static String restored(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == NEUTRALISER
                && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /** A CSV being written: {@link #row} neutralises each text cell; other values (numbers, dates) print as they are. */
    public static final class Writer implements Closeable {

        private final CSVPrinter printer;

        private Writer(CSVPrinter printer) {
            this.printer = printer;
        }

        public void row(Iterable<?> cells) {
            try {
                for (Object cell : cells) {
                    printer.print(cell instanceof String text ? neutralised(text) : cell);
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void row(Object... cells) {
            row(Arrays.asList(cells));
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
