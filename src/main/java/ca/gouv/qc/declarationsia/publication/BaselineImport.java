package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.declaration.Category;
import ca.gouv.qc.declarationsia.declaration.PublishedStatus;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.Csv;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an earlier published open-data CSV (the Portrait's columns, French labels) as a baseline edition, so that the
 * first year run in the product reports its change against the year before. Bodies are matched to the registry by
 * their French name; all rows are imported, or none.
 */
@Service
public class BaselineImport {

    /** The spec's published columns: the open data's first six. */
    static final List<String> COLUMNS = PortraitController.CSV_COLUMNS.subList(0, 6);

    private final JdbcClient jdbc;
    private final PortraitCalculator calculator;
    private final Editions editions;
    private final MessageSource messages;
    private final InputValidator validator;
    private final AccessPolicy access;

    BaselineImport(JdbcClient jdbc, PortraitCalculator calculator, Editions editions, MessageSource messages,
            InputValidator validator, AccessPolicy access) {
        this.jdbc = jdbc;
        this.calculator = calculator;
        this.editions = editions;
        this.messages = messages;
        this.validator = validator;
        this.access = access;
    }

    @Transactional
    public Portrait importCsv(int year, byte[] content, String importedBy) {
        access.requireCoordinator();
        if (jdbc.sql("select count(*) from published_edition where campaign_year = :year").param("year", year)
                .query(Integer.class).single() > 0) {
            throw refused("year", "Duplicate", "validation.baseline.exists", year);
        }
        String text = Csv.utf8(content).orElseThrow(() -> refused("file", "Encoding", "validation.import.encoding"));
        Map<String, String> categories = byLabel(Category.values(), "category.");
        Map<String, String> statuses = byLabel(PublishedStatus.values(), "publishedStatus.");
        Map<String, String> bodies = new HashMap<>();
        jdbc.sql("select code, name_fr from organization_directory").query((rs, i) -> bodies.put(key(rs.getString("name_fr")),
                rs.getString("code"))).list();

        List<Violation> violations = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Csv.LineCounter lines = new Csv.LineCounter(text);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderNames().contains(column)).toList();
            if (!missing.isEmpty()) {
                throw refused("file", "MissingColumns", "validation.import.missingColumns", String.join(", ", missing),
                        String.join(",", COLUMNS));
            }
            int number = 0;
            for (CSVRecord record : parser) {
                long line = lines.lineAt(record.getCharacterPosition());
                String category = categories.get(key(record.get(COLUMNS.get(1))));
                String status = statuses.get(key(record.get(COLUMNS.get(5))));
                if (category == null) {
                    violations.add(lineViolation(line, "category", "validation.baseline.unknownLabel", record.get(COLUMNS.get(1))));
                }
                if (status == null) {
                    violations.add(lineViolation(line, "status", "validation.baseline.unknownLabel", record.get(COLUMNS.get(5))));
                }
                String body = record.get(COLUMNS.get(2));
                String id = record.isMapped("Identifiant") && !record.get("Identifiant").isBlank() ? record.get("Identifiant")
                        : "HIST-%d-%05d".formatted(year, ++number);
                rows.add(new Object[] {id, record.get(COLUMNS.get(0)), category, bodies.getOrDefault(key(body), "HIST-" + Integer.toHexString(key(body).hashCode())),
                        body, record.get(COLUMNS.get(3)), record.get(COLUMNS.get(4)), status});
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException malformed) {
            throw refused("file", "MalformedCsv", "validation.import.malformed", String.valueOf(malformed.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        long editionId = jdbc.sql("""
                insert into published_edition (campaign_year, version, published_at, approved_by, change_note, portrait, baseline)
                values (:year, 1, :now, :by, 'Édition antérieure importée', '{}'::jsonb, true) returning id
                """).param("year", year).param("now", Timestamp.from(QuebecTime.engineNow())).param("by", importedBy)
                .query(Long.class).single();
        for (Object[] row : rows) {
            jdbc.sql("""
                    insert into published_initiative (edition_id, initiative_id, name, category, organization_code,
                           organization_name, portfolio_label, benefits, published_status, services_to_population, generative_ai)
                    values (:edition, :id, :name, :category, :code, :body, :portfolio, :benefits, :status, false, false)
                    """).param("edition", editionId).param("id", row[0]).param("name", row[1]).param("category", row[2])
                    .param("code", row[3]).param("body", row[4]).param("portfolio", row[5]).param("benefits", row[6])
                    .param("status", row[7]).update();
        }
        Portrait portrait = calculator.compute(editionId, year, 1);
        editions.storeFigures(editionId, portrait);
        return portrait;
    }

    private Map<String, String> byLabel(Enum<?>[] codes, String prefix) {
        Map<String, String> byLabel = new HashMap<>();
        Arrays.stream(codes).forEach(code -> {
            byLabel.put(key(messages.getMessage(prefix + code.name(), null, Locale.CANADA_FRENCH)), code.name());
            byLabel.put(key(code.name()), code.name());
        });
        return byLabel;
    }

    /** Labels and names compare without case, accents or apostrophe style. */
    private static String key(String text) {
        return Normalizer.normalize(text.trim().toLowerCase(Locale.ROOT).replace('’', '\''), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
    }

    private Violation lineViolation(long line, String field, String key, Object... arguments) {
        Violation plain = validator.violation(field, "Unknown", key, arguments);
        return new Violation(plain.path(), plain.code(), messages.getMessage("validation.import.line",
                new Object[] {line, plain.message()}, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    private InvalidInputException refused(String path, String code, String key, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation(path, code, key, arguments)));
    }
}
