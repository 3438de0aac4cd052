package ca.gouv.qc.declarationsia.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
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
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;

/**
 * A capability owns its tables: the others ask its service or read one of its named views ({@link #VIEWS}), never
 * read nor write its tables, reach its repositories or map its tables; and a declaration's state has one owner,
 * {@link DeclarationLifecycle}. Checked on the compiled classes (ArchUnit) and on the SQL the sources hold, so that a
 * new class reading or writing another capability's table fails the build. The checks run on a planted
 * cross-capability read too ({@code architecture/planted}), to show that they fail when they should.
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
            Map.entry("campaign_target", "campaign"), Map.entry("campaign_transition", "campaign"),
            Map.entry("declaration_status", "declaration"),
            Map.entry("declaration", "declaration"), Map.entry("initiative", "declaration"),
            Map.entry("initiative_counter", "declaration"), Map.entry("initiative_snapshot", "declaration"),
            Map.entry("declaration_transition", "declaration"), Map.entry("declaration_submission", "declaration"),
            Map.entry("deadline_extension", "declaration"), Map.entry("submission_handoff", "declaration"),
            Map.entry("review_round", "review"), Map.entry("review_comment", "review"),
            Map.entry("published_edition", "publication"), Map.entry("published_initiative", "publication"),
            Map.entry("publication_approval", "publication"),
            Map.entry("mail_outbox", "notification"), Map.entry("login_throttle", "security"),
            Map.entry("form_version", "form"),
            Map.entry("sign_in_link", "security"), Map.entry("account_sign_in", "security"),
            // written by Spring Session (JdbcIndexedSessionRepository), configured by security
            Map.entry("spring_session", "security"), Map.entry("spring_session_attributes", "security"));

    /**
     * The read views (migrations V10, V14, V26), by the capability that keeps them: what a capability offers the
     * others to read in SQL, where a set-based join is needed (dashboards, the Portrait, lists over thousands of
     * rows). Any capability may read them; only the owner changes them, keeping their columns.
     */
    static final Map<String, String> VIEWS = Map.ofEntries(
            Map.entry("organization_directory", "organization"), Map.entry("portfolio_name", "organization"),
            Map.entry("body_succession", "organization"),
            Map.entry("campaign_calendar", "campaign"), Map.entry("campaign_body", "campaign"),
            Map.entry("campaign_form", "campaign"),
            Map.entry("declaration_deadline", "declaration"), Map.entry("declaration_summary", "declaration"),
            Map.entry("declared_initiative", "declaration"),
            Map.entry("mail_to_body", "notification"),
            Map.entry("review_latest_comment", "review"));

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final String PLANTED = ROOT + ".architecture.planted";
    private static final Path PLANTED_SOURCES = Path.of("src/test/java/ca/gouv/qc/declarationsia/architecture/planted");

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

    /** FROM t, JOIN t, and the tables of a list (FROM a x, b y): where a statement reads. */
    private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\G\\s*([a-z_][a-z0-9_]*)(?![a-z0-9_(])(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMA = Pattern.compile("\\G\\s*,");
    private static final Pattern CREATED = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void only_its_own_capability_reaches_a_repository_or_maps_a_table() {
        assertThat(mappingProblems(product, ROOT)).isEmpty();
    }

    @Test
    void capabilities_import_each_other_without_a_cycle() {
        // with reads through the owner, SQL no longer hides a cycle either: declaration reads campaign through a view
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching(ROOT + ".(*)..")
                .should().beFreeOfCycles()
                .because("a capability asks the ones below it; the one below offers a view, not an import back up")
                .check(product);
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
        assertThat(sqlProblems(SOURCES).stream().filter(problem -> problem.contains(" writes "))).isEmpty();
    }

    @Test
    void sql_reads_a_table_only_from_the_capability_that_owns_it_and_the_others_its_views() throws IOException {
        assertThat(sqlProblems(SOURCES).stream().filter(problem -> problem.contains(" reads "))).isEmpty();
    }

    @Test
    void every_table_and_view_of_the_migrations_has_an_owner() throws IOException {
        List<String> problems = new ArrayList<>();
        assertThat(OWNER.keySet()).doesNotContainAnyElementsOf(VIEWS.keySet());
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
                Matcher created = CREATED.matcher(Files.readString(file));
                while (created.find()) {
                    String name = created.group(2).toLowerCase(java.util.Locale.ROOT);
                    boolean view = created.group(1).equalsIgnoreCase("view");
                    if (!(view ? VIEWS : OWNER).containsKey(name)) {
                        problems.add(file.getFileName() + " creates the " + created.group(1) + " " + name
                                + ", which has no owner here: add it to " + (view ? "VIEWS" : "OWNER"));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_planted_cross_capability_read_is_reported() throws IOException {
        assertThat(sqlProblems(PLANTED_SOURCES)).singleElement().asString()
                .contains("PlantedCrossRead.java reads declaration, which belongs to declaration");
        JavaClasses planted = new ClassFileImporter().importPackages(PLANTED);
        assertThat(mappingProblems(planted, PLANTED)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("PlantedCrossRead reaches")
                        .contains("PlantedDeclarationRepository, a repository of declaration"))
                .anySatisfy(problem -> assertThat(problem).contains("PlantedCrossRead$Snapshot maps initiative_snapshot"));
    }

    @Test
    void the_sql_check_sees_a_read_where_there_is_one() {
        assertThat(readTables("\"select d.id from declaration d join organization o on o.code = d.organization_code\""))
                .containsExactly("declaration", "organization");
        assertThat(readTables("\"\"\"\n select * from campaign c, campaign_target t where t.x in"
                + " (select code from portfolio) and c.status is distinct from 'X'\n\"\"\""))
                .containsExactly("campaign", "campaign_target", "portfolio");
        // a column (no table's name) and a function are no reads of a table
        assertThat(readTables("\"select extract(year from submitted_at) from unnest(:codes) order by a, b\""))
                .containsExactly("submitted_at");
        assertThat(readTables("// read from declaration; \"update declaration set late = true\"")).isEmpty();
    }

    @Test
    void the_sql_check_sees_a_write_where_there_is_one() {
        assertThat(writtenTables("jdbc.sql(\"update declaration set status = :to\")")).containsExactly("declaration");
        assertThat(writtenTables("\"\"\"\n insert into mail_outbox (id) values (1) on conflict (k) do update set x = 1\n\"\"\""))
                .containsExactly("mail_outbox");
        assertThat(writtenTables("// update the declaration; \"select * from declaration for update skip locked\"")).isEmpty();
        assertThat(writtenTables("\"update declaration d set status = 'X'\"")).containsExactly("declaration");
    }

    /**
     * What the sources under {@code sources} (one folder per capability) read or write of another capability's tables,
     * and a declaration's state written outside its lifecycle.
     */
    static List<String> sqlProblems(Path sources) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String capability = sources.relativize(file).getName(0).toString();
                String className = file.getFileName().toString().replace(".java", "");
                String source = Files.readString(file);
                for (String table : writtenTables(source)) {
                    String owner = OWNER.get(table);
                    if (owner == null) {
                        problems.add(file + " writes " + table + ", which has no owner here: add it to OWNER");
                    } else if (!owner.equals(capability)) {
                        problems.add(file + " writes " + table + ", which belongs to " + owner + ": ask its service");
                    } else if (DECLARATION_STATE.contains(table) && !DECLARATION_WRITERS.contains(className)) {
                        problems.add(file + " writes " + table + ": a declaration changes through DeclarationLifecycle");
                    }
                }
                for (String table : Set.copyOf(readTables(source))) {
                    String owner = OWNER.get(table);
                    if (owner != null && !owner.equals(capability)) {
                        problems.add(file + " reads " + table + ", which belongs to " + owner
                                + ": ask its service, or read one of its views (" + viewsOf(owner) + ")");
                    }
                }
            }
        }
        return problems;
    }

    private static String viewsOf(String owner) {
        List<String> views = VIEWS.entrySet().stream().filter(view -> view.getValue().equals(owner))
                .map(Map.Entry::getKey).sorted().toList();
        return views.isEmpty() ? "none yet: add one in a migration and to VIEWS" : String.join(", ", views);
    }

    /**
     * Classes under {@code root} (one package per capability) that reach another capability's Spring Data
     * repository, or map another capability's table ({@code @Table}).
     */
    static List<String> mappingProblems(JavaClasses classes, String root) {
        List<String> problems = new ArrayList<>();
        for (JavaClass type : classes) {
            String capability = capabilityOf(type, root);
            if (capability == null) {
                continue;
            }
            type.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                    .filter(target -> target.isAssignableTo(Repository.class))
                    .filter(target -> capabilityOf(target, root) != null && !capability.equals(capabilityOf(target, root)))
                    .map(target -> type.getName() + " reaches " + target.getName() + ", a repository of "
                            + capabilityOf(target, root) + ": ask its service")
                    .distinct().forEach(problems::add);
            type.tryGetAnnotationOfType(Table.class.getName()).ifPresent(annotation -> {
                String table = tableOf(annotation);
                if (!capability.equals(OWNER.get(table))) {
                    problems.add(type.getName() + " maps " + table + ", which belongs to " + OWNER.get(table)
                            + ": a capability maps its own tables");
                }
            });
        }
        return problems;
    }

    private static String capabilityOf(JavaClass type, String root) {
        String name = type.getPackageName();
        return name.startsWith(root + ".") ? name.substring(root.length() + 1).split("\\.")[0] : null;
    }

    private static String tableOf(JavaAnnotation<?> table) {
        String value = String.valueOf(table.get("value").orElse(""));
        return (value.isEmpty() ? String.valueOf(table.get("name").orElse("")) : value).toLowerCase(java.util.Locale.ROOT);
    }

    /** The SQL a source holds: its text blocks and string literals. */
    private static List<String> statements(String source) {
        List<String> sql = new ArrayList<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            sql.add(block.group(1));
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (string.find()) {
            sql.add(string.group(1));
        }
        return sql;
    }

    /** The names a source's SQL reads from (tables, views, and what else follows FROM or JOIN: columns of EXTRACT). */
    static List<String> readTables(String source) {
        List<String> names = new ArrayList<>();
        for (String statement : statements(source)) {
            Matcher read = READ.matcher(statement);
            while (read.find()) {
                int at = read.end();
                Matcher name = NAME.matcher(statement);
                while (name.find(at)) {
                    names.add(name.group(1).toLowerCase(java.util.Locale.ROOT));
                    Matcher comma = COMMA.matcher(statement);
                    if (!comma.find(name.end())) {
                        break;
                    }
                    at = comma.end();
                }
            }
        }
        return names;
    }

    /** The tables the string literals of a source write to. */
    static List<String> writtenTables(String source) {
        List<String> tables = new ArrayList<>();
        for (String statement : statements(source)) {
            Matcher write = WRITE.matcher(statement);
            while (write.find()) {
                String table = write.group(1) != null ? write.group(1) : write.group(2) != null ? write.group(2) : write.group(3);
                tables.add(table.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }
}
