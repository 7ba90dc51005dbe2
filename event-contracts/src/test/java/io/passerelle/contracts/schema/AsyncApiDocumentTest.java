package io.passerelle.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.json.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncapi.yaml} is a valid AsyncAPI 3.0.0 document (checked against the specification's own
 * JSON Schema, with the JDK alone), describes every topic of the contract with exactly its CloudEvents
 * types, and points each message at the schema file its {@code ce_dataschema} names.
 */
class AsyncApiDocumentTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String OWNER_KEY_PATTERN = "^" + Identifiers.OWNER_ID_REGEX + "$";
    private static final String TIE_KEY_PATTERN = "^" + Identifiers.OWNER_ID_REGEX + "/" + Identifiers.CONTACT_ID_REGEX + "$";
    private static final List<String> TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS, Topics.TIES, Topics.RECOMMENDATIONS,
            Topics.IMPORTS);

    private static JsonNode document() throws IOException {
        return YAML.readTree(MODULE.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void theDocumentIsValidAsyncApi300() throws IOException {
        Schema specification;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi-spec/asyncapi-3.0.0.schema.json")) {
            specification = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(EventJson.mapper().readTree(in));
        }
        List<Error> errors = specification.validate(document());
        assertThat(errors).extracting(Error::toString).isEmpty();
    }

    @Test
    void aDocumentThatBreaksTheSpecificationIsRefused() throws IOException {
        Schema specification;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi-spec/asyncapi-3.0.0.schema.json")) {
            specification = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(EventJson.mapper().readTree(in));
        }
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) document();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("operations").get("publishTies")).put("action", "publish");
        assertThat(specification.validate(broken)).isNotEmpty();
    }

    @Test
    void everyTopicIsAChannelCarryingExactlyItsTypes() throws IOException {
        JsonNode document = document();
        Map<String, List<String>> typesByAddress = new TreeMap<>();
        document.get("channels").forEach(channel -> {
            List<String> types = new ArrayList<>();
            channel.get("messages").forEach(reference -> {
                JsonNode message = resolve(document, reference.get("$ref").asText());
                JsonNode ceType = message.at("/headers/allOf/1/properties/ce_type/const");
                if (!ceType.isMissingNode()) {
                    types.add(ceType.asText());
                }
            });
            typesByAddress.put(channel.get("address").asText(), types);
        });
        Map<String, List<String>> expected = new TreeMap<>();
        TOPICS.forEach(topic -> expected.put(topic, EventSchemas.typesOf(topic)));
        expected.put("{topic}.dlq", List.of());
        assertThat(typesByAddress).isEqualTo(expected);
        assertThat(document.at("/components/parameters/consumedTopic/enum")).extracting(JsonNode::asText)
                .allSatisfy(topic -> assertThat(TOPICS).contains(topic));
    }

    @Test
    void eachMessageNamesItsSchemaByItsDataschemaAndPointsAtTheFile() throws IOException {
        JsonNode document = document();
        List<String> described = new ArrayList<>();
        document.get("components").get("messages").forEach(message -> {
            JsonNode ceType = message.at("/headers/allOf/1/properties/ce_type/const");
            if (ceType.isMissingNode()) {
                return;
            }
            String type = ceType.asText();
            described.add(type);
            String dataschema = EventSchemas.dataSchemaOf(type).orElseThrow().toString();
            assertThat(message.at("/headers/allOf/1/properties/ce_dataschema/const").asText()).as(type).isEqualTo(dataschema);
            assertThat(message.get("name").asText()).isEqualTo(type);
            String ref = message.at("/payload/schema/$ref").asText();
            assertThat(ref).isEqualTo(EventSchemas.relativePath(type, EventSchemas.CURRENT_VERSION));
            try {
                assertThat(EventJson.mapper().readTree(MODULE.resolve(ref).toFile()).get("$id").asText()).isEqualTo(dataschema);
            } catch (IOException e) {
                throw new AssertionError(ref + " cannot be read", e);
            }
            assertThat(message.at("/bindings/kafka/key/pattern").asText()).as("the key of %s", type)
                    .isEqualTo(type.equals("passerelle.tie.updated") ? TIE_KEY_PATTERN : OWNER_KEY_PATTERN);
        });
        assertThat(described).containsExactlyInAnyOrderElementsOf(EventSchemas.dataTypesByEventType().keySet());
    }

    @Test
    void theKeysAreTheOnesTheServicesWrite() throws IOException {
        assertThat(Topics.tieKey("owner-1", "c:1")).matches(TIE_KEY_PATTERN).doesNotMatch(OWNER_KEY_PATTERN);
        assertThat(document().at("/channels/ties/messages/tieTombstone/$ref").asText()).isEqualTo("#/components/messages/tieTombstone");
        assertThat(document().at("/components/messages/tieTombstone/bindings/kafka/key/pattern").asText()).isEqualTo(TIE_KEY_PATTERN);
    }

    @Test
    void theJarCarriesTheDocumentAsCommitted() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventSchemas.ASYNCAPI_RESOURCE)) {
            assertThat(in).as(EventSchemas.ASYNCAPI_RESOURCE).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(MODULE.resolve("asyncapi.yaml")));
        }
        try (Stream<Path> files = Files.walk(MODULE.resolve("schemas"))) {
            assertThat(files.filter(Files::isRegularFile).map(file -> MODULE.relativize(file).toString().replace('\\', '/')).sorted())
                    .as("every schema file is one of the contract's current versions")
                    .containsExactlyElementsOf(EventSchemas.dataTypesByEventType().keySet().stream()
                            .map(type -> EventSchemas.relativePath(type, EventSchemas.CURRENT_VERSION)).sorted().toList());
        }
    }

    private static JsonNode resolve(JsonNode document, String reference) {
        assertThat(reference).startsWith("#/");
        JsonNode target = document.at(reference.substring(1));
        assertThat(target.isMissingNode()).as(reference).isFalse();
        return target.has("$ref") ? resolve(document, target.get("$ref").asText()) : target;
    }
}
