package io.passerelle.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import io.passerelle.contracts.EventSchemas;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Makes the JSON Schema of each event type's data from its record: the schema a consumer reads is
 * the Java contract itself, and {@code EventSchemasTest} fails when a committed schema file differs
 * from what the records give. Draft-07, the dialect AsyncAPI 3.0 schemas build on.
 *
 * <p>What the records say becomes the schema: component names and types as {@code EventJson} writes
 * them (instants and dates as ISO-8601 strings, enums as their names), {@code jakarta.validation}
 * constraints (a primitive or {@code @NotNull} component is required, sizes, bounds, e-mail format,
 * patterns anchored as Java matches them whole), and the descriptions of MicroProfile OpenAPI
 * {@code @Schema} annotations. Other properties are not forbidden: a newer producer may add optional
 * fields, and consumers ignore what they do not know.
 */
public final class EventSchemaGenerator {
    private static final ObjectMapper PRINTER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final SchemaGenerator generator;

    public EventSchemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(Option.STANDARD_FORMATS)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED));
        // Java's @Pattern must match the whole value; a JSON Schema pattern matches anywhere unless anchored.
        config.forFields().withStringPatternResolver(EventSchemaGenerator::anchoredPattern);
        // A primitive is always written (EventJson omits nulls only).
        config.forFields().withRequiredCheck(field -> field.getType() != null && field.getType().isPrimitive()
                && !field.isFakeContainerItemScope());
        config.forFields().withDescriptionResolver(field -> {
            Schema schema = field.getAnnotationConsideringFieldAndGetterIfSupported(Schema.class);
            return schema == null || schema.description().isBlank() ? null : schema.description();
        });
        config.forTypesInGeneral().withDescriptionResolver(scope -> {
            Schema schema = scope.getType().getErasedType().getAnnotation(Schema.class);
            return schema == null || schema.description().isBlank() ? null : schema.description();
        });
        generator = new SchemaGenerator(config.build());
    }

    private static String anchoredPattern(FieldScope field) {
        Pattern pattern = field.isFakeContainerItemScope()
                ? field.getContainerItemAnnotationConsideringFieldAndGetterIfSupported(Pattern.class)
                : field.getAnnotationConsideringFieldAndGetterIfSupported(Pattern.class);
        return pattern == null ? null : "^(?:" + pattern.regexp() + ")$";
    }

    /** The schema of {@code type}'s data, as the committed file {@code schemas/<type>/v<version>.json} must read. */
    public ObjectNode generate(String type) {
        Class<? extends Record> dataType = EventSchemas.dataTypesByEventType().get(type);
        if (dataType == null) {
            throw new IllegalArgumentException("not an event type of the contract: " + type);
        }
        ObjectNode generated = generator.generateSchema(dataType);
        ObjectNode schema = PRINTER.createObjectNode();
        // Identification first, for a reader of the file.
        schema.set("$schema", generated.remove("$schema"));
        schema.put("$id", EventSchemas.uri(type, EventSchemas.CURRENT_VERSION).toString());
        schema.put("title", type + " data, version " + EventSchemas.CURRENT_VERSION);
        schema.put("description", "The data of a CloudEvent of type " + type + " (record " + dataType.getName()
                + "), JSON as written by io.passerelle.contracts.json.EventJson: absent rather than null, unknown "
                + "properties to be ignored.");
        schema.setAll(generated);
        return schema;
    }

    public static String print(JsonNode schema) {
        try {
            return PRINTER.writeValueAsString(schema) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event type with its generated schema, in a stable order. */
    public Map<String, ObjectNode> generateAll() {
        Map<String, ObjectNode> schemas = new java.util.TreeMap<>();
        EventSchemas.dataTypesByEventType().keySet().forEach(type -> schemas.put(type, generate(type)));
        return schemas;
    }
}
