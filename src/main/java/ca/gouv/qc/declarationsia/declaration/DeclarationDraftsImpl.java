package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.Answers;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Found by Spring Data by its name: the repository's {@link DeclarationDrafts} part. */
class DeclarationDraftsImpl implements DeclarationDrafts {

    /**
     * A snapshot's columns: one per field of an initiative, in the catalogue's order, then the reviewer's flag and the
     * answers to the form version's extra questions (json).
     */
    private static final List<FieldCatalogue.Field> FIELDS = FieldCatalogue.initiative();
    private static final String SNAPSHOT_COLUMNS = FIELDS.stream().map(FieldCatalogue.Field::column)
            .collect(Collectors.joining(", ")) + ", not_publishable, answers";

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
                + ") values (?, ?" + ", ?".repeat(FIELDS.size() + 1) + ", cast(? as jsonb))", new BatchPreparedStatementSetter() {
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

    /** Codes by their name, months as their ISO text (YYYY-MM) and yes-or-no as booleans, as the mapping stores them. */
    private static InitiativeSnapshot snapshot(ResultSet row) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            FieldCatalogue.Field field = FIELDS.get(i);
            values.put(field.name(), field.yesNo() ? flag(row, i + 1) : field.read(row.getString(i + 1)));
        }
        values.put("answers", Answers.parse(row.getString(FIELDS.size() + 2)));
        return FieldCatalogue.snapshot(values, row.getBoolean(FIELDS.size() + 1));
    }

    /** The snapshot's columns from the third parameter on, in SNAPSHOT_COLUMNS' order. */
    private static void bind(PreparedStatement statement, InitiativeSnapshot snapshot) throws SQLException {
        int next = 3;
        for (FieldCatalogue.Field field : FIELDS) {
            Object value = FieldCatalogue.value(field, snapshot);
            if (field.yesNo()) {
                statement.setObject(next++, value, Types.BOOLEAN);
            } else {
                statement.setString(next++, value == null ? null : field.given(value).toString());
            }
        }
        statement.setObject(next++, snapshot.notPublishable(), Types.BOOLEAN);
        statement.setString(next, snapshot.answers() == null ? null : snapshot.answers().json());
    }

    private static Boolean flag(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }
}
