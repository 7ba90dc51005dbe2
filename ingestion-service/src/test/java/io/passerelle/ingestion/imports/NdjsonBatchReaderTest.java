package io.passerelle.ingestion.imports;

import static io.passerelle.ingestion.imports.ImportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Origin;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.InteractionRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonBatchReaderTest {

    @Test
    void eachLineIsAContactOrAnInteractionAndBadLinesAreReportedWithTheirNumberAndField() throws IOException {
        List<ImportedRecord> records = readAll("""
                {"kind":"contact","contactId":"c-1","displayName":"Jean Martin","origin":"FRIEND"}
                {"kind":"interaction","interactionId":"i-1","contactId":"c-1","occurredAt":"2026-01-05T09:00:00Z","channel":"CALL"}

                {"kind":"contact","displayName":"Sans identifiant"}
                {"kind":"interaction","contactId":"c-1","occurredAt":"2026-01-05T09:00:00Z","channel":"CARRIER_PIGEON"}
                {"kind":"meeting"}
                {"kind":"contact","contactId":"c-2",
                [1, 2]
                {"kind":"contact","contactId":"c-3","displayName":"Anne","declaredCloseness":"very"}
                """);

        assertThat(records).extracting(ImportedRecord::line).containsExactly(1, 2, 4, 5, 6, 7, 8, 9);
        ContactRecord jean = (ContactRecord) records.get(0);
        assertThat(jean.contactId()).isEqualTo("c-1");
        assertThat(jean.contact().displayName()).isEqualTo("Jean Martin");
        assertThat(jean.contact().origin()).isEqualTo(Origin.FRIEND);
        assertThat(((InteractionRecord) records.get(1)).interaction().channel()).isEqualTo(Channel.CALL);
        assertThat(field(records.get(2))).isEqualTo("contactId");
        assertThat(field(records.get(3))).isEqualTo("channel");
        assertThat(((RejectedRecord) records.get(3)).errors().get(0).message()).contains("MEETING");
        assertThat(field(records.get(4))).isEqualTo("kind");
        assertThat(field(records.get(5))).isEqualTo("line");
        assertThat(field(records.get(6))).isEqualTo("line");
        assertThat(field(records.get(7))).isEqualTo("declaredCloseness");
    }

    @Test
    void anInteractionWithoutIdGetsOneDerivedFromItsContentSoAResentBatchIsRecordedOnce() throws IOException {
        String line = """
                {"kind":"interaction","contactId":"c-1","occurredAt":"2026-01-05T09:00:00Z","channel":"EMAIL"}
                """;

        String first = ((InteractionRecord) readAll(line).get(0)).interaction().interactionId();
        String again = ((InteractionRecord) readAll(line).get(0)).interaction().interactionId();

        assertThat(first).isEqualTo(again).startsWith("batch:").matches("[A-Za-z0-9._:@+-]{1,128}");
        assertThat(first.substring("batch:".length())).matches("[0-9a-f-]{36}");
        assertThat(first).isNotEqualTo(((InteractionRecord) readAll(line.replace("EMAIL", "CALL")).get(0)).interaction().interactionId());
        assertThat(Identifiers.CONTACT_ID.matcher(first).matches()).isTrue();
    }

    private static String field(ImportedRecord record) {
        assertThat(record).isInstanceOf(RejectedRecord.class);
        return ((RejectedRecord) record).errors().get(0).field();
    }

    private static List<ImportedRecord> readAll(String body) throws IOException {
        try (NdjsonBatchReader reader = new NdjsonBatchReader(text(body))) {
            List<ImportedRecord> records = new ArrayList<>();
            for (ImportedRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
            return records;
        }
    }
}
