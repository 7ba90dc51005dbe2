package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.security.IssueLocalTokens;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml read without a Docker engine: `docker compose up` must start as documented,
 * with nothing to set beforehand, on the PostgreSQL major version the tests run on, and with the
 * services trusting the key pair the {@code keys} step makes before they start.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> SERVICES = List.of("ingestion-service", "graph-service", "advice-service");
    /** Settings whose application.properties default is only right on a developer's machine. */
    private static final List<String> DEPLOYMENT_SETTINGS = List.of("kafka.bootstrap.servers", "postgres.host", "postgres.port",
            "postgres.user", "postgres.password", "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}}… as compose interpolates them ({@code $$} escapes). */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    private static final Pattern DEFAULT = Pattern.compile("^:?-(.*)$");

    private final Map<String, Object> compose = load();

    @Test
    void postgresRunsTheMajorVersionOfTheTests() {
        String image = (String) service("postgres").get("image");
        assertThat(image).startsWith("postgres:");
        String tag = image.substring("postgres:".length());
        assertThat(tag.split("[.-]")[0]).as("major version of " + image).isEqualTo(Integer.toString(PostgresServer.MAJOR_VERSION));
    }

    @Test
    void postgresHasTheCacheOfTheTests() {
        assertThat(service("postgres").get("command")).as("postgres' command")
                .isEqualTo(List.of("postgres", "-c", "shared_buffers=" + PostgresServer.SHARED_BUFFERS));
    }

    @Test
    void nothingHasToBeSetBeforeComposeUp() {
        Matcher interpolations = INTERPOLATION.matcher(text());
        while (interpolations.find()) {
            assertThat(interpolations.group(2)).as("${%s%s} needs a default: compose must start with nothing set",
                    interpolations.group(1), interpolations.group(2)).matches(DEFAULT);
        }
    }

    @Test
    void everyServiceContainerGetsEverySettingItNeeds() throws IOException {
        for (String name : SERVICES) {
            Map<String, String> environment = environmentOf(name);
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(ROOT.resolve(name).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            }
            Set<String> needed = new LinkedHashSet<>();
            DEPLOYMENT_SETTINGS.stream().filter(properties::containsKey)
                    .map(key -> key.toUpperCase().replace('.', '_')).forEach(needed::add);
            // Settings read from an environment variable by name, ${GRAPH_URL:…}: their defaults are localhost too.
            for (Object value : properties.values()) {
                Matcher variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(value.toString());
                while (variable.find()) {
                    needed.add(variable.group(1));
                }
            }
            needed.add("QUARKUS_HTTP_PORT");
            assertThat(environment).as(name + "'s environment").containsKeys(needed.toArray(String[]::new));
            assertThat(environment.values()).as(name + "'s environment").doesNotContain("", "null");
        }
    }

    @Test
    void theKeysStepRunsFirstAndTheServicesTrustItsPublicKey() {
        Map<String, Object> keys = service("keys");
        List<String> entrypoint = strings(keys.get("entrypoint"));
        String keyDirectory = entrypoint.get(entrypoint.size() - 1);
        assertThat(entrypoint.get(entrypoint.size() - 2)).isEqualTo(IssueLocalTokens.class.getName());
        List<String> keysVolumes = strings(keys.get("volumes"));
        assertThat(keysVolumes).contains("platform-keys:" + keyDirectory,
                "./local-stack/target/classes:/opt/passerelle/classes:ro", "./local-stack/target/token-issuer-lib:/opt/passerelle/lib:ro");
        assertThat(entrypoint).contains("/opt/passerelle/classes:/opt/passerelle/lib/*");
        assertThat(ROOT.resolve("local-stack/target/token-issuer-lib")).as("copied by the build").isDirectory();
        assertThat(keys.get("restart")).isEqualTo("no");
        assertThat(mapOf(compose.get("volumes"))).containsKey("platform-keys");

        for (String name : SERVICES) {
            Map<String, Object> service = service(name);
            assertThat(mapOf(mapOf(service.get("depends_on")).get("keys")))
                    .as(name + " starts once the key pair exists").containsEntry("condition", "service_completed_successfully");
            assertThat(strings(service.get("volumes"))).as(name + " reads the public key").contains("platform-keys:" + keyDirectory + ":ro");
            Map<String, String> environment = environmentOf(name);
            assertThat(defaultOf(environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")))
                    .isEqualTo(keyDirectory + "/" + LocalTokenIssuer.PUBLIC_KEY_FILE);
            assertThat(defaultOf(environment.get("MP_JWT_VERIFY_ISSUER"))).isEqualTo(LocalTokenIssuer.ISSUER);
        }
    }

    private Map<String, String> environmentOf(String name) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        mapOf(service(name).get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    private static String defaultOf(String value) {
        Matcher interpolation = INTERPOLATION.matcher(value);
        if (!interpolation.matches()) {
            return value;
        }
        Matcher fallback = DEFAULT.matcher(interpolation.group(2));
        assertThat(fallback.matches()).as(value + " has a default").isTrue();
        return fallback.group(1);
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> service = mapOf(mapOf(compose.get("services")).get(name));
        assertThat(service).as("service " + name).isNotNull();
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object node) {
        return ((List<Object>) node).stream().map(String::valueOf).toList();
    }

    private static String text() {
        try {
            return Files.readString(ROOT.resolve("docker-compose.yml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SnakeYAML resolves the file's {@code <<} merge keys as compose does (Jackson's YAML reader would not). */
    private static Map<String, Object> load() {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text());
    }
}
