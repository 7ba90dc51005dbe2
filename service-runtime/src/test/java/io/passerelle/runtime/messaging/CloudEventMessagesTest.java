package io.passerelle.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.events.OwnerErased;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CloudEvents metadata of an outgoing record names the JSON Schema of its type's data. */
class CloudEventMessagesTest {
    private static final URI SOURCE = URI.create("urn:passerelle:test");

    @Test
    void aTypeOfTheContractCarriesTheUrnOfItsSchema() {
        var message = CloudEventMessages.of("owner-1", "id-1", EventTypes.OWNER_ERASED, SOURCE, "owner-1", new OwnerErased("owner-1"));
        Optional<URI> dataSchema = message.getMetadata(OutgoingCloudEventMetadata.class).flatMap(OutgoingCloudEventMetadata::getDataSchema);
        assertThat(dataSchema).contains(URI.create("urn:passerelle:schema:passerelle.owner.erased:v1"));
    }

    @Test
    void aTypeWithoutASchemaCarriesNone() {
        var message = CloudEventMessages.of("owner-1", "id-1", "passerelle.test.other", SOURCE, "owner-1", new OwnerErased("owner-1"));
        assertThat(message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getDataSchema()).isEmpty();
    }
}
