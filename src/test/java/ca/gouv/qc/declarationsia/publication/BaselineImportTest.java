package ca.gouv.qc.declarationsia.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An earlier edition's open data becomes the baseline the first year run here is compared with. The service on the
 * database alone: the API's door to it (a 422 problem naming the field, a 403 for a manager) is AccessRulesTest's
 * and the API tests'.
 */
@DatabaseTest
class BaselineImportTest {

    private static final int BASELINE = 2058;
    private static final String HEADER = "\"Nom de l'actif, du projet ou de l'initiative\",Catégorie,Organisme responsable,"
            + "Portefeuille ministériel,Bénéfices,Statut\n";

    @Autowired
    BaselineImport baseline;

    @Autowired
    Editions editions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_earlier_edition_is_imported_as_a_baseline_and_the_next_year_reports_its_change() {
        jdbc.update("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values ('BASE-MRNF', 'Ministère des Ressources naturelles et des Forêts', 'Natural Resources',
                        'ORGANISME_BUDGETAIRE', 'FINANCES', false, 'dri@base.example.qc.ca') on conflict do nothing""");

        Portrait imported = as(Roles.COORDINATORS, () -> upload(BASELINE, HEADER
                + "Agent,Assistant/agent conversationnel,Ministère des Ressources naturelles et des Forêts,"
                + "Ressources naturelles et Forêts,Réponses,Solution en production\n"
                + "Tri,Automatisation,Ministère des ressources naturelles et des forets,Ressources naturelles et Forêts,"
                + "Délais,Développement de la solution\n"
                + "Drone,Gestion géomatique et géospatiale,Un organisme disparu,Finances,Cartes,Solution en production\n"));
        assertThat(imported.totalInitiatives()).isEqualTo(3);
        assertThat(imported.organizationsWithInitiatives()).as("the two spellings of MRNF are one body").isEqualTo(2);
        assertThat(imported.byStatus()).containsEntry("SOLUTION_EN_PRODUCTION", 2);
        assertThat(jdbc.queryForList("select distinct organization_code from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.name in ('Agent', 'Tri')", String.class, BASELINE))
                .as("matched to the registry by its French name").containsExactly("BASE-MRNF");

        assertThat(refusal(() -> as(Roles.COORDINATORS, () -> upload(BASELINE, HEADER))))
                .as("a year already published").contains(String.valueOf(BASELINE));
        assertThat(refusal(() -> as(Roles.COORDINATORS, () -> upload(BASELINE + 20,
                HEADER + "X,Robotique,MRNF,Finances,B,Solution en production\n"))))
                .contains("Ligne 2").contains("Robotique");
        assertThatThrownBy(() -> as(Roles.MANAGERS, () -> upload(BASELINE + 20, HEADER)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from published_edition where campaign_year = ?", Integer.class,
                BASELINE + 20)).as("nothing stored on a refusal").isZero();

        editions.publish(BASELINE + 1, "coordo", null);
        Portrait next = editions.portrait(BASELINE + 1);
        assertThat(next.previousYear()).isEqualTo(BASELINE);
        assertThat(next.changeAbsolute()).isEqualTo(-3);
        assertThat(next.changePercent()).isEqualTo(-100.0);
    }

    private Portrait upload(int year, String csv) {
        return baseline.importCsv(year, csv.getBytes(StandardCharsets.UTF_8), "coordo");
    }

    private static String refusal(Runnable work) {
        try {
            work.run();
        } catch (InvalidInputException refused) {
            return refused.violations().get(0).message();
        }
        throw new AssertionError("not refused");
    }

    /** As a request of that group, in French (the application's first language) would run it. */
    private static <T> T as(String group, Supplier<T> work) {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, List.of(new SimpleGrantedAuthority(group))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
