package ca.gouv.qc.declarationsia.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A CSV of the registry, row by row: good rows saved with their respondents' accounts, each bad or hostile row
 * reported with its line and reason and leaving nothing behind, a file that cannot be read refused whole. The service
 * on the database and the engine's identity store; the API's door to it (a file or a raw body, a refusal as a 422
 * problem) is OrganizationApiTest's, who may import AccessRulesTest's.
 */
@DatabaseTest
class OrganizationCsvImportTest {

    private static final String HEADER = "code,nameFr,nameEn,acronym,lggriCategory,portfolio,network,respondentEmails,escalationEmail\n";

    @Autowired
    OrganizationCsvImport csvImport;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    IdentityService identity;

    @Test
    void good_rows_are_saved_and_each_bad_row_is_reported_with_its_line_and_reason() {
        String csv = HEADER
                + "CSV-OK1,Commission de test un,Test Commission One,CTU,ORGANISME_BUDGETAIRE,JUSTICE,non,a@csv.example.qc.ca;b@csv.example.qc.ca,dri1@csv.example.qc.ca\n"
                + "CSV-BAD1,Commission de test deux,Test Commission Two,,PAS_UNE_CATEGORIE,JUSTICE,,c@csv.example.qc.ca,dri2@csv.example.qc.ca\n"
                + "CSV-OK2,\"Cégep de test, campus « Nord »\",Test CEGEP,,CEGEP,Enseignement supérieur,,d@csv.example.qc.ca,dri3@csv.example.qc.ca\n";

        ImportReport report = importCsv(csv);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isZero();
        assertThat(report.rejected()).hasSize(1);
        assertThat(report.rejected().get(0).line()).isEqualTo(3);
        assertThat(report.rejected().get(0).code()).isEqualTo("CSV-BAD1");
        assertThat(report.rejected().get(0).reasons().get(0)).contains("Catégorie LGGRI : code inconnu");

        Organization cegep = organizations.findById("CSV-OK2").orElseThrow();
        assertThat(cegep.nameFr()).isEqualTo("Cégep de test, campus « Nord »");
        assertThat(cegep.network()).as("a CEGEP is a network body").isTrue();
        assertThat(cegep.portfolioCode()).isEqualTo("ENSEIGNEMENT_SUPERIEUR");
        assertThat(organizations.findById("CSV-OK1").orElseThrow().respondents()).hasSize(2);
        assertThat(identity.createUserQuery().memberOfGroup("org-CSV-OK1").count()).isEqualTo(2);
        assertThat(organizations.existsById("CSV-BAD1")).isFalse();

        ImportReport again = importCsv(HEADER
                + "CSV-OK1,Commission de test un,Test Commission One,CTU,ORGANISME_BUDGETAIRE,JUSTICE,non,a@csv.example.qc.ca,dri1@csv.example.qc.ca\n");
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isOne();
        assertThat(identity.createUserQuery().memberOfGroup("org-CSV-OK1").count())
                .as("b@ is no longer a respondent").isOne();
    }

    @Test
    void hostile_rows_are_refused_and_leave_nothing_behind() {
        String huge = "x".repeat(10_000);
        String csv = HEADER
                + "HOST-1,=cmd|' /C calc'!A0,Formula,,AUTRE,FINANCES,,h1@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-2,<script>alert(1)</script>,Script,,AUTRE,FINANCES,,h2@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-3," + huge + ",Huge,,AUTRE,FINANCES,,h3@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-4,Nom correct,Good name,,AUTRE,FINANCES,,@SUM(1+1)@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "=HYPERLINK(\"x\"),Nom,Name,,AUTRE,FINANCES,,h5@host.example.qc.ca,dri@host.example.qc.ca\n"
                + "HOST-6,Trop,de,colonnes,AUTRE,FINANCES,,h6@host.example.qc.ca,dri@host.example.qc.ca,extra\n"
                + "HOST-7,Nom avec\u0007cloche,Bell,,AUTRE,FINANCES,peut-être,h7@host.example.qc.ca,dri@host.example.qc.ca\n";

        ImportReport report = importCsv(csv);
        assertThat(report.created()).isZero();
        assertThat(report.rejected()).hasSize(7);
        assertThat(report.rejected()).extracting(row -> row.reasons().get(0)).satisfies(reasons -> {
            assertThat(reasons.get(0)).contains("Nom (français) : ne doit contenir");
            assertThat(reasons.get(1)).contains("balise");
            assertThat(reasons.get(2)).contains("au plus 200 caractères");
            assertThat(reasons.get(4)).contains("Code");
            assertThat(reasons.get(5)).contains("colonnes");
            assertThat(reasons.get(6)).contains("Réseau");
        });

        for (String code : new String[] {"HOST-1", "HOST-2", "HOST-3", "HOST-4", "HOST-6", "HOST-7"}) {
            assertThat(organizations.existsById(code)).as(code).isFalse();
            assertThat(identity.createGroupQuery().groupId("org-" + code).count()).as("group of " + code).isZero();
        }
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_whole() {
        byte[] latin1 = (HEADER + "ENC-1,Société d'encodage,Encoding Corp,,AUTRE,FINANCES,,e@enc.example.qc.ca,dri@enc.example.qc.ca\n")
                .getBytes(Charset.forName("ISO-8859-1"));
        Violation refused = refusal(latin1);
        assertThat(refused.code()).isEqualTo("Encoding");
        assertThat(refused.message()).contains("UTF-8");
        assertThat(organizations.existsById("ENC-1")).isFalse();
    }

    @Test
    void a_file_missing_required_columns_is_refused_whole() {
        Violation refused = refusal("code,nameFr\nMISS-1,Nom\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.code()).isEqualTo("MissingColumns");
        assertThat(refused.message()).contains("colonnes manquantes : lggriCategory, portfolio");
        assertThat(organizations.existsById("MISS-1")).isFalse();
    }

    @Test
    void a_byte_order_mark_is_accepted() {
        ImportReport report = importCsv("\uFEFF" + HEADER
                + "BOM-1,Organisme au BOM,BOM body,,AUTRE,FINANCES,,b@bom.example.qc.ca,dri@bom.example.qc.ca\n");
        assertThat(report.created()).isOne();
        assertThat(organizations.existsById("BOM-1")).isTrue();
    }

    @Test
    void only_a_coordinator_imports() {
        assertThatThrownBy(() -> as(Roles.MANAGERS, () -> csvImport.importCsv(HEADER.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ImportReport importCsv(String csv) {
        return as(Roles.COORDINATORS, () -> csvImport.importCsv(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private Violation refusal(byte[] file) {
        try {
            as(Roles.COORDINATORS, () -> csvImport.importCsv(file));
        } catch (InvalidInputException refused) {
            assertThat(refused.violations()).hasSize(1);
            return refused.violations().get(0);
        }
        throw new AssertionError("not refused");
    }

    /** As a request of that group, in French (the application's first language), would run it. */
    private static <T> T as(String group, Supplier<T> work) {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "coordo", null, List.of(new SimpleGrantedAuthority(group))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
