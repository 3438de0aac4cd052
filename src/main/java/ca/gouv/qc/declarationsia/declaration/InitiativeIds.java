package ca.gouv.qc.declarationsia.declaration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns stable initiative ids {@code IA-<ORGCODE>-<NNNN>}. The organization's counter only goes up, under the row
 * lock of the upsert, and the initiative row that reserves an id can never be deleted: an id is never given twice.
 */
@Service
public class InitiativeIds {

    private final JdbcClient jdbc;

    InitiativeIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String organizationCode) {
        int number = jdbc.sql("""
                insert into initiative_counter (organization_code, next_number) values (:code, 2)
                on conflict (organization_code) do update set next_number = initiative_counter.next_number + 1
                returning next_number - 1
                """).param("code", organizationCode).query(Integer.class).single();
        String id = format(organizationCode, number);
        jdbc.sql("insert into initiative (id, organization_code, number) values (:id, :code, :number)")
                .param("id", id).param("code", organizationCode).param("number", number).update();
        return id;
    }

    static String format(String organizationCode, int number) {
        return "IA-%s-%04d".formatted(organizationCode, number);
    }
}
