package ca.gouv.qc.declarationsia.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.campaign.CampaignLifecycle;
import ca.gouv.qc.declarationsia.campaign.CampaignRepository;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A campaign's status has one writer, {@link CampaignLifecycle}: no other class's SQL sets or inserts
 * {@code campaign.status}, and no other class saves the campaign aggregate (whose row holds the status). A new
 * {@code update campaign set status = ...} anywhere else fails the build.
 */
class CampaignStatusWriterTest {

    private static final Path SOURCES = Path.of("src/main/java/ca/gouv/qc/declarationsia");
    private static final String WRITER = "CampaignLifecycle";

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /**
     * UPDATE campaign [alias] SET … status = … (in its SET, not its WHERE), INSERT INTO campaign (… status …): not
     * campaign_target and the like.
     */
    private static final Pattern STATUS_WRITE = Pattern.compile(
            "\\bupdate\\s+campaign(?:\\s+(?!set\\b)[a-z_]\\w*)?\\s+set\\b(?:(?!\\bwhere\\b)[^;])*?\\bstatus\\s*="
                    + "|\\binsert\\s+into\\s+campaign\\s*\\([^)]*\\bstatus\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Test
    void only_the_campaign_lifecycle_writes_a_campaign_status_in_sql() throws IOException {
        List<String> writers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (!file.getFileName().toString().equals(WRITER + ".java") && writesStatus(Files.readString(file))) {
                    writers.add(file.toString());
                }
            }
        }
        assertThat(writers).as("classes writing campaign.status besides " + WRITER).isEmpty();
        assertThat(writesStatus(Files.readString(SOURCES.resolve("campaign/" + WRITER + ".java"))))
                .as("the lifecycle itself is seen writing it").isTrue();
    }

    @Test
    void only_the_campaign_lifecycle_saves_a_campaign() {
        noClasses().that().areNotAssignableTo(CampaignLifecycle.class)
                .should().callMethodWhere(DescribedPredicate.<JavaMethodCall>describe("CampaignRepository.save or delete",
                        call -> call.getTarget().getOwner().isAssignableTo(CampaignRepository.class)
                                && (call.getTarget().getName().startsWith("save")
                                        || call.getTarget().getName().startsWith("delete"))))
                .because("a campaign's status changes through CampaignLifecycle alone")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("ca.gouv.qc.declarationsia"));
    }

    @Test
    void the_check_sees_a_status_write_where_there_is_one() {
        assertThat(writesStatus("jdbc.sql(\"update campaign set status = 'FERMEE' where year = :year\")")).isTrue();
        assertThat(writesStatus("\"\"\"\n update campaign c\n    set closed_by = :actor, status = :to\n\"\"\"")).isTrue();
        assertThat(writesStatus("\"insert into campaign (year, status) values (1, 'OUVERTE')\"")).isTrue();
        assertThat(writesStatus("\"update campaign_target set due_date = :due\"")).isFalse();
        assertThat(writesStatus("\"update campaign set closed_by = :actor where year = :year and status = 'X'\""))
                .isFalse();
        assertThat(writesStatus("// update campaign set status: in a comment, not SQL")).isFalse();
        assertThat(writesStatus("\"select status from campaign where year = :year\"")).isFalse();
    }

    /** Whether the string literals of a source write {@code campaign.status}. */
    static boolean writesStatus(String source) {
        List<String> sql = new ArrayList<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            sql.add(block.group(1));
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (string.find()) {
            sql.add(string.group(1));
        }
        return sql.stream().anyMatch(statement -> STATUS_WRITE.matcher(statement).find());
    }
}
