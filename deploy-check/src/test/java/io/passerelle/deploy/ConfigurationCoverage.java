package io.passerelle.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the environment of each service's Deployment against the settings the service reads
 * (ServiceSettings): a variable nobody reads is a typo or a leftover that silently changes
 * nothing; a required setting left out runs the service against localhost.
 */
final class ConfigurationCoverage {
    /** Read by the JVM or the image's run-java.sh, not by the service's configuration. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_TOOL_OPTIONS", "JAVA_OPTS_APPEND");
    private static final Set<String> SERVICES = Set.of("ingestion-service", "graph-service", "advice-service");

    private ConfigurationCoverage() {
    }

    static List<String> problems(Path root, List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            if (!object.path("kind").asString().equals("Deployment")) {
                continue;
            }
            for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                String service = container.path("name").asString();
                if (!SERVICES.contains(service)) {
                    problems.add(Manifests.id(object) + ": container " + service + " is not a known service");
                    continue;
                }
                problems.addAll(check(ServiceSettings.of(root, service), Manifests.id(object), variables(root, container, objects, problems)));
            }
        }
        return problems;
    }

    static List<String> check(ServiceSettings settings, String where, Set<String> variables) {
        List<String> problems = new ArrayList<>();
        for (String variable : variables) {
            if (!JVM_VARIABLES.contains(variable) && !settings.reads(variable)) {
                problems.add(where + ": " + variable + " is no setting " + settings.service + " reads");
            }
        }
        for (Set<String> accepted : settings.required()) {
            if (accepted.stream().noneMatch(variables::contains)) {
                problems.add(where + ": " + settings.service + " needs one of " + accepted);
            }
        }
        return problems;
    }

    /** env names, plus the keys of the ConfigMaps (rendered) and Secrets (their examples) in envFrom. */
    private static Set<String> variables(Path root, JsonNode container, List<ObjectNode> objects, List<String> problems) {
        Set<String> variables = new LinkedHashSet<>();
        container.path("env").forEach(e -> variables.add(e.path("name").asString()));
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asString();
                ObjectNode configMap = objects.stream()
                        .filter(o -> o.path("kind").asString().equals("ConfigMap") && o.path("metadata").path("name").asString().equals(name))
                        .findFirst().orElse(null);
                if (configMap == null) {
                    problems.add("envFrom names ConfigMap " + name + ", which is not rendered");
                } else {
                    configMap.path("data").propertyNames().forEach(variables::add);
                }
            } else if (source.has("secretRef")) {
                String name = source.path("secretRef").path("name").asString();
                Path example = Manifests.kubernetes().resolve("base/postgres-secret.example.yaml");
                ObjectNode secret = Manifests.readOne(example);
                if (!secret.path("metadata").path("name").asString().equals(name)) {
                    problems.add("envFrom names Secret " + name + ", which has no example in " + root.relativize(example));
                } else {
                    secret.path("stringData").propertyNames().forEach(variables::add);
                }
            }
        }
        return variables;
    }

}
