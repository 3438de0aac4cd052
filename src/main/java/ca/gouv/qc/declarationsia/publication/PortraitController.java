package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.form.AnswerTexts;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.shared.Csv;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.HttpStatus;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import org.springframework.web.bind.annotation.RestController;

/** The public side: the Portrait's figures and the open data (CC-BY 4.0), once published. No login. */
@RestController
@Tag(name = "Portrait (public)", description = "Portrait des utilisations de l’IA et données ouvertes / Portrait and open data")
class PortraitController {

    /**
     * The published columns of the spec, in order, then what identifies a row over the years: an initiative's fields
     * under their open-data column in the field catalogue, and the body that declared it.
     */
    static final List<String> CSV_COLUMNS = List.of(column("name"), column("category"), "Organisme responsable",
            "Portefeuille ministériel", column("benefits"), column("phase"), column("id"), column("genericProductName"));

    /**
     * @param answers the answers to the public questions of the year's form version, by question id, as the CSV says
     *        them (in French); absent for a year whose version has none, whose open data stay as they were
     */
    record OpenDataRow(String id, String name, String category, String categoryLabel, String organization,
            String portfolio, String benefits, String status, String statusLabel, String genericProductName,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> answers) {
    }

    private final Editions editions;
    private final BaselineImport baseline;
    private final MessageSource messages;

    PortraitController(Editions editions, BaselineImport baseline, MessageSource messages) {
        this.editions = editions;
        this.baseline = baseline;
        this.messages = messages;
    }

    record Erratum(String changeNote) {
    }

    @Operation(summary = "Publish an erratum: a new version of the year's edition, with its change note (coordinators)",
            description = "Freezes the accepted declarations as they are now; earlier versions stay readable.")
    @PostMapping("/api/portraits/{year}/errata")
    @ResponseStatus(HttpStatus.CREATED)
    Portrait erratum(@PathVariable int year, @RequestBody Erratum erratum) {
        editions.publishErratum(year, String.valueOf(CurrentUser.get().id()), erratum.changeNote());
        return editions.portrait(year);
    }

    @Operation(summary = "Import an earlier published edition's open-data CSV as a baseline (coordinators)",
            description = "Columns of the Portrait's open data, French labels; bodies matched to the registry by name.")
    @PostMapping(path = "/api/portraits/{year}/baseline", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Portrait importBaseline(@PathVariable int year, @RequestParam("file") MultipartFile file) throws java.io.IOException {
        return baseline.importCsv(year, file.getBytes(), String.valueOf(CurrentUser.get().id()));
    }

    @Operation(summary = "The Portrait of a year (latest published version)")
    @GetMapping("/api/portraits/{year}")
    Portrait portrait(@PathVariable int year) {
        return editions.portrait(year);
    }

    @Operation(summary = "Open data: one row per published initiative, CSV (UTF-8)",
            description = "The spec's columns, then one column per question the year's form version marks public "
                    + "(its French label), never another")
    @GetMapping(path = "/open-data/{year}/initiatives.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@PathVariable int year) {
        StringWriter out = new StringWriter();
        List<Question> questions = editions.publicQuestions(year).questions();
        try (Csv.Writer csv = Csv.writer(out)) {
            List<String> columns = new ArrayList<>(CSV_COLUMNS);
            questions.forEach(question -> columns.add(question.fr()));
            csv.row(columns);
            for (OpenDataRow row : rows(year)) {
                // a version without public questions: the cells as before versions existed, byte for byte
                List<Object> cells = new ArrayList<>(Arrays.asList(row.name(), row.categoryLabel(), row.organization(),
                        row.portfolio(), row.benefits(), row.statusLabel(), row.id(), row.genericProductName()));
                questions.forEach(question -> cells.add(row.answers().get(question.id())));
                csv.row(cells);
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"initiatives-ia-" + year + ".csv\"")
                .body("\uFEFF" + out);
    }

    @Operation(summary = "Open data: one object per published initiative, JSON",
            description = "answers: by question id, the answers to the questions the year's form version marks public "
                    + "(absent when it has none)")
    @GetMapping(path = "/open-data/{year}/initiatives.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OpenDataRow> json(@PathVariable int year) {
        return rows(year);
    }

    private List<OpenDataRow> rows(int year) {
        editions.portrait(year);
        Editions.PublicQuestions published = editions.publicQuestions(year);
        Map<String, Map<String, Object>> answers = published.questions().isEmpty() ? Map.of()
                : editions.publicAnswers(year);
        return editions.initiatives(year).stream().map(initiative -> new OpenDataRow(initiative.initiativeId(),
                initiative.name(), initiative.category(), label("category." + initiative.category()),
                initiative.organizationName(), initiative.portfolioLabel(), initiative.benefits(),
                initiative.publishedStatus(), label("publishedStatus." + initiative.publishedStatus()),
                initiative.genericProductName(), published.questions().isEmpty() ? null
                        : answers(published, answers.getOrDefault(initiative.initiativeId(), Map.of())))).toList();
    }

    /** Every public question, in the version's order, with its answer as the CSV says it (null for none). */
    private Map<String, String> answers(Editions.PublicQuestions published, Map<String, Object> given) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question question : published.questions()) {
            texts.put(question.id(), AnswerTexts.published(published.form(), question, given.get(question.id()),
                    messages));
        }
        return texts;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.CANADA_FRENCH);
    }

    private static String column(String field) {
        return FieldCatalogue.find(field).map(FieldCatalogue.Field::openDataColumn).orElseThrow();
    }
}
