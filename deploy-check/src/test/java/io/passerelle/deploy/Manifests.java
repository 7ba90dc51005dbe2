package io.passerelle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reading YAML documents and finding the repository's folders. */
final class Manifests {
    static final ObjectMapper YAML = YAMLMapper.builder().build();

    private Manifests() {
    }

    /** The repository root: set by the build (surefire), else found from the working directory. */
    static Path root() {
        String configured = System.getProperty("passerelle.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/kubernetes"))) {
                return p;
            }
        }
        throw new IllegalStateException("No deploy/kubernetes above " + start);
    }

    static Path kubernetes() {
        return root().resolve("deploy/kubernetes");
    }

    /** Every non-empty document of a multi-document YAML text. */
    static List<ObjectNode> parseAll(String yaml, String origin) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException(origin + ": a document is not a mapping: " + node);
                }
                documents.add((ObjectNode) node);
            }
        }
        return documents;
    }

    static List<ObjectNode> read(Path file) {
        try {
            return parseAll(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode readOne(Path file) {
        List<ObjectNode> documents = read(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, expected one");
        }
        return documents.get(0);
    }

    /** kind/namespace/name, the identity kustomize and the API server know an object by. */
    static String id(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return object.path("kind").asString() + "/" + metadata.path("namespace").asString("-") + "/"
                + metadata.path("name").asString();
    }
}
