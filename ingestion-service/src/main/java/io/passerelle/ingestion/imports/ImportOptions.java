package io.passerelle.ingestion.imports;

/**
 * What an import needs beyond the file itself.
 *
 * @param ownerProfileUrl the owner's own LinkedIn profile URL: in {@code messages.csv} it tells the
 *                        messages the owner sent from those they received
 */
public record ImportOptions(String ownerProfileUrl) {
    public static final ImportOptions NONE = new ImportOptions(null);
}
