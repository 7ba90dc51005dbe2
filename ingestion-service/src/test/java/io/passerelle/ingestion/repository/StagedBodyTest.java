package io.passerelle.ingestion.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.ingestion.imports.GeneratedFile;
import io.passerelle.ingestion.imports.ImportReader;
import io.passerelle.ingestion.imports.ImportedRecord;
import io.passerelle.ingestion.imports.ImportFormat;
import io.passerelle.ingestion.imports.ImportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A staged file read back by a job: the same bytes, fetched a chunk at a time as the reader gets to
 * them, so that a job over a file of any size holds one chunk of it.
 */
class StagedBodyTest {
    private static final int CHUNK = 64 * 1024;

    @Test
    void thirtyThousandRowsAreReadBackChunkByChunkAsTheReaderAdvances() throws IOException {
        byte[] file;
        try (InputStream generated = new GeneratedFile("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
                30_000, i -> "Prénom" + i + ",Nom" + i + ",https://www.linkedin.com/in/member-" + i + ",,ACME,CEO,07 Dec 2025\n")) {
            file = generated.readAllBytes();
        }
        List<byte[]> chunks = new ArrayList<>();
        for (int start = 0; start < file.length; start += CHUNK) {
            chunks.add(Arrays.copyOfRange(file, start, Math.min(file.length, start + CHUNK)));
        }
        List<Integer> fetched = new ArrayList<>();
        UUID importId = UUID.randomUUID();
        StagedBody body = new StagedBody(importId, chunks.size(), (id, seq) -> {
            assertThat(id).isEqualTo(importId);
            fetched.add(seq);
            return chunks.get(seq);
        });

        int records = 0;
        try (ImportReader reader = ImportFormat.LINKEDIN_CONNECTIONS.open(body, ImportOptions.NONE)) {
            ImportedRecord record;
            while ((record = reader.next()) != null) {
                records++;
                assertThat(record).isInstanceOf(ImportedRecord.ContactRecord.class);
                // Never more than the chunk the reader is in and the next one (its buffer reads a little ahead).
                assertThat(fetched.size()).as("chunks fetched after record %d", records)
                        .isLessThanOrEqualTo((int) (body.bytesRead() / CHUNK) + 2);
            }
        }

        assertThat(records).isEqualTo(30_000);
        assertThat(fetched).as("each chunk once, in order").isEqualTo(java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
        assertThat(body.bytesRead()).isEqualTo(file.length);
        assertThat(chunks.size()).isGreaterThan(20);
    }

    @Test
    void theStagedBytesComeBackUnchangedWhateverTheReadSizes() throws IOException {
        byte[] file = new byte[3 * CHUNK + 17];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        List<byte[]> chunks = List.of(Arrays.copyOfRange(file, 0, CHUNK), Arrays.copyOfRange(file, CHUNK, 2 * CHUNK),
                Arrays.copyOfRange(file, 2 * CHUNK, 3 * CHUNK), Arrays.copyOfRange(file, 3 * CHUNK, file.length));
        StagedBody body = new StagedBody(UUID.randomUUID(), chunks.size(), (id, seq) -> chunks.get(seq));

        byte[] back = new byte[file.length];
        int position = 0;
        int step = 1;
        int b = body.read();
        back[position++] = (byte) b;
        while (position < file.length) {
            int n = body.read(back, position, Math.min(step, file.length - position));
            assertThat(n).isPositive();
            position += n;
            step = step * 3 + 1;
        }
        assertThat(body.read()).isEqualTo(-1);
        assertThat(back).isEqualTo(file);
        assertThat(body.bytesRead()).isEqualTo(file.length);
        assertThat(new StagedBody(UUID.randomUUID(), 0, (id, seq) -> new byte[0]).read()).isEqualTo(-1);
    }
}
