package io.passerelle.ingestion.imports;

/** What is wrong with one field of one line of an imported file. */
public record LineError(String field, String message) {
}
