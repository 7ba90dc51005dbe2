package io.passerelle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every overlay, and production with every optional component, rendered by the Java renderer
 * always and by kubectl where installed: each object matches its schema, each Deployment's
 * variables are settings its service reads and give every setting it needs, and the operational
 * properties the README promises hold.
 */
class RenderedOverlaysTest {
    private static final Path ROOT = Manifests.root();

    static Map<String, Path> overlays() {
        Map<String, Path> overlays = new LinkedHashMap<>();
        overlays.put("local", Manifests.kubernetes().resolve("overlays/local"));
        overlays.put("production", Manifests.kubernetes().resolve("overlays/production"));
        overlays.put("production with every component", productionWithEveryComponent());
        return overlays;
    }

    /**
     * production plus every component it does not list (optional ones, and any added later), in the
     * namespace production uses, as when they are listed in production's own kustomization.
     */
    private static Path productionWithEveryComponent() {
        Path dir = Path.of("target/overlays/production-with-every-component").toAbsolutePath();
        try (Stream<Path> components = Files.list(Manifests.kubernetes().resolve("components"))) {
            Files.createDirectories(dir);
            String production = Files.readString(Manifests.kubernetes().resolve("overlays/production/kustomization.yaml"));
            List<String> extra = new ArrayList<>();
            for (Path component : components.sorted().toList()) {
                String name = component.getFileName().toString();
                if (!production.contains("\n  - ../../components/" + name)) {
                    extra.add("  - " + dir.relativize(component).toString().replace('\\', '/'));
                }
            }
            Files.writeString(dir.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: passerelle\n"
                    + "resources:\n  - " + dir.relativize(Manifests.kubernetes().resolve("overlays/production")).toString().replace('\\', '/')
                    + "\ncomponents:\n" + String.join("\n", extra) + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> overlayNames() {
        return overlays().keySet().stream();
    }

    private static final Map<String, Map<String, List<ObjectNode>>> RENDERINGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The renderings to check: Java's always, kubectl's as well when it is on the PATH (rendered once). */
    private static Map<String, List<ObjectNode>> renderings(String overlay) {
        return RENDERINGS.computeIfAbsent(overlay, RenderedOverlaysTest::render);
    }

    private static Map<String, List<ObjectNode>> render(String overlay) {
        Path dir = overlays().get(overlay);
        Map<String, List<ObjectNode>> renderings = new LinkedHashMap<>();
        renderings.put("java", JavaKustomize.render(dir));
        Optional<Path> kubectl = OverlayRendering.kubectl();
        kubectl.ifPresent(k -> renderings.put("kubectl", OverlayRendering.withKubectl(k, dir)));
        return renderings;
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void everyObjectMatchesItsSchema(String overlay) {
        for (var rendering : renderings(overlay).entrySet()) {
            assertThat(rendering.getValue()).as(rendering.getKey()).isNotEmpty();
            List<String> problems = new ArrayList<>();
            for (ObjectNode object : rendering.getValue()) {
                problems.addAll(ManifestSchemas.get().validate(object));
            }
            assertThat(problems).as(overlay + " rendered by " + rendering.getKey()).isEmpty();
        }
    }

    /** An object without a namespace would land in whatever namespace kubectl's context names. */
    @ParameterizedTest
    @MethodSource("overlayNames")
    void everyNamespacedObjectIsInTheNamespacePasserelle(String overlay) {
        for (var rendering : renderings(overlay).entrySet()) {
            for (ObjectNode object : rendering.getValue()) {
                if (!object.path("kind").asString().equals("Namespace")) {
                    assertThat(object.path("metadata").path("namespace").asString(""))
                            .as(overlay + " rendered by " + rendering.getKey() + ": " + Manifests.id(object)).isEqualTo("passerelle");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void everyVariableIsASettingTheServiceReadsAndNoRequiredOneIsMissing(String overlay) {
        for (var rendering : renderings(overlay).entrySet()) {
            List<String> problems = ConfigurationCoverage.problems(ROOT, rendering.getValue());
            assertThat(problems).as(overlay + " rendered by " + rendering.getKey()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void podsMeetTheRestrictedLevelAndShutDownGracefully(String overlay) {
        for (ObjectNode object : renderings(overlay).get("java")) {
            String kind = object.path("kind").asString();
            assertThat(kind).as("no Secret ships with the manifests").isNotEqualTo("Secret");
            if (!kind.equals("Deployment") && !kind.equals("Job")) {
                continue;
            }
            JsonNode pod = object.path("spec").path("template").path("spec");
            String id = Manifests.id(object);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean(false)).as(id).isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asString()).as(id).isEqualTo("RuntimeDefault");
            assertThat(pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)).as(id).isFalse();
            for (JsonNode volume : pod.path("volumes")) {
                assertThat(volume.has("hostPath")).as(id + " volume " + volume.path("name")).isFalse();
            }
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(id).isFalse();
                assertThat(security.path("capabilities").path("drop").toString()).as(id).contains("\"ALL\"");
                assertThat(security.path("capabilities").path("add").isEmpty()).as(id).isTrue();
                assertThat(security.path("privileged").asBoolean(false)).as(id).isFalse();
            }
            if (kind.equals("Deployment")) {
                JsonNode container = pod.path("containers").get(0);
                assertThat(container.path("startupProbe").path("httpGet").path("path").asString()).as(id).isEqualTo("/q/health/started");
                assertThat(container.path("ports").toString()).as(id).contains("\"name\":\"management\"");
                long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
                long shutdown = 0;
                for (JsonNode env : container.path("env")) {
                    if (env.path("name").asString().equals("QUARKUS_SHUTDOWN_TIMEOUT")) {
                        shutdown = Long.parseLong(env.path("value").asString().replace("s", ""));
                    }
                }
                assertThat(preStop).as(id + " preStop pause").isPositive();
                assertThat(shutdown).as(id + " QUARKUS_SHUTDOWN_TIMEOUT").isPositive();
                assertThat(pod.path("terminationGracePeriodSeconds").asLong()).as(id).isGreaterThan(preStop + shutdown);
            }
        }
    }

    @Test
    void productionScalesConsumersOnLagUpToThePartitionsAndWatchesTheManagementPort() {
        List<ObjectNode> objects = renderings("production").get("java");
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        objects.stream().filter(o -> o.path("kind").asString().equals("KafkaTopic"))
                .forEach(t -> topics.put(t.path("spec").path("topicName").asString(), t.path("spec")));
        // The six topics of the contract, a dead-letter topic for each, and passerelle.dead-letters.
        assertThat(topics).hasSize(13);
        for (JsonNode topic : topics.values()) {
            assertThat(topic.path("replicas").asInt()).isEqualTo(3);
            assertThat(topic.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(topic.path("config").path("cleanup.policy").asString()).isNotEmpty();
        }
        List<ObjectNode> scaledObjects = objects.stream().filter(o -> o.path("kind").asString().equals("ScaledObject")).toList();
        assertThat(scaledObjects).extracting(o -> o.path("metadata").path("name").asString())
                .containsExactlyInAnyOrder("graph-service", "advice-service");
        for (ObjectNode scaled : scaledObjects) {
            String service = scaled.path("metadata").path("name").asString();
            Map<String, String> triggered = new java.util.TreeMap<>();
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                JsonNode metadata = trigger.path("metadata");
                assertThat(trigger.path("type").asString()).isEqualTo("kafka");
                triggered.put(metadata.path("topic").asString(), metadata.path("consumerGroup").asString());
                assertThat(metadata.path("bootstrapServers").asString()).isNotEmpty();
                JsonNode topic = topics.get(metadata.path("topic").asString());
                assertThat(topic).as("KafkaTopic of trigger topic " + metadata.path("topic")).isNotNull();
                assertThat(scaled.path("spec").path("maxReplicaCount").asInt()).isEqualTo(topic.path("partitions").asInt());
            }
            // One trigger per consumed topic, on the group that consumes it: a topic the service starts consuming
            // scales it too.
            assertThat(triggered).as(service + "'s triggers (topic -> consumer group)")
                    .isEqualTo(ServiceSettings.of(ROOT, service).consumedTopics());
        }
        assertThat(objects).extracting(Manifests::id).contains(
                "HorizontalPodAutoscaler/passerelle/ingestion-service",
                "PodDisruptionBudget/passerelle/graph-service",
                "NetworkPolicy/passerelle/default-deny",
                "ServiceMonitor/passerelle/passerelle");
        ObjectNode monitor = objects.stream().filter(o -> o.path("kind").asString().equals("ServiceMonitor")).findFirst().orElseThrow();
        assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asString()).isEqualTo("management");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asString()).isEqualTo("/q/metrics");
        assertThat(objects).extracting(Manifests::id).doesNotContain("Job/passerelle/passerelle-create-topics");
    }

    @Test
    void eachServicesKafkaUserMayReadWhatItConsumesAndKedaMayReadItsGroups() {
        List<ObjectNode> objects = renderings("production with every component").get("java");
        Map<String, List<String>> kedaAcls = acls(kafkaUser(objects, "passerelle-keda"));
        for (String service : List.of("graph-service", "advice-service")) {
            Map<String, String> consumed = ServiceSettings.of(ROOT, service).consumedTopics();
            assertThat(consumed).as(service + " consumes").isNotEmpty();
            Map<String, List<String>> granted = acls(kafkaUser(objects, "passerelle-" + service));
            for (var entry : consumed.entrySet()) {
                String topic = entry.getKey();
                String group = entry.getValue();
                assertThat(granted.get("topic " + topic)).as(service + " on " + topic).contains("Read", "Describe", "DescribeConfigs");
                assertThat(granted.get("group " + group)).as(service + " in group " + group).contains("Read", "Describe");
                assertThat(granted.get("topic " + topic + ".dlq")).as(service + " dead-letters " + topic).contains("Write");
                assertThat(kedaAcls.get("group " + group)).as("KEDA reads the lag of " + group).contains("Describe");
            }
        }
        // With this component KEDA authenticates: every trigger names its credentials.
        objects.stream().filter(o -> o.path("kind").asString().equals("ScaledObject"))
                .forEach(scaled -> scaled.path("spec").path("triggers").forEach(trigger -> assertThat(
                        trigger.path("authenticationRef").path("name").asString())
                        .as(Manifests.id(scaled) + " trigger on " + trigger.path("metadata").path("topic").asString())
                        .isEqualTo("passerelle-kafka")));
    }

    /**
     * With {@code components/postgres-tls}, every service that has a database reaches it over TLS, verifying the server's
     * certificate against the mounted CA and its name: the reactive pool (and every connection made with its options) and
     * the migrations' JDBC connection alike. A service left out would send its rows in clear, or fail against a server that
     * requires TLS.
     */
    @Test
    void withPostgresTlsEveryServiceWithADatabaseVerifiesTheServer() {
        List<ObjectNode> objects = renderings("production with every component").get("java");
        List<String> withDatabase = new ArrayList<>();
        for (ObjectNode deployment : objects.stream().filter(o -> o.path("kind").asString().equals("Deployment")).toList()) {
            String service = deployment.path("metadata").path("name").asString();
            String database = Optional.ofNullable(ServiceSettings.of(ROOT, service).values.get("quarkus.datasource.reactive.url"))
                    .map(url -> url.substring(url.lastIndexOf('/') + 1)).orElse(null);
            if (database == null) {
                continue;
            }
            withDatabase.add(service);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            Map<String, String> env = new LinkedHashMap<>();
            container.path("env").forEach(variable -> env.put(variable.path("name").asString(), variable.path("value").asString(null)));
            String ca = "/etc/passerelle/postgres-ca/ca.crt";
            assertThat(env).as(service)
                    .containsEntry("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE", "verify-full")
                    .containsEntry("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM", "true")
                    .containsEntry("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS", ca)
                    .containsEntry("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM", "HTTPS")
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://$(POSTGRES_HOST):$(POSTGRES_PORT)/" + database
                            + "?sslmode=verify-full&sslrootcert=" + ca);
            List<String> mounts = new ArrayList<>();
            container.path("volumeMounts").forEach(mount -> mounts.add(mount.path("name").asString() + " at " + mount.path("mountPath").asString()));
            assertThat(mounts).as(service).contains("postgres-ca at /etc/passerelle/postgres-ca");
            List<String> secrets = new ArrayList<>();
            pod.path("volumes").forEach(volume -> secrets.add(volume.path("name").asString() + " from " + volume.path("secret").path("secretName").asString()));
            assertThat(secrets).as(service).contains("postgres-ca from passerelle-postgres-ca");
        }
        assertThat(withDatabase).containsExactlyInAnyOrder("ingestion-service", "graph-service", "advice-service");
    }

    private static ObjectNode kafkaUser(List<ObjectNode> objects, String name) {
        return objects.stream().filter(o -> o.path("kind").asString().equals("KafkaUser"))
                .filter(o -> o.path("metadata").path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + name));
    }

    /** A KafkaUser's literal ACLs: "topic name" or "group name" -> the operations allowed. */
    private static Map<String, List<String>> acls(ObjectNode user) {
        Map<String, List<String>> acls = new LinkedHashMap<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            if (!resource.path("patternType").asString().equals("literal")) {
                continue;
            }
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asString()));
            acls.computeIfAbsent(resource.path("type").asString() + " " + resource.path("name").asString(), key -> new ArrayList<>())
                    .addAll(operations);
        }
        return acls;
    }

    @Test
    void theJavaRendererAgreesWithKubectl() {
        Optional<Path> kubectl = OverlayRendering.kubectl();
        org.junit.jupiter.api.Assumptions.assumeTrue(kubectl.isPresent(),
                "kubectl is not on the PATH: the other tests checked the Java rendering alone");
        for (var overlay : overlays().entrySet()) {
            List<ObjectNode> java = renderings(overlay.getKey()).get("java");
            List<ObjectNode> reference = renderings(overlay.getKey()).get("kubectl");
            assertThat(java).extracting(Manifests::id).as(overlay.getKey())
                    .containsExactlyInAnyOrderElementsOf(reference.stream().map(Manifests::id).toList());
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            reference.forEach(o -> byId.put(Manifests.id(o), o));
            for (ObjectNode object : java) {
                assertThat(object).as(overlay.getKey() + " " + Manifests.id(object)).isEqualTo(byId.get(Manifests.id(object)));
            }
        }
    }
}
