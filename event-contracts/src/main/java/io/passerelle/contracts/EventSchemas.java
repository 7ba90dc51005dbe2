package io.passerelle.contracts;

import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.RecommendationIssued;
import io.passerelle.contracts.events.RecommendationWithdrawn;
import io.passerelle.contracts.events.TieUpdated;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema of each event type's data, and the URI that names it in the CloudEvents
 * {@code dataschema} attribute ({@code ce_dataschema} header).
 *
 * <p>A schema is named {@code urn:passerelle:schema:<type>:v<version>}: a name, not a location, so that
 * it stays the same wherever Passerelle runs (the project's CloudEvents sources are URNs too). The
 * file is {@code passerelle/schemas/<type>/v<version>.json} in this jar, and each service serves it
 * at {@code /q/asyncapi/schemas/<type>/v<version>.json}, beside the AsyncAPI document
 * ({@code /q/asyncapi/asyncapi.yaml}, {@code passerelle/asyncapi.yaml} in this jar). A compatible change
 * (a new optional field) keeps the version; an incompatible one would be a new version and a new topic.
 */
public final class EventSchemas {
    /** The version of every schema of the {@code .v1} topics. */
    public static final int CURRENT_VERSION = 1;
    /** Where the AsyncAPI document and the schemas are in this jar. */
    public static final String RESOURCE_ROOT = "passerelle/";
    public static final String ASYNCAPI_RESOURCE = RESOURCE_ROOT + "asyncapi.yaml";

    private static final Map<String, Class<? extends Record>> DATA_TYPES = dataTypes();
    private static final Map<String, List<String>> TYPES_BY_TOPIC = Map.of(
            Topics.OWNERS, List.of(EventTypes.OWNER_PROFILE_UPDATED, EventTypes.OWNER_ERASED),
            Topics.CONTACTS, List.of(EventTypes.CONTACT_UPSERTED, EventTypes.CONTACT_ERASED),
            Topics.INTERACTIONS, List.of(EventTypes.INTERACTION_RECORDED),
            Topics.TIES, List.of(EventTypes.TIE_UPDATED),
            Topics.RECOMMENDATIONS, List.of(EventTypes.RECOMMENDATION_ISSUED, EventTypes.RECOMMENDATION_WITHDRAWN),
            Topics.IMPORTS, List.of(EventTypes.IMPORT_COMPLETED));

    private EventSchemas() {
    }

    private static Map<String, Class<? extends Record>> dataTypes() {
        Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
        types.put(EventTypes.OWNER_PROFILE_UPDATED, OwnerProfileUpdated.class);
        types.put(EventTypes.OWNER_ERASED, OwnerErased.class);
        types.put(EventTypes.CONTACT_UPSERTED, ContactUpserted.class);
        types.put(EventTypes.CONTACT_ERASED, ContactErased.class);
        types.put(EventTypes.INTERACTION_RECORDED, InteractionRecorded.class);
        types.put(EventTypes.TIE_UPDATED, TieUpdated.class);
        types.put(EventTypes.RECOMMENDATION_ISSUED, RecommendationIssued.class);
        types.put(EventTypes.RECOMMENDATION_WITHDRAWN, RecommendationWithdrawn.class);
        types.put(EventTypes.IMPORT_COMPLETED, ImportCompleted.class);
        return Map.copyOf(types);
    }

    /** Every CloudEvents type of the contract, with the record its data is read into. */
    public static Map<String, Class<? extends Record>> dataTypesByEventType() {
        return DATA_TYPES;
    }

    /** The CloudEvents types a topic carries (empty for a topic that is not the contract's). */
    public static List<String> typesOf(String topic) {
        return TYPES_BY_TOPIC.getOrDefault(topic, List.of());
    }

    /** The {@code dataschema} of an event type's current schema; empty for a type that is not the contract's. */
    public static Optional<URI> dataSchemaOf(String type) {
        return DATA_TYPES.containsKey(type) ? Optional.of(uri(type, CURRENT_VERSION)) : Optional.empty();
    }

    public static URI uri(String type, int version) {
        return URI.create("urn:passerelle:schema:" + type + ":v" + version);
    }

    /** The schema's path relative to the AsyncAPI document, and under {@link #RESOURCE_ROOT} in this jar. */
    public static String relativePath(String type, int version) {
        return "schemas/" + type + "/v" + version + ".json";
    }

    public static String resource(String type, int version) {
        return RESOURCE_ROOT + relativePath(type, version);
    }
}
