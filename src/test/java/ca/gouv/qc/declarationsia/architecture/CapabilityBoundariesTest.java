package ca.gouv.qc.declarationsia.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * A capability owns its tables: the others ask its service, never write its rows nor reach its repositories; and a
 * declaration's state has one owner, {@link DeclarationLifecycle}. Checked on the compiled classes (ArchUnit) and on
 * the SQL the sources hold, so that a new class writing another capability's table fails the build.
 */
class CapabilityBoundariesTest {

    private static final String ROOT = "ca.gouv.qc.declarationsia";
    private static final Path SOURCES = Path.of("src/main/java/ca/gouv/qc/declarationsia");

    /** Every table of the product, by the capability (package) that owns it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("portfolio", "organization"), Map.entry("organization", "organization"),
            Map.entry("organization_respondent", "organization"),
            Map.entry("organization_succession", "organization"), Map.entry("organization_succession_link", "organization"),
            Map.entry("organization_succession_assignment", "organization"),
            Map.entry("campaign", "campaign"), Map.entry("campaign_reminder", "campaign"),
            Map.entry("campaign_target", "campaign"),
            Map.entry("declaration", "declaration"), Map.entry("initiative", "declaration"),
            Map.entry("initiative_counter", "declaration"), Map.entry("initiative_snapshot", "declaration"),
            Map.entry("declaration_transition", "declaration"), Map.entry("declaration_submission", "declaration"),
            Map.entry("deadline_extension", "declaration"), Map.entry("submission_handoff", "declaration"),
            Map.entry("review_round", "review"), Map.entry("review_comment", "review"),
            Map.entry("published_edition", "publication"), Map.entry("published_initiative", "publication"),
            Map.entry("publication_approval", "publication"),
            Map.entry("mail_outbox", "notification"), Map.entry("login_throttle", "security"),
            Map.entry("sign_in_link", "security"), Map.entry("account_sign_in", "security"),
            // written by Spring Session (JdbcIndexedSessionRepository), configured by security
            Map.entry("spring_session", "security"), Map.entry("spring_session_attributes", "security"));

    /**
     * Within declaration, who writes a declaration's own rows: its lifecycle, and what it calls (the id counter, the
     * carry-over, the repository's plain SQL for a draft).
     */
    private static final Set<String> DECLARATION_WRITERS = Set.of("DeclarationLifecycle", "InitiativeIds", "CarryOver",
            "DeclarationDraftsImpl");
    private static final Set<String> DECLARATION_STATE = Set.of("declaration", "initiative_snapshot",
            "declaration_transition", "declaration_submission", "deadline_extension");

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** INSERT INTO t, UPDATE t [alias] SET (not SELECT … FOR UPDATE, nor an upsert's DO UPDATE SET), DELETE FROM t. */
    private static final Pattern WRITE = Pattern.compile(
            "\\binsert\\s+into\\s+([a-z_][a-z0-9_]*)|(?<!for\\s)(?<!do\\s)\\bupdate\\s+([a-z_][a-z0-9_]*)(?:\\s+[a-z_]\\w*)?\\s+set\\b"
                    + "|\\bdelete\\s+from\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void only_its_own_capability_reaches_a_repository() {
        for (String capability : Set.copyOf(OWNER.values())) {
            noClasses().that().resideOutsideOfPackage(ROOT + "." + capability + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "repositories of " + capability, type -> type.getPackageName().equals(ROOT + "." + capability)
                                    && type.isAssignableTo(Repository.class)))
                    .because("a capability owns its tables: the others ask its service")
                    .check(product);
        }
    }

    @Test
    void a_declaration_is_saved_by_its_lifecycle_alone() {
        noClasses().that().areNotAssignableTo(DeclarationLifecycle.class)
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.<JavaMethodCall>describe(
                        "DeclarationRepository.save", call -> call.getTarget().getOwner().isAssignableTo(DeclarationRepository.class)
                                && call.getTarget().getName().startsWith("save")))
                .because("every change of a declaration goes through DeclarationLifecycle")
                .check(product);
    }

    @Test
    void nothing_depends_on_publication() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".publication..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".publication..")
                .because("publication reads what it publishes and is read by no one")
                .check(product);
    }

    @Test
    void sql_writes_a_table_only_from_the_capability_that_owns_it() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String capability = SOURCES.relativize(file).getName(0).toString();
                String className = file.getFileName().toString().replace(".java", "");
                for (String table : writtenTables(Files.readString(file))) {
                    String owner = OWNER.get(table);
                    if (owner == null) {
                        problems.add(file + " writes " + table + ", which has no owner here: add it to OWNER");
                    } else if (!owner.equals(capability)) {
                        problems.add(file + " writes " + table + ", which belongs to " + owner + ": ask its service");
                    } else if (DECLARATION_STATE.contains(table) && !DECLARATION_WRITERS.contains(className)) {
                        problems.add(file + " writes " + table + ": a declaration changes through DeclarationLifecycle");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_sql_check_sees_a_write_where_there_is_one() {
        assertThat(writtenTables("jdbc.sql(\"update declaration set status = :to\")")).containsExactly("declaration");
        assertThat(writtenTables("\"\"\"\n insert into mail_outbox (id) values (1) on conflict (k) do update set x = 1\n\"\"\""))
                .containsExactly("mail_outbox");
        assertThat(writtenTables("// update the declaration; \"select * from declaration for update skip locked\"")).isEmpty();
        assertThat(writtenTables("\"update declaration d set status = 'X'\"")).containsExactly("declaration");
    }

    /** The tables the string literals of a source write to. */
    static List<String> writtenTables(String source) {
        List<String> sql = new ArrayList<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            sql.add(block.group(1));
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (string.find()) {
            sql.add(string.group(1));
        }
        List<String> tables = new ArrayList<>();
        for (String statement : sql) {
            Matcher write = WRITE.matcher(statement);
            while (write.find()) {
                String table = write.group(1) != null ? write.group(1) : write.group(2) != null ? write.group(2) : write.group(3);
                tables.add(table.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }
}
