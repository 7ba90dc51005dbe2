package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.FreePorts;
import io.passerelle.localstack.ServiceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A service started by a JVM that is ended with SIGTERM (Maven ending a test JVM at a timeout or on
 * Ctrl-C) stops with it instead of running on, holding its ports and a share of the processor.
 */
class ServiceAtExitIT {
    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("service-at-exit");

    private static final String PID_LINE = "service pid ";

    @Test
    void aServiceStartedByAJvmEndedWithSigtermStopsWithIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StartsAServiceAndWaits.class.getName(), PasserelleSystem.PROJECT.toString(),
                PasserelleSystem.PROJECT.resolve("end-to-end-tests/target/end-to-end/logs/service-at-exit").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(system.stack().serviceEnvironment());
        Process starter = builder.start();
        Optional<ProcessHandle> service = Optional.empty();
        try {
            CompletableFuture<Long> pid = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(starter.getInputStream(), StandardCharsets.UTF_8))) {
                    StringBuilder output = new StringBuilder();
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith(PID_LINE)) {
                            return Long.parseLong(line.substring(PID_LINE.length()).strip());
                        }
                        output.append(line).append('\n');
                    }
                    throw new IllegalStateException("The starter ended without starting the service:\n" + output);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            service = ProcessHandle.of(pid.get(3, TimeUnit.MINUTES));
            assertThat(service).as("the service's process").isPresent();
            assertThat(service.get().isAlive()).isTrue();

            starter.destroy();

            assertThat(starter.waitFor(90, TimeUnit.SECONDS)).as("the starting JVM ended").isTrue();
            // Its shutdown hook waited for the service, which Quarkus stops within seconds; a few more for the kernel's account.
            assertThat(service.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get())
                    .as("the service ended with the JVM that started it").isNotNull();
            assertThat(service.get().isAlive()).isFalse();
        } finally {
            starter.destroyForcibly();
            service.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The JVM the test ends: starts ingestion-service with the stack's settings it was given, prints its pid and waits. */
    static final class StartsAServiceAndWaits {
        public static void main(String[] args) throws Exception {
            // The environment (the stack's settings) is inherited by the service, as ProcessBuilder does.
            ServiceProcess service = ServiceProcess.start(Path.of(args[0]).resolve("ingestion-service"), FreePorts.next(), Map.of(),
                    Path.of(args[1]));
            System.out.println(PID_LINE + service.pid());
            System.out.flush();
            // Waits to be ended by the test's SIGTERM, which is what is tested; the bound only keeps a test that never sends it
            // from leaving this JVM behind.
            new CountDownLatch(1).await(10, TimeUnit.MINUTES);
            service.close();
        }
    }
}
