package io.passerelle.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The vendored schemas (src/test/resources/schemas, see SOURCES.md there): Kubernetes' own kinds
 * and the CRDs of KEDA, Strimzi and the Prometheus Operator. An object of a kind without a schema is
 * an error, never a pass.
 */
final class ManifestSchemas {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ManifestSchemas INSTANCE = new ManifestSchemas();

    private final JsonNode kubernetesDefinitions;
    private final JsonNode kubernetesKinds;
    private final JsonNode crds;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private ManifestSchemas() {
        JsonNode kubernetes = load("/schemas/kubernetes-definitions.json");
        kubernetesDefinitions = kubernetes.get("definitions");
        kubernetesKinds = kubernetes.get("kinds");
        crds = load("/schemas/crd-schemas.json");
    }

    static ManifestSchemas get() {
        return INSTANCE;
    }

    private static JsonNode load(String resource) {
        try (InputStream in = ManifestSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of one object, each naming where it is; empty when the object is valid. */
    List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        String kind = object.path("kind").asString("");
        String key = apiVersion + "/" + kind;
        Schema schema = compiled.computeIfAbsent(key, this::compile);
        if (schema == null) {
            return List.of(Manifests.id(object) + ": no schema for " + key + " (vendor it, see SOURCES.md)");
        }
        List<Error> errors = schema.validate(object);
        return errors.stream().map(e -> Manifests.id(object) + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private Schema compile(String key) {
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", "http://json-schema.org/draft-07/schema#");
        document.set("definitions", kubernetesDefinitions);
        String reference;
        if (kubernetesKinds.has(key)) {
            reference = "#/definitions/" + kubernetesKinds.get(key).asString();
        } else if (crds.has(key)) {
            document.putObject("crds").set(key.replace('/', '_'), crds.get(key));
            reference = "#/crds/" + key.replace('/', '_');
        } else {
            return null;
        }
        document.putArray("allOf").addObject().put("$ref", reference);
        return registry.getSchema(document);
    }
}
