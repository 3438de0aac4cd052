package ca.gouv.qc.declarationsia.organization;

import java.io.Serializable;
import java.util.List;

/**
 * What an organization CSV upload did: good rows saved, each bad row left untouched with its reasons. Serializable:
 * the import page carries it to the next page in the session, which lives in PostgreSQL.
 *
 * @param created organizations new to the registry
 * @param updated organizations already known, now updated
 * @param rejected rows refused, with the line number of the file (the header is line 1)
 */
public record ImportReport(int created, int updated, List<RejectedRow> rejected) implements Serializable {

    public record RejectedRow(long line, String code, List<String> reasons) implements Serializable {
    }

    public int total() {
        return created + updated + rejected.size();
    }
}
