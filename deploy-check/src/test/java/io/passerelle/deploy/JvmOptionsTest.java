package io.passerelle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One set of JVM options everywhere a service runs: {@code deploy/jvm.options} is what the run command
 * starts the services with (local-stack's ServiceProcess reads it), each image's {@code JAVA_OPTS}
 * starts with exactly those options, and no manifest overrides them, so that the memory measured by
 * the benchmark is the memory a pod uses.
 */
class JvmOptionsTest {
    private static final Path ROOT = Manifests.root();
    private static final List<String> SERVICES = List.of("ingestion-service", "graph-service", "advice-service");
    /** Variables through which a manifest would replace or add to the image's options. */
    private static final Set<String> OVERRIDES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS", "JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX");
    private static final Pattern ENV_LINE = Pattern.compile("^ENV\\s+(\\w+)=(\"[^\"]*\"|\\S+)\\s*$", Pattern.MULTILINE);

    static List<String> shippedOptions() throws IOException {
        return Files.readAllLines(ROOT.resolve("deploy/jvm.options")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).flatMap(line -> Stream.of(line.split("\\s+"))).toList();
    }

    /** The value an {@code ENV NAME=value} line of a Dockerfile gives, quotes removed. */
    static String env(String dockerfile, String name) {
        Matcher line = ENV_LINE.matcher(dockerfile);
        while (line.find()) {
            if (line.group(1).equals(name)) {
                return line.group(2).replaceAll("^\"|\"$", "");
            }
        }
        throw new IllegalArgumentException("no ENV " + name);
    }

    @Test
    void theShippedOptionsBoundHeapMetadataAndCode() throws IOException {
        assertThat(shippedOptions()).anyMatch(o -> o.startsWith("-Xmx")).anyMatch(o -> o.startsWith("-XX:MaxMetaspaceSize="))
                .anyMatch(o -> o.startsWith("-XX:ReservedCodeCacheSize=")).anyMatch(o -> o.startsWith("-XX:MaxDirectMemorySize="))
                .contains("-XX:+ExitOnOutOfMemoryError");
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachImageRunsTheShippedOptions(String service) throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        List<String> javaOpts = List.of(env(dockerfile, "JAVA_OPTS").split("\\s+"));
        List<String> shipped = shippedOptions();
        assertThat(javaOpts.subList(0, Math.min(shipped.size(), javaOpts.size()))).as(service + " JAVA_OPTS").isEqualTo(shipped);
        assertThat(javaOpts.subList(shipped.size(), javaOpts.size())).as(service + ": only system properties follow")
                .allMatch(option -> option.startsWith("-D"));
        assertThat(env(dockerfile, "MALLOC_ARENA_MAX")).as(service).isEqualTo("2");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noManifestOverridesTheImagesOptions(String overlay) {
        List<String> overrides = new ArrayList<>();
        for (ObjectNode object : JavaKustomize.render(RenderedOverlaysTest.overlays().get(overlay))) {
            if (!object.path("kind").asString().equals("Deployment")) {
                continue;
            }
            for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if (OVERRIDES.contains(env.path("name").asString())) {
                        overrides.add(Manifests.id(object) + " sets " + env.path("name").asString());
                    }
                }
                long request = mebibytes(container.path("resources").path("requests").path("memory").asString());
                long limit = mebibytes(container.path("resources").path("limits").path("memory").asString());
                // MemoryFootprintBenchmarkIT measured graph-service at about 400 MiB resident under load.
                assertThat(request).as(Manifests.id(object) + ": the request covers the resident memory measured").isGreaterThanOrEqualTo(384);
                assertThat(limit).as(Manifests.id(object) + ": the limit leaves room above the request").isGreaterThan(request);
            }
        }
        assertThat(overrides).isEmpty();
    }

    private static long mebibytes(String quantity) {
        assertThat(quantity).matches("\\d+Mi");
        return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }

    @Test
    void aDockerfileWithoutTheVariableIsNoticed() {
        assertThat(env("FROM x\nENV A=\"-Xmx1m -Dy=z\"\nENV B=2\n", "A")).isEqualTo("-Xmx1m -Dy=z");
        assertThatThrownBy(() -> env("FROM x\nENV JAVA_OPTS_APPEND=\"-Xmx1m\"\n", "JAVA_OPTS")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<String> services() {
        return SERVICES.stream();
    }

    static Stream<String> overlays() {
        return RenderedOverlaysTest.overlayNames();
    }
}
