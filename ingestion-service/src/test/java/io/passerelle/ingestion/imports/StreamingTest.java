package io.passerelle.ingestion.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every reader hands out its first record after reading only the beginning of a large file, and
 * reads the rest as it is asked for: no format collects the file before importing it.
 */
class StreamingTest {
    private static final int ROWS = 30_000;
    private static final long FIRST_RECORD_BUDGET = 256 * 1024;

    @Test
    void linkedInConnectionsAreReadRowByRow() throws IOException {
        GeneratedFile file = new GeneratedFile("Notes:\n\"Generated\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n", ROWS,
                i -> "Prénom" + i + ",Nom" + i + ",https://www.linkedin.com/in/member-" + i + ",,\"Entreprise, SA\",Poste,07 Dec 2025\n");

        assertStreamed(ImportFormat.LINKEDIN_CONNECTIONS.open(file, ImportOptions.NONE), file);
    }

    @Test
    void vCardsAreReadCardByCard() throws IOException {
        GeneratedFile file = new GeneratedFile("", ROWS, i -> "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:card-" + i
                + "\r\nFN:Personne " + i + "\r\nEMAIL:p" + i + "@example.org\r\nEND:VCARD\r\n");

        assertStreamed(ImportFormat.VCARD.open(file, ImportOptions.NONE), file);
    }

    @Test
    void batchesAreReadLineByLine() throws IOException {
        GeneratedFile file = new GeneratedFile("", ROWS, i -> "{\"kind\":\"contact\",\"contactId\":\"c-" + i + "\",\"displayName\":\"Personne " + i + "\"}\n");

        assertStreamed(new NdjsonBatchReader(file), file);
    }

    private static void assertStreamed(ImportReader reader, GeneratedFile file) throws IOException {
        try (reader) {
            assertThat(reader.next()).isInstanceOf(ContactRecord.class);
            assertThat(file.bytesRead()).isLessThan(FIRST_RECORD_BUDGET);
            int records = 1;
            while (reader.next() != null) {
                records++;
            }
            assertThat(records).isEqualTo(ROWS);
            assertThat(file.bytesRead()).isGreaterThan(ROWS * 40L);
        }
    }
}
