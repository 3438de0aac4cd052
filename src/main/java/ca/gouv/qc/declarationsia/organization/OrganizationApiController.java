package ca.gouv.qc.declarationsia.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/organizations")
@Tag(name = "Organisations", description = "Registre des organismes publics assujettis / Registry of public bodies")
class OrganizationApiController {

    private final OrganizationService organizations;
    private final OrganizationCsvImport csvImport;
    private final Successions successions;

    OrganizationApiController(OrganizationService organizations, OrganizationCsvImport csvImport, Successions successions) {
        this.organizations = organizations;
        this.csvImport = csvImport;
        this.successions = successions;
    }

    @Operation(summary = "Create or update one organization (coordinators)",
            description = "201 when created, 200 when updated; 422 lists every invalid field.")
    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrganizationView> put(@PathVariable String code, @RequestBody OrganizationForm form) {
        OrganizationService.Outcome outcome = organizations.save(code, form);
        OrganizationView view = OrganizationView.of(organizations.get(code));
        return ResponseEntity.status(outcome == OrganizationService.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }

    @Operation(summary = "List every organization (ministry staff)")
    @GetMapping
    List<OrganizationView> list() {
        return organizations.list().stream().map(OrganizationView::of).toList();
    }

    @Operation(summary = "One organization (ministry staff, or the organization's own respondents)")
    @GetMapping("/{code}")
    OrganizationView get(@PathVariable String code) {
        return OrganizationView.of(organizations.get(code), successions.predecessorsOf(code),
                successions.endOf(code).orElse(null));
    }

    @Operation(summary = "Record a merge, an absorption or a renaming (coordinators)",
            description = "Body: {\"predecessors\": [\"CODE\", ...], \"successor\": \"CODE\", \"effectiveDate\": "
                    + "\"YYYY-MM-DD\", \"reason\": \"text\", \"kind\": \"FUSION|ABSORPTION|RENOMMAGE\" (optional)}. "
                    + "Every body must be in the registry (create a new successor, or the new code of a renamed body, "
                    + "first). The predecessors become inactive from the effective date; the successor's next declaration "
                    + "carries every initiative still active at each of them, with its id. 201 with the succession; 422 "
                    + "naming the field (unknown code, a body succeeding itself, a cycle, a predecessor already "
                    + "succeeded, an effective date before the year of the predecessor's last accepted declaration), "
                    + "nothing changed. A succession counts from the first campaign opening on or after its date: one "
                    + "recorded late, dated on or before the opening of the campaign under way, counts for it. The "
                    + "predecessors' active initiatives then go into the successor's declaration of that campaign if it "
                    + "is still a draft (or sent back for corrections), listed in openCampaign[].carriedInto; a "
                    + "predecessor with a declaration of its own that year keeps it, completed as it is "
                    + "(openCampaign[].declaringThemselves), and its initiatives come at the next campaign. If the "
                    + "successor's declaration is already submitted, 422 on effectiveDate (code SuccessorDeclared) "
                    + "naming the first date accepted (the day after that opening).")
    @PostMapping(path = "/successions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Successions.Succession> succession(@RequestBody SuccessionForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(successions.record(form));
    }

    @Operation(summary = "Record a split (coordinators)",
            description = "Body: {\"predecessor\": \"CODE\", \"successors\": [\"CODE\", \"CODE\", ...], "
                    + "\"effectiveDate\": \"YYYY-MM-DD\", \"reason\": \"text\", \"assignments\": "
                    + "{\"IA-CODE-0001\": \"SUCCESSOR\", ...}}: each initiative still active at the predecessor "
                    + "(GET /api/organizations/{code}/active-initiatives) goes to exactly one successor. 201; 422 when an "
                    + "initiative is left unassigned or for any rule of a succession, nothing changed.")
    @PostMapping(path = "/successions/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Successions.Succession> split(@RequestBody SplitForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(successions.split(form));
    }

    @Operation(summary = "Every recorded succession, latest first (ministry staff)")
    @GetMapping("/successions")
    List<Successions.Succession> successions() {
        return successions.list();
    }

    @Operation(summary = "The ids of the initiatives still active at a body, which a split must assign (coordinators)")
    @GetMapping("/{code}/active-initiatives")
    List<String> activeInitiatives(@PathVariable String code) {
        organizations.get(code);
        return successions.activeInitiatives(code);
    }

    @Operation(summary = "Import organizations from a UTF-8 CSV file (coordinators)",
            description = "Columns: code,nameFr,nameEn (optional),acronym,lggriCategory,portfolio,network,respondentEmails,"
                    + "escalationEmail; respondentEmails separated by ';'. Good rows are saved; each rejected row is "
                    + "reported with its line number and reasons.")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importFile(@RequestParam("file") MultipartFile file) throws IOException {
        return csvImport.importCsv(file.getBytes());
    }

    @Operation(summary = "Import organizations from a CSV request body (coordinators)")
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ImportReport importBody(@RequestBody byte[] content) {
        return csvImport.importCsv(content);
    }
}
