package io.passerelle.ingestion.imports;

import static io.passerelle.ingestion.imports.ImportFixtures.at;
import static io.passerelle.ingestion.imports.ImportFixtures.fixture;
import static io.passerelle.ingestion.imports.ImportFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.InteractionRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** messages.csv: direction from the owner's profile URL, one interaction per recipient, content never kept. */
class LinkedInMessagesReaderTest {
    private static final ImportOptions CAMILLE = new ImportOptions("https://www.linkedin.com/in/camille-durand/");

    private final List<ImportedRecord> records = readAll(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-messages.csv"), CAMILLE);

    @Test
    void aReceivedMessageIsAnInboundPrivateMessageFromItsSender() {
        InteractionRecord received = at(records, 2, InteractionRecord.class);

        String id = "linkedin-message:" + Identifiers.stableId("2-YTk1NDBi", "2025-03-04 10:00:00 UTC",
                "linkedin:jean-martin-8a1b2c3", "linkedin:camille-durand");
        assertThat(received.interaction()).isEqualTo(new Interaction(id, "linkedin:jean-martin-8a1b2c3",
                Instant.parse("2025-03-04T10:00:00Z"), Channel.PRIVATE_MESSAGE, Direction.INBOUND, null, Source.LINKEDIN));
    }

    @Test
    void aSentMessageIsOutboundAfterAContentWithALineBreak() {
        Interaction sent = at(records, 4, InteractionRecord.class).interaction();

        assertThat(sent.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(sent.contactId()).isEqualTo("linkedin:jean-martin-8a1b2c3");
        assertThat(sent.occurredAt()).isEqualTo(Instant.parse("2025-03-04T11:30:00Z"));
    }

    @Test
    void aConversationWithRepliesBothWaysIsInboundAndOutboundWithTheSameContact() {
        List<ImportedRecord> read = readAll(ImportFormat.LINKEDIN_MESSAGES, ImportFixtures.text("""
                CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
                2-QWxpY2U,,Camille Durand,https://www.linkedin.com/in/camille-durand,Nadia Roche,https://www.linkedin.com/in/nadia-roche,2025-09-01 08:00:00 UTC,,Bonjour Nadia,INBOX
                2-QWxpY2U,,Nadia Roche,https://www.linkedin.com/in/nadia-roche/,Camille Durand,https://www.linkedin.com/in/camille-durand/,2025-09-01 09:15:00 UTC,,Bonjour Camille,INBOX
                2-QWxpY2U,,Camille Durand,https://www.linkedin.com/in/Camille-Durand,Nadia Roche,https://www.linkedin.com/in/nadia-roche,2025-09-02 10:00:00 UTC,,Merci !,INBOX
                2-QWxpY2U,,Nadia Roche,https://www.linkedin.com/in/nadia-roche,Camille Durand,https://www.linkedin.com/in/camille-durand,2025-09-03 17:30:00 UTC,,Avec plaisir,INBOX
                """), CAMILLE);

        assertThat(read).allSatisfy(record -> assertThat(record).isInstanceOf(InteractionRecord.class));
        List<Interaction> conversation = read.stream().map(r -> ((InteractionRecord) r).interaction()).toList();
        assertThat(conversation).extracting(Interaction::contactId).containsOnly("linkedin:nadia-roche");
        assertThat(conversation).extracting(Interaction::channel).containsOnly(Channel.PRIVATE_MESSAGE);
        assertThat(conversation).extracting(Interaction::direction)
                .containsExactly(Direction.OUTBOUND, Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND);
        assertThat(conversation).extracting(Interaction::occurredAt).containsExactly(Instant.parse("2025-09-01T08:00:00Z"),
                Instant.parse("2025-09-01T09:15:00Z"), Instant.parse("2025-09-02T10:00:00Z"), Instant.parse("2025-09-03T17:30:00Z"));
        assertThat(conversation).extracting(Interaction::interactionId).doesNotHaveDuplicates();
    }

    @Test
    void theFixturesExchangeWithJeanIsTwoWay() {
        List<Interaction> withJean = records.stream().filter(InteractionRecord.class::isInstance)
                .map(r -> ((InteractionRecord) r).interaction())
                .filter(i -> i.contactId().equals("linkedin:jean-martin-8a1b2c3")).toList();

        assertThat(withJean).extracting(Interaction::direction).containsExactly(Direction.INBOUND, Direction.OUTBOUND);
    }

    @Test
    void aMessageToSeveralPeopleIsOneInteractionPerRecipientWithDistinctIds() {
        List<Interaction> group = records.stream().filter(r -> r.line() == 5)
                .map(r -> ((InteractionRecord) r).interaction()).toList();

        assertThat(group).extracting(Interaction::contactId)
                .containsExactly("linkedin:karim-benali-42", "linkedin:eleonore-lefevre");
        assertThat(group).extracting(Interaction::direction).containsOnly(Direction.OUTBOUND);
        assertThat(group).extracting(Interaction::interactionId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Za-z0-9._:@+-]{1,128}"));
    }

    @Test
    void draftsAreSkippedAndMessagesThatCannotBeMatchedAreReported() {
        assertThat(records).noneMatch(r -> r.line() == 6);
        assertThat(at(records, 7, RejectedRecord.class).errors().get(0).message()).contains("neither the sender nor a recipient is the owner");
        assertThat(at(records, 8, RejectedRecord.class).errors()).extracting(LineError::field).containsExactly("SENDER PROFILE URL");
        assertThat(at(records, 9, RejectedRecord.class).errors()).extracting(LineError::field).containsExactly("DATE");
        assertThat(records.stream().filter(InteractionRecord.class::isInstance)).hasSize(4);
    }

    @Test
    void theSameFileGivesTheSameInteractionIds() {
        assertThat(readAll(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-messages.csv"), CAMILLE)).isEqualTo(records);
    }

    @Test
    void connectionsPostedAsMessagesAreRefused() {
        assertThatThrownBy(() -> readAll(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-connections.csv"), CAMILLE))
                .isInstanceOf(NotTheDeclaredFormatException.class)
                .hasMessageContaining("use format=linkedin-connections");
    }
}
