package ca.gouv.qc.declarationsia.organization;

/** How a body's initiatives went to another: merged, absorbed, renamed under a new code, split. */
public enum SuccessionKind { FUSION, ABSORPTION, RENOMMAGE, SCISSION }
