package io.passerelle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features this repository
 * uses: resources (files and folders), components, namespace, labels (includeTemplates),
 * configMapGenerator (files, no hash suffix), images (newTag), patches (strategic merge, inline or
 * from a file, with {@code $patch: delete}; JSON 6902 with a target by kind, name or label
 * selector) and replacements (a ConfigMap value into fields, {@code *} over lists). Anything else
 * in a kustomization fails the rendering rather than being ignored, so that a build machine
 * without kubectl still checks every object. KustomizeRenderingTest compares it with kubectl where
 * kubectl is installed.
 */
final class JavaKustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "components", "images", "patches", "replacements", "configMapGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JavaKustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        List<ObjectNode> objects = new ArrayList<>();
        build(directory.toAbsolutePath().normalize(), objects, false);
        return objects;
    }

    private static void build(Path dir, List<ObjectNode> objects, boolean component) {
        ObjectNode k = Manifests.readOne(kustomizationFile(dir));
        for (Iterator<String> names = k.propertyNames().iterator(); names.hasNext();) {
            String field = names.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + ": '" + field + "' is not supported by the Java renderer");
            }
        }
        boolean isComponent = "Component".equals(k.path("kind").asString());
        if (isComponent != component) {
            throw new IllegalArgumentException(dir + ": " + (component ? "a component must be kind Component" : "a Component listed as a resource"));
        }
        List<ObjectNode> own = component ? objects : new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asString()).normalize();
            if (Files.isDirectory(path)) {
                List<ObjectNode> sub = new ArrayList<>();
                build(path, sub, false);
                own.addAll(sub);
            } else {
                own.addAll(Manifests.read(path));
            }
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            own.add(configMap(dir, generator, k));
        }
        for (JsonNode c : k.path("components")) {
            build(dir.resolve(c.asString()).normalize(), own, true);
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, own);
        }
        if (k.has("namespace")) {
            String namespace = k.get("namespace").asString();
            for (ObjectNode o : own) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asString())) {
                    metadata(o).put("namespace", namespace);
                }
            }
        }
        for (JsonNode label : k.path("labels")) {
            if (label.path("includeSelectors").asBoolean(false)) {
                throw new IllegalArgumentException(dir + ": labels with includeSelectors are not supported");
            }
            for (ObjectNode o : own) {
                addLabels(metadata(o), label.path("pairs"));
                JsonNode template = o.path("spec").path("template");
                if (label.path("includeTemplates").asBoolean(false) && template.isObject()) {
                    addLabels(metadata((ObjectNode) template), label.path("pairs"));
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            setImage(own, image);
        }
        for (JsonNode replacement : k.path("replacements")) {
            replace(replacement, own);
        }
        if (!component) {
            objects.addAll(own);
        }
    }

    private static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalArgumentException("No kustomization in " + dir);
    }

    private static ObjectNode metadata(ObjectNode o) {
        JsonNode m = o.get("metadata");
        if (m instanceof ObjectNode existing) {
            return existing;
        }
        return o.putObject("metadata");
    }

    private static void addLabels(ObjectNode metadata, JsonNode pairs) {
        ObjectNode labels = metadata.get("labels") instanceof ObjectNode l ? l : metadata.putObject("labels");
        for (Map.Entry<String, JsonNode> e : pairs.properties()) {
            labels.set(e.getKey(), e.getValue());
        }
    }

    private static ObjectNode configMap(Path dir, JsonNode generator, ObjectNode k) {
        JsonNode options = generator.path("options");
        if (!options.path("disableNameSuffixHash").asBoolean(k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false))) {
            throw new IllegalArgumentException(dir + ": configMapGenerator needs disableNameSuffixHash for the Java renderer");
        }
        ObjectNode cm = NODES.objectNode();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        ObjectNode metadata = cm.putObject("metadata");
        metadata.put("name", generator.path("name").asString());
        if (options.has("labels")) {
            addLabels(metadata, options.get("labels"));
        }
        ObjectNode data = cm.putObject("data");
        for (JsonNode file : generator.path("files")) {
            String entry = file.asString();
            String key = entry.contains("=") ? entry.substring(0, entry.indexOf('=')) : null;
            Path path = dir.resolve(entry.contains("=") ? entry.substring(entry.indexOf('=') + 1) : entry);
            try {
                data.put(key != null ? key : path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cm;
    }

    private static void setImage(List<ObjectNode> objects, JsonNode image) {
        String name = image.path("name").asString();
        for (ObjectNode o : objects) {
            for (JsonNode container : o.path("spec").path("template").path("spec").path("containers")) {
                String current = container.path("image").asString();
                String repository = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                if (repository.equals(name)) {
                    String newName = image.path("newName").asString(repository);
                    ((ObjectNode) container).put("image", newName + ":" + image.path("newTag").asString("latest"));
                }
            }
        }
    }

    private static void applyPatch(Path dir, JsonNode patch, List<ObjectNode> objects) {
        String text;
        try {
            text = patch.has("path") ? Files.readString(dir.resolve(patch.get("path").asString())) : patch.path("patch").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String firstLine = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
        if (firstLine.startsWith("- ")) {
            JsonNode operations = Manifests.YAML.readTree(text);
            for (ObjectNode o : objects) {
                if (matches(patch.path("target"), o)) {
                    Json6902.apply(o, operations);
                }
            }
            return;
        }
        for (ObjectNode smp : Manifests.parseAll(text, dir.toString())) {
            boolean delete = "delete".equals(smp.path("$patch").asString());
            boolean found = false;
            for (Iterator<ObjectNode> it = objects.iterator(); it.hasNext();) {
                ObjectNode o = it.next();
                boolean sameObject = o.path("kind").asString().equals(smp.path("kind").asString())
                        && o.path("metadata").path("name").asString().equals(smp.path("metadata").path("name").asString());
                if (sameObject && matches(patch.path("target"), o)) {
                    found = true;
                    if (delete) {
                        it.remove();
                    } else {
                        StrategicMerge.merge(o, smp);
                    }
                }
            }
            if (!found) {
                throw new IllegalArgumentException(dir + ": the patch of " + Manifests.id(smp) + " matches no object");
            }
        }
    }

    private static boolean matches(JsonNode target, JsonNode o) {
        if (target.isMissingNode()) {
            return true;
        }
        if (target.has("kind") && !target.get("kind").asString().equals(o.path("kind").asString())) {
            return false;
        }
        if (target.has("name") && !target.get("name").asString().equals(o.path("metadata").path("name").asString())) {
            return false;
        }
        if (target.has("labelSelector")) {
            for (String requirement : target.get("labelSelector").asString().split(",")) {
                String[] kv = requirement.split("=", 2);
                if (!kv[1].trim().equals(o.path("metadata").path("labels").path(kv[0].trim()).asString(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void replace(JsonNode replacement, List<ObjectNode> objects) {
        JsonNode source = replacement.path("source");
        JsonNode value = null;
        for (ObjectNode o : objects) {
            if (o.path("kind").asString().equals(source.path("kind").asString())
                    && o.path("metadata").path("name").asString().equals(source.path("name").asString())) {
                value = FieldPath.get(o, source.path("fieldPath").asString());
            }
        }
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException("Replacement source not found: " + source);
        }
        for (JsonNode target : replacement.path("targets")) {
            for (ObjectNode o : objects) {
                if (matches(target.path("select"), o)) {
                    for (JsonNode fieldPath : target.path("fieldPaths")) {
                        FieldPath.set(o, fieldPath.asString(), value);
                    }
                }
            }
        }
    }

    /** Dotted field paths of kustomize replacements, with {@code *} for every item of a list. */
    static final class FieldPath {
        private FieldPath() {
        }

        static JsonNode get(JsonNode node, String path) {
            JsonNode current = node;
            for (String part : path.split("\\.")) {
                current = current.path(part);
            }
            return current;
        }

        static void set(JsonNode node, String path, JsonNode value) {
            set(node, path.split("\\."), 0, value);
        }

        private static void set(JsonNode node, String[] parts, int index, JsonNode value) {
            String part = parts[index];
            if (part.equals("*")) {
                for (JsonNode item : node) {
                    set(item, parts, index + 1, value);
                }
                return;
            }
            if (index == parts.length - 1) {
                if (node.has(part)) {
                    ((ObjectNode) node).set(part, value.deepCopy());
                }
                return;
            }
            JsonNode next = node.path(part);
            if (!next.isMissingNode()) {
                set(next, parts, index + 1, value);
            }
        }
    }

    /** Strategic merge as kubectl does it for the lists patched here: items with a name merge by name. */
    static final class StrategicMerge {
        private StrategicMerge() {
        }

        static void merge(ObjectNode target, JsonNode patch) {
            for (Map.Entry<String, JsonNode> e : patch.properties()) {
                String key = e.getKey();
                JsonNode value = e.getValue();
                JsonNode existing = target.get(key);
                if (value.isObject() && existing instanceof ObjectNode existingObject) {
                    merge(existingObject, value);
                } else if (value.isArray() && existing instanceof ArrayNode existingArray && mergeableByName(value)) {
                    mergeByName(existingArray, value);
                } else {
                    target.set(key, value.deepCopy());
                }
            }
        }

        private static boolean mergeableByName(JsonNode items) {
            for (JsonNode item : items) {
                if (!item.has("name")) {
                    return false;
                }
            }
            return true;
        }

        /** The patch's items first, merged into the items of the same name, then the others: kubectl's order. */
        private static void mergeByName(ArrayNode target, JsonNode patchItems) {
            List<JsonNode> merged = new ArrayList<>();
            List<JsonNode> rest = new ArrayList<>();
            target.forEach(rest::add);
            for (JsonNode item : patchItems) {
                ObjectNode match = null;
                for (JsonNode existing : rest) {
                    if (existing.path("name").asString().equals(item.path("name").asString())) {
                        match = (ObjectNode) existing;
                    }
                }
                if (match != null) {
                    rest.remove(match);
                    merge(match, item);
                    merged.add(match);
                } else {
                    merged.add(item.deepCopy());
                }
            }
            target.removeAll();
            merged.forEach(target::add);
            rest.forEach(target::add);
        }
    }

    /** JSON Patch (RFC 6902) add, replace and remove, the operations the overlays use. */
    static final class Json6902 {
        private Json6902() {
        }

        static void apply(ObjectNode object, JsonNode operations) {
            for (JsonNode op : operations) {
                String[] path = op.path("path").asString().substring(1).split("/");
                JsonNode parent = object;
                for (int i = 0; i < path.length - 1; i++) {
                    parent = parent.isArray() ? parent.path(Integer.parseInt(path[i])) : parent.path(unescape(path[i]));
                    if (parent.isMissingNode()) {
                        throw new IllegalArgumentException("JSON patch path not found: " + op.path("path").asString() + " in " + Manifests.id(object));
                    }
                }
                String last = unescape(path[path.length - 1]);
                String kind = op.path("op").asString();
                switch (kind) {
                    case "add", "replace" -> {
                        if (parent instanceof ArrayNode array) {
                            if (last.equals("-")) {
                                array.add(op.get("value").deepCopy());
                            } else if (kind.equals("add")) {
                                array.insert(Integer.parseInt(last), op.get("value").deepCopy());
                            } else {
                                array.set(Integer.parseInt(last), op.get("value").deepCopy());
                            }
                        } else {
                            if (kind.equals("replace") && !parent.has(last)) {
                                throw new IllegalArgumentException("replace of a missing field " + op.path("path").asString() + " in " + Manifests.id(object));
                            }
                            ((ObjectNode) parent).set(last, op.get("value").deepCopy());
                        }
                    }
                    case "remove" -> {
                        if (parent instanceof ArrayNode array) {
                            array.remove(Integer.parseInt(last));
                        } else if (((ObjectNode) parent).remove(last) == null) {
                            throw new IllegalArgumentException("remove of a missing field " + op.path("path").asString() + " in " + Manifests.id(object));
                        }
                    }
                    default -> throw new IllegalArgumentException("JSON patch operation not supported: " + kind);
                }
            }
        }

        private static String unescape(String token) {
            return token.replace("~1", "/").replace("~0", "~");
        }
    }
}
