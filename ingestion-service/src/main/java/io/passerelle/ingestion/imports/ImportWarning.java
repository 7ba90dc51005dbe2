package io.passerelle.ingestion.imports;

/**
 * A value of an imported line that was left out while the rest of the line was imported.
 *
 * @param line    the line of the file where the record starts
 * @param field   the column or vCard property when the value cannot be read, the contract field when it is
 *                read but invalid (as for rejected lines)
 * @param message what is wrong, and what was kept
 */
public record ImportWarning(int line, String field, String message) {

    public static ImportWarning of(int line, LineError warning) {
        return new ImportWarning(line, warning.field(), warning.message());
    }
}
