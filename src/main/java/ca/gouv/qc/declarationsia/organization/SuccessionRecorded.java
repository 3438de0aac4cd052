package ca.gouv.qc.declarationsia.organization;

import java.time.LocalDate;
import java.util.List;

/**
 * A succession was recorded (published in the recording's transaction): the capabilities that keep lists of bodies
 * (a planned campaign's targets) follow it without the registry knowing them.
 */
public record SuccessionRecorded(List<String> predecessors, List<String> successors, LocalDate effectiveDate) {
}
