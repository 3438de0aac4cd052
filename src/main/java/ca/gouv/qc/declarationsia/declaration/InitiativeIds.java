package ca.gouv.qc.declarationsia.declaration;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
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
        return next(organizationCode, 1).get(0);
    }

    /** As many new ids, in order, in two statements whatever their number (a draft may add dozens at once). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> next(String organizationCode, int count) {
        if (count == 0) {
            return List.of();
        }
        int last = jdbc.sql("""
                insert into initiative_counter (organization_code, next_number) values (:code, :count + 1)
                on conflict (organization_code) do update set next_number = initiative_counter.next_number + :count
                returning next_number - 1
                """).param("code", organizationCode).param("count", count).query(Integer.class).single();
        Integer[] numbers = IntStream.rangeClosed(last - count + 1, last).boxed().toArray(Integer[]::new);
        String[] ids = Arrays.stream(numbers).map(number -> format(organizationCode, number))
                .toArray(String[]::new);
        jdbc.sql("""
                insert into initiative (id, organization_code, number)
                select unnest(cast(:ids as text[])), :code, unnest(cast(:numbers as integer[]))
                """).param("ids", ids).param("code", organizationCode).param("numbers", numbers).update();
        return List.of(ids);
    }

    static String format(String organizationCode, int number) {
        return "IA-%s-%04d".formatted(organizationCode, number);
    }
}
