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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Initiatives as a spreadsheet, for bodies with many of them: a template (the declaration's current initiatives, the
 * API's field names as columns), the list of codes, and the upload, read row by row with the line of each row.
 *
 * <p>The questions of the campaign's form version follow the catalogue's columns, one column each, headed by the
 * question's id as the API names its answer: an id stays when the question is reworded, says one thing in both
 * languages, and holds no comma or quote a spreadsheet could mangle (the page lists each id with its label). Yes or
 * no is written oui or non; several choices are codes separated by {@value #CHOICES_SEPARATOR} (a comma, a space or
 * a bar is read too); a month YYYY-MM. What a cell holds is checked by the version's rules, as the API's answers.
 */
@Component
class InitiativeCsv {

    /** The columns: the fields the respondent gives for an initiative, in the catalogue's order. */
    static final List<String> COLUMNS = FieldCatalogue.asked().stream().map(FieldCatalogue.Field::name).toList();
    private static final int MAX_ROWS = 1000;
    static final String CHOICES_SEPARATOR = ";";
    /** Codes are letters, digits and underscores: any of these between two codes separates them. */
    private static final java.util.regex.Pattern BETWEEN_CHOICES = java.util.regex.Pattern.compile("[;,|\\s]+");

    record Row(long line, InitiativeForm initiative) {
    }

    private final InputValidator validator;
    private final MessageSource messages;

    InitiativeCsv(InputValidator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /** The header: the catalogue's columns, then one per question of the version, by its id. */
    static List<String> columns(List<DeclarationAnswers.Question> questions) {
        List<String> columns = new ArrayList<>(COLUMNS);
        questions.forEach(question -> columns.add(question.id()));
        return columns;
    }

    String template(Declaration declaration, List<DeclarationAnswers.Question> questions) {
        return write(printer -> {
            printer.row(columns(questions));
            for (InitiativeSnapshot initiative : declaration.initiatives()) {
                List<Object> cells = new ArrayList<>();
                for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
                    cells.add(cell(FieldCatalogue.value(field, initiative)));
                }
                Map<String, Object> answers = initiative.answers() == null ? Map.of() : initiative.answers().values();
                questions.forEach(question -> cells.add(cell(answers.get(question.id()))));
                printer.row(cells);
            }
        });
    }

    private static Object cell(Object value) {
        if (value instanceof Collection<?> codes) {
            return codes.stream().map(String::valueOf).collect(Collectors.joining(CHOICES_SEPARATOR));
        }
        return value instanceof Boolean yes ? (yes ? "oui" : "non") : value instanceof Enum<?> code ? code.name() : value;
    }

    /** Every code a column takes, with its French and English label: the coded fields', then the yes-or-no's. */
    String codes(List<DeclarationAnswers.Question> questions) {
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
            // the version's questions: a choice's codes, yes or no
            for (DeclarationAnswers.Question question : questions) {
                if (question.kind() == DeclarationAnswers.Kind.YES_NO) {
                    printer.row(question.id(), "oui", "Oui", "Yes");
                    printer.row(question.id(), "non", "Non", "No");
                }
                for (DeclarationAnswers.Choice choice : question.choices()) {
                    printer.row(question.id(), choice.code(), choice.fr(), choice.en());
                }
            }
        });
    }

    /** The rows of an upload; a file that is not UTF-8 CSV with these columns is refused whole. */
    List<Row> read(byte[] content, List<DeclarationAnswers.Question> questions) {
        String text = Csv.utf8(content).orElseThrow(() -> refused("Encoding", "validation.import.encoding"));
        Csv.LineCounter lines = new Csv.LineCounter(text);
        List<Row> rows = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> columns = columns(questions);
            List<String> missing = columns.stream().filter(column -> !parser.getHeaderNames().contains(column)).toList();
            if (!missing.isEmpty()) {
                throw refused("MissingColumns", "validation.import.missingColumns", String.join(", ", missing),
                        String.join(",", columns));
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw refused("TooManyRows", "validation.import.tooManyRows", MAX_ROWS);
                }
                long line = lines.lineAt(record.getCharacterPosition());
                rows.add(new Row(line, initiative(record, line, violations, questions)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw refused("MalformedCsv", "validation.import.malformed", String.valueOf(malformed.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return rows;
    }

    private InitiativeForm initiative(CSVRecord record, long line, List<Violation> violations,
            List<DeclarationAnswers.Question> questions) {
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
        if (!questions.isEmpty()) {
            // the row's answers, whole: a blank cell is no answer (and clears one saved before)
            Map<String, Object> answers = new LinkedHashMap<>();
            for (DeclarationAnswers.Question question : questions) {
                String cell = record.isSet(question.id()) ? Csv.restored(record.get(question.id())).strip() : "";
                if (!cell.isEmpty()) {
                    answers.put(question.id(), answer(question.kind(), cell));
                }
            }
            values.put("answers", answers);
        }
        return FieldCatalogue.form(values);
    }

    /** A cell as the API gives the answer; what does not read as its type is passed on, for the rules to refuse. */
    private static Object answer(DeclarationAnswers.Kind kind, String cell) {
        return switch (kind) {
            case YES_NO -> {
                Boolean yes = Csv.yesNo(cell);
                yield yes == null ? cell : yes;
            }
            case SEVERAL_CHOICES -> java.util.Arrays.stream(BETWEEN_CHOICES.split(cell)).filter(code -> !code.isEmpty())
                    .toList();
            case ONE_CHOICE, SHORT_TEXT, LONG_TEXT, MONTH -> cell;
        };
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
