package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JVM's shared stack is one across class loaders, as a module's tests need it to be across their
 * Quarkus test profiles, each of which loads the application and the local stack again.
 */
class SharedLocalStackTest {
    @Test
    void aSecondClassLoaderUsesTheServersTheFirstStartedWithItsOwnTokenIssuer() throws Exception {
        LocalStack first = LocalStack.shared();
        // Parent-last in effect: only the platform's classes are shared, as between two Quarkus applications.
        try (URLClassLoader other = new URLClassLoader(classpath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> otherLocalStack = other.loadClass(LocalStack.class.getName());
            assertThat(otherLocalStack).isNotSameAs(LocalStack.class);

            Object second = otherLocalStack.getMethod("shared").invoke(null);

            assertThat(otherLocalStack.getMethod("kafkaBootstrapServers").invoke(second)).isEqualTo(first.kafkaBootstrapServers());
            assertThat(otherLocalStack.getMethod("jdbcUrl", String.class).invoke(second, "graph")).isEqualTo(first.jdbcUrl("graph"));
            // The servers belong to the class loader that started them: it alone stops and restarts them.
            assertThat((Optional<?>) otherLocalStack.getMethod("embeddedKafka").invoke(second)).isEmpty();
            assertThat((Optional<?>) otherLocalStack.getMethod("embeddedPostgres").invoke(second)).isEmpty();
            assertThat(first.embeddedKafka()).isPresent();

            @SuppressWarnings("unchecked")
            Map<String, String> secondConfiguration = (Map<String, String>) otherLocalStack.getMethod("serviceConfiguration").invoke(second);
            Map<String, String> firstConfiguration = first.serviceConfiguration();
            for (String key : new String[] {"kafka.bootstrap.servers", "postgres.host", "postgres.port", "postgres.user", "postgres.password"}) {
                assertThat(secondConfiguration).containsEntry(key, firstConfiguration.get(key));
            }
            // Tests in the second class loader sign with that loader's issuer: the service must trust its key.
            assertThat(secondConfiguration.get("mp.jwt.verify.publickey.location"))
                    .isNotEqualTo(firstConfiguration.get("mp.jwt.verify.publickey.location"));
        }
    }

    private static URL[] classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(entry -> {
            try {
                return new File(entry).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }
}
