package io.passerelle.ingestion.imports;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import java.util.List;

/** One thing read from an imported file, with the line of the file it starts on. */
public sealed interface ImportedRecord {

    /** The 1-based line of the file where the record starts. */
    int line();

    /**
     * A contact to upsert under the given id, and what of the line could not be kept: an optional value
     * that cannot be read (a date, an e-mail address) leaves the contact without it, with a warning.
     */
    record ContactRecord(int line, String contactId, Contact contact, List<LineError> warnings) implements ImportedRecord {
        public ContactRecord {
            warnings = List.copyOf(warnings);
        }

        public ContactRecord(int line, String contactId, Contact contact) {
            this(line, contactId, contact, List.of());
        }
    }

    /** An interaction to record; its {@code interactionId} is derived from the file's content. */
    record InteractionRecord(int line, Interaction interaction) implements ImportedRecord {
    }

    /** A line that cannot be imported, and why. */
    record RejectedRecord(int line, List<LineError> errors) implements ImportedRecord {
        public RejectedRecord {
            errors = List.copyOf(errors);
        }

        public static RejectedRecord of(int line, String field, String message) {
            return new RejectedRecord(line, List.of(new LineError(field, message)));
        }
    }
}
