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
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** The columns: the fields of an initiative, in the model's order. */
    static final List<String> COLUMNS = Arrays.stream(InitiativeForm.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
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
                InitiativeForm form = DeclarationPageForm.Initiative.of(initiative).toForm();
                List<Object> cells = new ArrayList<>();
                for (RecordComponent component : InitiativeForm.class.getRecordComponents()) {
                    Object value = component.getAccessor().invoke(form);
                    cells.add(value instanceof Boolean yes ? (yes ? "oui" : "non") : value);
                }
                printer.row(cells);
            }
        });
    }

    /** Every code a column takes, with its French and English label. */
    String codes(Map<String, Enum<?>[]> codesByField) {
        return write(printer -> {
            printer.row("field", "code", "libelle", "label");
            for (var entry : codesByField.entrySet()) {
                for (Enum<?> code : entry.getValue()) {
                    String key = entry.getKey() + "." + code.name();
                    printer.row(entry.getKey(), code.name(), messages.getMessage(key, null, Locale.CANADA_FRENCH),
                            messages.getMessage(key, null, Locale.CANADA));
                }
            }
            for (String yesNo : List.of("servicesToPopulation", "cybersecurity", "generativeAi")) {
                printer.row(yesNo, "oui", "Oui", "Yes");
                printer.row(yesNo, "non", "Non", "No");
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
        Object[] values = new Object[COLUMNS.size()];
        RecordComponent[] components = InitiativeForm.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            String cell = record.isSet(COLUMNS.get(i)) ? Csv.restored(record.get(COLUMNS.get(i))) : "";
            if (components[i].getType() == Boolean.class) {
                Boolean yes = cell.isBlank() ? null : Csv.yesNo(cell);
                if (!cell.isBlank() && yes == null) {
                    Violation plain = validator.violation("initiatives." + COLUMNS.get(i), "Boolean", "validation.boolean");
                    violations.add(new Violation(plain.path(), plain.code(), lineMessage(line, plain.message())));
                }
                values[i] = yes;
            } else {
                values[i] = cell.isBlank() ? null : cell;
            }
        }
        try {
            return InitiativeForm.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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
