package io.passerelle.ingestion.imports;

import java.io.Closeable;
import java.io.IOException;

/** Reads an export file record by record, never holding more than the current record. */
public interface ImportReader extends Closeable {

    /** The next record, or {@code null} at the end of the file. */
    ImportedRecord next() throws IOException;
}
