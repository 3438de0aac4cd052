package ca.gouv.qc.declarationsia.declaration;

import static ca.gouv.qc.declarationsia.declaration.Snapshots.code;
import static ca.gouv.qc.declarationsia.declaration.Snapshots.month;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Found by Spring Data by its name: the repository's {@link DeclarationDrafts} part. */
class DeclarationDraftsImpl implements DeclarationDrafts {

    private static final String SNAPSHOT_COLUMNS = """
            initiative_id, name, object_type, description, category, subcategory, benefits, phase, start_date,
            production_date, retirement_date, services_to_population, cybersecurity, generative_ai, acquisition_mode,
            supplier_name, product_name, personal_information, privacy_impact_assessment, decision_role,
            human_oversight, risk_level, public_description, generic_product_name, status_unavailable_reason,
            not_publishable""";

    private final JdbcTemplate jdbc;

    DeclarationDraftsImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Declaration> findByCampaignAndOrganization(int year, String organizationCode) {
        // the initiatives are read once the declaration's statement is closed: one connection, even outside a transaction
        return jdbc.query("select * from declaration where campaign_year = ? and organization_code = ?",
                (row, number) -> declaration(row, List.of()), year, organizationCode).stream().findFirst()
                .map(read -> read.withDraft(read.noInitiatives(), read.contact(), snapshots(read.id()), read.version()));
    }

    @Override
    public Declaration saveDraft(Declaration draft) {
        Declaration.Person contact = draft.contact();
        int updated = jdbc.update("""
                update declaration set no_initiatives = ?, contact_name = ?, contact_email = ?, version = version + 1
                 where id = ? and version = ?
                """, draft.noInitiatives(), contact == null ? null : contact.name(),
                contact == null ? null : contact.email(), draft.id(), draft.version());
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Declaration " + draft.id() + " is no longer at version "
                    + draft.version());
        }
        jdbc.update("delete from initiative_snapshot where declaration_id = ?", draft.id());
        List<InitiativeSnapshot> snapshots = draft.initiatives();
        jdbc.batchUpdate("insert into initiative_snapshot (declaration_id, position, " + SNAPSHOT_COLUMNS
                + ") values (?, ?" + ", ?".repeat(26) + ")", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int position) throws SQLException {
                        statement.setLong(1, draft.id());
                        statement.setInt(2, position);
                        bind(statement, snapshots.get(position));
                    }

                    @Override
                    public int getBatchSize() {
                        return snapshots.size();
                    }
                });
        return draft.withDraft(draft.noInitiatives(), contact, snapshots, draft.version() + 1);
    }

    private List<InitiativeSnapshot> snapshots(long declarationId) {
        return jdbc.query("select " + SNAPSHOT_COLUMNS
                + " from initiative_snapshot where declaration_id = ? order by position",
                (row, number) -> snapshot(row), declarationId);
    }

    private static Declaration declaration(ResultSet row, List<InitiativeSnapshot> snapshots) throws SQLException {
        String contactName = row.getString("contact_name");
        String contactEmail = row.getString("contact_email");
        String signatoryName = row.getString("signatory_name");
        String signatoryRole = row.getString("signatory_role");
        String signatoryEmail = row.getString("signatory_email");
        Timestamp submittedAt = row.getTimestamp("submitted_at");
        java.sql.Date extendedDueDate = row.getDate("extended_due_date");
        return new Declaration(row.getLong("id"), row.getInt("campaign_year"), row.getString("organization_code"),
                row.getString("portfolio_code"), row.getBoolean("network"),
                DeclarationStatus.valueOf(row.getString("status")), row.getBoolean("no_initiatives"),
                row.getString("exemption_reason"),
                contactName == null && contactEmail == null ? null : new Declaration.Person(contactName, contactEmail),
                row.getBoolean("attestation"),
                signatoryName == null && signatoryRole == null && signatoryEmail == null ? null
                        : new Declaration.Signatory(signatoryName, signatoryRole, signatoryEmail),
                submittedAt == null ? null : submittedAt.toInstant(), row.getBoolean("late"),
                extendedDueDate == null ? null : extendedDueDate.toLocalDate(), row.getInt("correction_round"),
                row.getString("process_instance_id"), snapshots, row.getInt("version"));
    }

    private static InitiativeSnapshot snapshot(ResultSet row) throws SQLException {
        return new InitiativeSnapshot(row.getString(1), row.getString(2), code(ObjectType.class, row.getString(3)),
                row.getString(4), code(Category.class, row.getString(5)), code(Subcategory.class, row.getString(6)),
                row.getString(7), code(Phase.class, row.getString(8)), month(row.getString(9)),
                month(row.getString(10)), month(row.getString(11)), flag(row, 12), flag(row, 13), flag(row, 14),
                code(AcquisitionMode.class, row.getString(15)), row.getString(16), row.getString(17),
                code(PersonalInformation.class, row.getString(18)),
                code(PrivacyImpactAssessment.class, row.getString(19)), code(DecisionRole.class, row.getString(20)),
                code(HumanOversight.class, row.getString(21)), code(RiskLevel.class, row.getString(22)),
                row.getString(23), row.getString(24), row.getString(25), row.getBoolean(26));
    }

    /** The snapshot's 26 columns from the third parameter on, in SNAPSHOT_COLUMNS' order. */
    private static void bind(PreparedStatement statement, InitiativeSnapshot snapshot) throws SQLException {
        int next = texts(statement, 3, snapshot.initiativeId(), snapshot.name(), snapshot.objectType(),
                snapshot.description(), snapshot.category(), snapshot.subcategory(), snapshot.benefits(),
                snapshot.phase(), snapshot.startDate(), snapshot.productionDate(), snapshot.retirementDate());
        next = flags(statement, next, snapshot.servicesToPopulation(), snapshot.cybersecurity(), snapshot.generativeAi());
        next = texts(statement, next, snapshot.acquisitionMode(), snapshot.supplierName(), snapshot.productName(),
                snapshot.personalInformation(), snapshot.privacyImpactAssessment(), snapshot.decisionRole(),
                snapshot.humanOversight(), snapshot.riskLevel(), snapshot.publicDescription(),
                snapshot.genericProductName(), snapshot.statusUnavailableReason());
        flags(statement, next, snapshot.notPublishable());
    }

    /** Text, codes by their name and months as their ISO text (YYYY-MM), as the mapping stores them elsewhere. */
    private static int texts(PreparedStatement statement, int first, Object... values) throws SQLException {
        for (Object value : values) {
            statement.setString(first++, value == null ? null
                    : value instanceof Enum<?> code ? code.name() : value.toString());
        }
        return first;
    }

    private static int flags(PreparedStatement statement, int first, Boolean... values) throws SQLException {
        for (Boolean value : values) {
            statement.setObject(first++, value, Types.BOOLEAN);
        }
        return first;
    }

    private static Boolean flag(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }
}
