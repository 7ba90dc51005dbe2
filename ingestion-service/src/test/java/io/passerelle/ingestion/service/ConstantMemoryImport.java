package io.passerelle.ingestion.service;

import io.passerelle.ingestion.imports.GeneratedFile;
import io.passerelle.ingestion.imports.ImportFormat;
import io.passerelle.ingestion.imports.ImportOptions;
import io.passerelle.ingestion.imports.ImportReader;
import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedRecord;
import io.passerelle.ingestion.imports.LineError;
import io.passerelle.ingestion.repository.StagedBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Run by {@link ConstantMemoryTest} in a JVM of its own with a heap smaller than the file: a job's
 * read side (the staged file fetched a 1 MiB chunk at a time, the LinkedIn reader, the tally with its
 * capped lists) over a generated {@code Connections.csv}. Holding the file, or every record, would end
 * in an OutOfMemoryError. Prints {@code records accepted rejected warnings bytes}.
 */
public final class ConstantMemoryImport {
    private static final int CHUNK = 1 << 20;

    private ConstantMemoryImport() {
    }

    public static void main(String[] arguments) throws IOException {
        int rows = Integer.parseInt(arguments[0]);
        // The chunks as PostgreSQL would hand them out: made on demand from a generated file that never exists whole.
        InputStream generated = file(rows);
        long size = file(rows).transferTo(OutputStream.nullOutputStream());
        int chunks = (int) ((size + CHUNK - 1) / CHUNK);
        StagedBody body = new StagedBody(UUID.randomUUID(), chunks, (id, seq) -> {
            try {
                return generated.readNBytes(CHUNK);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ImportTally tally = new ImportTally(1_000, 1_000);
        try (ImportReader reader = ImportFormat.LINKEDIN_CONNECTIONS.open(body, ImportOptions.NONE)) {
            ImportedRecord record;
            while ((record = reader.next()) != null) {
                if (record instanceof ImportedRecord.ContactRecord contact) {
                    for (LineError warning : contact.warnings()) {
                        tally.warned(ImportWarning.of(contact.line(), warning));
                    }
                    tally.publishedOne();
                } else if (record instanceof ImportedRecord.RejectedRecord rejected) {
                    tally.rejectedOne(rejected);
                }
            }
        }
        System.out.println(tally.recordsDone() + " " + tally.accepted() + " " + tally.rejectedCount() + " " + tally.warningCount()
                + " " + body.bytesRead());
    }

    /** Every 100th row without a name (rejected), every 20th with a date a spreadsheet wrote (a warning). */
    private static InputStream file(int rows) {
        return new GeneratedFile("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n", rows,
                i -> (i % 100 == 7 ? "," : "Prénom" + i + ",Nom" + i) + ",https://www.linkedin.com/in/member-" + i
                        + ",,\"Entreprise " + (i % 500) + ", SA\",Poste " + (i % 40) + "," + (i % 20 == 3 ? "7-Feb-22" : "07 Dec 2025") + "\n");
    }
}
