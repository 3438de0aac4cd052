package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.organization.ImportReport.RejectedRow;
import ca.gouv.qc.declarationsia.organization.OrganizationForm.ContactForm;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.Csv;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Imports the organization registry from CSV (columns of interfaces.md). Each row is saved in its own transaction
 * through {@link OrganizationService#save}: a good row is saved whole, a bad row is reported and changes nothing.
 */
@Service
public class OrganizationCsvImport {

    static final List<String> COLUMNS = List.of("code", "nameFr", "nameEn", "acronym", "lggriCategory", "portfolio",
            "network", "respondentEmails", "escalationEmail");
    static final List<String> REQUIRED_COLUMNS = List.of("code", "nameFr", "lggriCategory", "portfolio",
            "respondentEmails", "escalationEmail");
    private static final int MAX_ROWS = 20_000;

    private final OrganizationService organizations;
    private final InputValidator validator;
    private final AccessPolicy access;

    OrganizationCsvImport(OrganizationService organizations, InputValidator validator, AccessPolicy access) {
        this.organizations = organizations;
        this.validator = validator;
        this.access = access;
    }

    public ImportReport importCsv(byte[] content) {
        access.requireCoordinator();
        String text = decodeUtf8(content);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true)
                .get();
        int created = 0;
        int updated = 0;
        List<RejectedRow> rejected = new ArrayList<>();
        Csv.LineCounter lines = new Csv.LineCounter(text);
        try (CSVParser parser = format.parse(new StringReader(text))) {
            requireColumns(parser.getHeaderNames());
            for (CSVRecord row : parser) {
                if (row.getRecordNumber() > MAX_ROWS) {
                    throw new InvalidInputException(List.of(validator.violation("file", "TooManyRows",
                            "validation.import.tooManyRows", MAX_ROWS)));
                }
                long line = lines.lineAt(row.getCharacterPosition());
                String code = value(row, "code");
                try {
                    List<String> rowErrors = rowErrors(row);
                    if (!rowErrors.isEmpty()) {
                        // report the field errors of the row too, so one correction round fixes it
                        validator.validate(toForm(row)).forEach(violation -> rowErrors.add(violation.message()));
                        rejected.add(new RejectedRow(line, code, rowErrors));
                    } else if (organizations.save(code, toForm(row)) == OrganizationService.Outcome.CREATED) {
                        created++;
                    } else {
                        updated++;
                    }
                } catch (InvalidInputException invalid) {
                    rejected.add(new RejectedRow(line, code, invalid.violations().stream().map(Violation::message).toList()));
                } catch (DataAccessException conflict) {
                    // e.g. another upload saved the same name meanwhile: the row's transaction rolled back whole
                    rejected.add(new RejectedRow(line, code,
                            List.of(validator.violation("code", "Conflict", "validation.import.conflict").message())));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw new InvalidInputException(List.of(validator.violation("file", "MalformedCsv",
                    "validation.import.malformed", String.valueOf(malformed.getMessage()))));
        }
        return new ImportReport(created, updated, rejected);
    }

    private List<String> rowErrors(CSVRecord row) {
        List<String> errors = new ArrayList<>();
        if (!row.isConsistent()) {
            errors.add(validator.violation("file", "ColumnCount", "validation.import.columnCount", row.size()).message());
        }
        String network = value(row, "network");
        if (network != null && parseBoolean(network) == null) {
            errors.add(validator.violation("network", "Boolean", "validation.boolean").message());
        }
        return errors;
    }

    private OrganizationForm toForm(CSVRecord row) {
        String network = value(row, "network");
        List<ContactForm> respondents = splitEmails(value(row, "respondentEmails")).stream()
                .map(email -> new ContactForm(null, email))
                .toList();
        String escalation = value(row, "escalationEmail");
        return new OrganizationForm(value(row, "nameFr"), value(row, "nameEn"), value(row, "acronym"),
                value(row, "lggriCategory"), value(row, "portfolio"),
                network == null ? null : parseBoolean(network), null, null,
                respondents, escalation == null ? null : new ContactForm(null, escalation));
    }

    private void requireColumns(List<String> header) {
        List<String> missing = REQUIRED_COLUMNS.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(List.of(validator.violation("file", "MissingColumns",
                    "validation.import.missingColumns", String.join(", ", missing), String.join(",", COLUMNS))));
        }
    }

    private String decodeUtf8(byte[] content) {
        return Csv.utf8(content).orElseThrow(() -> new InvalidInputException(
                List.of(validator.violation("file", "Encoding", "validation.import.encoding"))));
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value.isBlank() ? null : value;
    }

    private static List<String> splitEmails(String emails) {
        return emails == null ? List.of()
                : Arrays.stream(emails.split(";")).map(String::trim).filter(email -> !email.isEmpty()).toList();
    }

    private static Boolean parseBoolean(String value) {
        return Csv.yesNo(value);
    }
}
