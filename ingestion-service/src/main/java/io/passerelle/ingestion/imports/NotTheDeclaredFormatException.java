package io.passerelle.ingestion.imports;

/** The file does not start the way files of the declared format do. */
public class NotTheDeclaredFormatException extends RuntimeException {
    private final ImportFormat declared;

    public NotTheDeclaredFormatException(ImportFormat declared, String expected, String found) {
        super("The file is not " + declared.description() + " (format=" + declared.formatName() + "): expected "
                + expected + ", but " + found + ".");
        this.declared = declared;
    }

    public ImportFormat declared() {
        return declared;
    }
}
