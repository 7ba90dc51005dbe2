package io.passerelle.ingestion.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
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
        GeneratedFile file = new GeneratedFile("Notes:\n\"Generated\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
                i -> "Prénom" + i + ",Nom" + i + ",https://www.linkedin.com/in/member-" + i + ",,\"Entreprise, SA\",Poste,07 Dec 2025\n");

        assertStreamed(ImportFormat.LINKEDIN_CONNECTIONS.open(file, ImportOptions.NONE), file);
    }

    @Test
    void vCardsAreReadCardByCard() throws IOException {
        GeneratedFile file = new GeneratedFile("", i -> "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:card-" + i
                + "\r\nFN:Personne " + i + "\r\nEMAIL:p" + i + "@example.org\r\nEND:VCARD\r\n");

        assertStreamed(ImportFormat.VCARD.open(file, ImportOptions.NONE), file);
    }

    @Test
    void batchesAreReadLineByLine() throws IOException {
        GeneratedFile file = new GeneratedFile("", i -> "{\"kind\":\"contact\",\"contactId\":\"c-" + i + "\",\"displayName\":\"Personne " + i + "\"}\n");

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

    /** A file of {@value #ROWS} records produced while it is read, counting the bytes handed out. */
    private static final class GeneratedFile extends InputStream {
        private final IntFunction<String> row;
        private byte[] current;
        private int position;
        private int next;
        private long read;

        GeneratedFile(String header, IntFunction<String> row) {
            this.row = row;
            this.current = header.getBytes(StandardCharsets.UTF_8);
        }

        long bytesRead() {
            return read;
        }

        @Override
        public int read() {
            while (position == current.length) {
                if (next == ROWS) {
                    return -1;
                }
                current = row.apply(next++).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            read++;
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
            }
            return n;
        }
    }
}
