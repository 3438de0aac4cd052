package ca.gouv.qc.declarationsia.declaration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Writes {@link DeclarationStatus} into {@code declaration_status} after every migration, so that the database's
 * "awaiting the body" ({@code declaration_deadline.awaiting_body}) is the Java rule {@link DeclarationStatus#isEditable}
 * and no list of its own. Java is the one source: the lifecycle enforces the rule and the pages ask it of a status in
 * memory, where a database read would not do; the database only counts and filters by it. Written at each start (not
 * in a migration) so that a change to the enum reaches an existing database without anyone remembering to migrate;
 * an upsert, so that nodes starting together wait for each other and agree.
 */
@Component
class DeclarationStatusRows implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    /** Flyway commits it. */
    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into declaration_status (status, editable) values (?, ?)
                on conflict (status) do update set editable = excluded.editable
                 where declaration_status.editable is distinct from excluded.editable
                """)) {
            for (DeclarationStatus status : DeclarationStatus.values()) {
                upsert.setString(1, status.name());
                upsert.setBoolean(2, status.isEditable());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("declaration_status could not be written from DeclarationStatus", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "declaration_status from DeclarationStatus";
    }
}
