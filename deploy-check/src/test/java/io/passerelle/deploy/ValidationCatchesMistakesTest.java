package io.passerelle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The checks fail on broken objects and environments: a check that cannot fail proves nothing. */
class ValidationCatchesMistakesTest {
    private static ObjectNode first(String kind) {
        return JavaKustomize.render(Manifests.kubernetes().resolve("overlays/production")).stream()
                .filter(o -> o.path("kind").asString().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void aMisspeltDeploymentFieldIsRefused() {
        ObjectNode deployment = first("Deployment");
        ObjectNode spec = (ObjectNode) deployment.get("spec");
        spec.put("replica", 2);
        assertThat(ManifestSchemas.get().validate(deployment)).anySatisfy(p -> assertThat(p).contains("replica"));
    }

    @Test
    void aPortOfTheWrongTypeIsRefused() {
        ObjectNode deployment = first("Deployment");
        ObjectNode port = (ObjectNode) deployment.at("/spec/template/spec/containers/0/ports/0");
        port.put("containerPort", "eight thousand");
        assertThat(ManifestSchemas.get().validate(deployment)).anySatisfy(p -> assertThat(p).contains("containerPort"));
    }

    @Test
    void customResourcesAreCheckedAgainstTheirCrds() {
        ObjectNode scaled = first("ScaledObject");
        ((ObjectNode) scaled.get("spec")).put("maxReplicaCount", "six");
        assertThat(ManifestSchemas.get().validate(scaled)).anySatisfy(p -> assertThat(p).contains("maxReplicaCount"));

        ObjectNode topic = first("KafkaTopic");
        ((ObjectNode) topic.get("spec")).put("partition", 6);
        assertThat(ManifestSchemas.get().validate(topic)).anySatisfy(p -> assertThat(p).contains("partition"));

        ObjectNode monitor = first("ServiceMonitor");
        ((ObjectNode) monitor.at("/spec/endpoints/0")).put("interval", 30);
        assertThat(ManifestSchemas.get().validate(monitor)).anySatisfy(p -> assertThat(p).contains("interval"));
    }

    @Test
    void aKindWithoutASchemaIsAnErrorNotAPass() {
        ObjectNode unknown = first("Deployment");
        unknown.put("apiVersion", "apps/v1beta1");
        assertThat(ManifestSchemas.get().validate(unknown)).singleElement().satisfies(p -> assertThat(p).contains("no schema"));
    }

    @Test
    void aValidObjectPasses() {
        assertThat(ManifestSchemas.get().validate(first("Deployment"))).isEmpty();
    }

    @Test
    void aVariableTheServiceDoesNotReadAndAMissingRequiredOneAreReported() {
        ServiceSettings graph = ServiceSettings.of(Manifests.root(), "graph-service");
        Set<String> complete = Set.of("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST", "POSTGRES_USER", "POSTGRES_PASSWORD",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "PASSERELLE_GRAPH_SWEEP_EVERY", "QUARKUS_SHUTDOWN_TIMEOUT");
        assertThat(ConfigurationCoverage.check(graph, "graph", complete)).isEmpty();

        java.util.Set<String> misspelt = new java.util.HashSet<>(complete);
        misspelt.add("POSTGRES_HOSTNAME");
        assertThat(ConfigurationCoverage.check(graph, "graph", misspelt)).singleElement()
                .satisfies(p -> assertThat(p).contains("POSTGRES_HOSTNAME"));

        java.util.Set<String> missing = new java.util.HashSet<>(complete);
        missing.remove("POSTGRES_HOST");
        assertThat(ConfigurationCoverage.check(graph, "graph", missing)).singleElement()
                .satisfies(p -> assertThat(p).contains("POSTGRES_HOST"));

        ServiceSettings ingestion = ServiceSettings.of(Manifests.root(), "ingestion-service");
        assertThat(ConfigurationCoverage.check(ingestion, "ingestion", Set.of("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST",
                "POSTGRES_USER", "POSTGRES_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "ADVICE_URL")))
                .singleElement().satisfies(p -> assertThat(p).contains("GRAPH_URL"));
    }

    @Test
    void theJavaRendererRefusesWhatItDoesNotUnderstand(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nhelmCharts: []\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JavaKustomize.render(dir))
                .hasMessageContaining("helmCharts");
    }
}
