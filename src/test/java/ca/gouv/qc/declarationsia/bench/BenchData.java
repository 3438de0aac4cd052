package ca.gouv.qc.declarationsia.bench;

import ca.gouv.qc.declarationsia.declaration.Category;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Volumes no test would create one by one, written straight in SQL: organizations B-00001 onwards, and accepted
 * declarations of past years with their initiatives (what a launch carries over and a Portrait publishes).
 */
final class BenchData {

    private final JdbcTemplate jdbc;

    BenchData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String code(int number) {
        return "B-%05d".formatted(number);
    }

    static List<String> codes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(BenchData::code).toList();
    }

    void organizations(int count) {
        jdbc.update("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network,
                       escalation_email)
                select 'B-' || lpad(n::text, 5, '0'), 'Organisme public ' || lpad(n::text, 5, '0'),
                       'Public body ' || lpad(n::text, 5, '0'), 'ORGANISME_BUDGETAIRE', 'FINANCES', n % 7 = 0,
                       'dri.b' || n || '@bench.example.qc.ca'
                  from generate_series(1, ?) n
                """, count);
        jdbc.update("insert into initiative_counter (organization_code, next_number) "
                + "select 'B-' || lpad(n::text, 5, '0'), 11 from generate_series(1, ?) n", count);
        jdbc.update("""
                insert into organization_respondent (organization_code, position, name, email)
                select 'B-' || lpad(n::text, 5, '0'), 0, 'Répondant ' || n, 'ia.b' || n || '@bench.example.qc.ca'
                  from generate_series(1, ?) n
                """, count);
        jdbc.update("""
                insert into initiative (id, organization_code, number)
                select 'IA-B-' || lpad(n::text, 5, '0') || '-' || lpad(i::text, 4, '0'), 'B-' || lpad(n::text, 5, '0'), i
                  from generate_series(1, ?) n, generate_series(1, 10) i
                """, count);
    }

    /** A past campaign in which each organization had an accepted declaration of this many initiatives. */
    void acceptedCampaign(int year, int organizations, int initiativesEach) {
        jdbc.update("""
                insert into campaign (year, reference_date, opening_date, due_date, closing_date, status)
                values (?, make_date(?, 6, 30), make_date(?, 9, 1), make_date(?, 10, 31), make_date(?, 11, 30), 'FERMEE')
                """, year, year, year, year, year);
        jdbc.update("""
                insert into declaration (campaign_year, organization_code, portfolio_code, network, status, attestation,
                       contact_name, contact_email, signatory_name, signatory_role, signatory_email, submitted_at)
                select ?, o.code, o.portfolio_code, o.network, 'ACCEPTEE', true, 'Répondant', 'ia@bench.example.qc.ca',
                       'Dirigeante', 'DPI', 'dpi@bench.example.qc.ca', make_timestamptz(?, 10, 15, 12, 0, 0)
                  from organization o where o.code like 'B-%' and o.code <= ?
                """, year, year, code(organizations));
        String categories = Arrays.stream(Category.values()).map(category -> "'" + category.name() + "'")
                .collect(Collectors.joining(", "));
        jdbc.update("""
                insert into initiative_snapshot (declaration_id, position, initiative_id, name, object_type, description,
                       category, benefits, phase, start_date, production_date, services_to_population, cybersecurity,
                       generative_ai, acquisition_mode, supplier_name, product_name, personal_information,
                       privacy_impact_assessment, decision_role, human_oversight, risk_level, public_description,
                       generic_product_name)
                select d.id, i - 1, 'IA-' || d.organization_code || '-' || lpad(i::text, 4, '0'),
                       'Initiative ' || i || ' de ' || d.organization_code, 'PROJET',
                       'Description de l’initiative ' || i || ' pour le banc d’essai de mise à l’échelle.',
                       (array[%s])[1 + mod(i + d.id, 10)], 'Services plus rapides',
                       case when mod(i, 3) = 0 then 'EXPLOITATION_SUIVI' else 'EXPLORATION' end, '2024-01',
                       case when mod(i, 3) = 0 then '2025-01' end, mod(i, 2) = 0, false, mod(i, 4) = 0, 'DEVELOPPEMENT_INTERNE',
                       null, null, 'NON', 'SANS_OBJET', 'SOUTIEN_OPERATIONNEL', 'HUMAIN_DANS_LA_BOUCLE', 'FAIBLE',
                       'Une initiative publique du banc d’essai.', 'Modèle de langage'
                  from declaration d, generate_series(1, ?) i
                 where d.campaign_year = ?
                """.formatted(categories), initiativesEach, year);
    }
}
