package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.shared.Csv;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Initiatives as a spreadsheet, for bodies with many of them: a template (the declaration's current initiatives, the
 * API's field names as columns), the list of codes, and the upload, read row by row with the line of each row.
 */
@Component
class InitiativeCsv {

    /** The columns: the fields the respondent gives for an initiative, in the catalogue's order. */
    static final List<String> COLUMNS = FieldCatalogue.asked().stream().map(FieldCatalogue.Field::name).toList();
    private static final int MAX_ROWS = 1000;

    record Row(long line, InitiativeForm initiative) {
    }

    private final InputValidator validator;
    private final MessageSource messages;

    InitiativeCsv(InputValidator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    String template(Declaration declaration) {
        return write(printer -> {
            printer.row(COLUMNS);
            for (InitiativeSnapshot initiative : declaration.initiatives()) {
                List<Object> cells = new ArrayList<>();
                for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
                    Object value = FieldCatalogue.value(field, initiative);
                    cells.add(value instanceof Boolean yes ? (yes ? "oui" : "non")
                            : value instanceof Enum<?> code ? code.name() : value);
                }
                printer.row(cells);
            }
        });
    }

    /** Every code a column takes, with its French and English label: the coded fields', then the yes-or-no's. */
    String codes() {
        return write(printer -> {
            printer.row("field", "code", "libelle", "label");
            for (FieldCatalogue.Field field : FieldCatalogue.coded()) {
                for (String code : field.codes()) {
                    String key = field.codeLabelKey(code);
                    printer.row(field.name(), code, messages.getMessage(key, null, Locale.CANADA_FRENCH),
                            messages.getMessage(key, null, Locale.CANADA));
                }
            }
            for (FieldCatalogue.Field yesNo : FieldCatalogue.asked().stream().filter(FieldCatalogue.Field::yesNo).toList()) {
                printer.row(yesNo.name(), "oui", "Oui", "Yes");
                printer.row(yesNo.name(), "non", "Non", "No");
            }
        });
    }

    /** The rows of an upload; a file that is not UTF-8 CSV with these columns is refused whole. */
    List<Row> read(byte[] content) {
        String text = Csv.utf8(content).orElseThrow(() -> refused("Encoding", "validation.import.encoding"));
        Csv.LineCounter lines = new Csv.LineCounter(text);
        List<Row> rows = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderNames().contains(column)).toList();
            if (!missing.isEmpty()) {
                throw refused("MissingColumns", "validation.import.missingColumns", String.join(", ", missing),
                        String.join(",", COLUMNS));
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw refused("TooManyRows", "validation.import.tooManyRows", MAX_ROWS);
                }
                long line = lines.lineAt(record.getCharacterPosition());
                rows.add(new Row(line, initiative(record, line, violations)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw refused("MalformedCsv", "validation.import.malformed", String.valueOf(malformed.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return rows;
    }

    private InitiativeForm initiative(CSVRecord record, long line, List<Violation> violations) {
        Map<String, Object> values = new HashMap<>();
        for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
            String cell = record.isSet(field.name()) ? Csv.restored(record.get(field.name())) : "";
            if (field.yesNo()) {
                Boolean yes = cell.isBlank() ? null : Csv.yesNo(cell);
                if (!cell.isBlank() && yes == null) {
                    Violation plain = validator.violation("initiatives." + field.name(), "Boolean", "validation.boolean");
                    violations.add(new Violation(plain.path(), plain.code(), lineMessage(line, plain.message())));
                }
                values.put(field.name(), yes);
            } else {
                values.put(field.name(), cell.isBlank() ? null : cell);
            }
        }
        return FieldCatalogue.form(values);
    }

    String lineMessage(long line, String message) {
        return messages.getMessage("validation.import.line", new Object[] {line, message},
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private InvalidInputException refused(String code, String key, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation("file", code, key, arguments)));
    }

    private interface Printing {
        void print(Csv.Writer printer) throws ReflectiveOperationException;
    }

    private static String write(Printing printing) {
        StringWriter out = new StringWriter();
        try (Csv.Writer printer = Csv.writer(out)) {
            printing.print(printer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CSV not written", e);
        }
        return out.toString();
    }
}
