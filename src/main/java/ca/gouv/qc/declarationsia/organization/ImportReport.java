package ca.gouv.qc.declarationsia.organization;

import java.util.List;

/**
 * What an organization CSV upload did: good rows saved, each bad row left untouched with its reasons.
 *
 * @param created organizations new to the registry
 * @param updated organizations already known, now updated
 * @param rejected rows refused, with the line number of the file (the header is line 1)
 */
public record ImportReport(int created, int updated, List<RejectedRow> rejected) {

    public record RejectedRow(long line, String code, List<String> reasons) {
    }

    public int total() {
        return created + updated + rejected.size();
    }
}
