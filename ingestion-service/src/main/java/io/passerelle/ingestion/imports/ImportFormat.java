package io.passerelle.ingestion.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The export files this service can import, by the name used in {@code ?format=}. */
public enum ImportFormat {
    LINKEDIN_CONNECTIONS("linkedin-connections", "LinkedIn's Connections.csv"),
    LINKEDIN_MESSAGES("linkedin-messages", "LinkedIn's messages.csv"),
    GOOGLE_CONTACTS("google-contacts", "a Google Contacts CSV export"),
    VCARD("vcard", "a vCard file (BEGIN:VCARD ... END:VCARD)");

    private final String formatName;
    private final String description;

    ImportFormat(String formatName, String description) {
        this.formatName = formatName;
        this.description = description;
    }

    /** The value of the {@code format} query parameter. */
    public String formatName() {
        return formatName;
    }

    /** What a file of this format is, in words a person recognises. */
    public String description() {
        return description;
    }

    public static Optional<ImportFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.formatName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ImportFormat::formatName).toList();
    }

    /**
     * Opens a reader of this format over a file being received. Reads only the first lines (to
     * check that the file is of this format) before returning.
     *
     * @throws NotTheDeclaredFormatException when the file's beginning is not this format's
     */
    public ImportReader open(InputStream file, ImportOptions options) throws IOException {
        return switch (this) {
            case LINKEDIN_CONNECTIONS -> new LinkedInConnectionsReader(file);
            case LINKEDIN_MESSAGES -> new LinkedInMessagesReader(file, options);
            case GOOGLE_CONTACTS -> new GoogleContactsReader(file);
            case VCARD -> new VCardImportReader(file);
        };
    }
}
