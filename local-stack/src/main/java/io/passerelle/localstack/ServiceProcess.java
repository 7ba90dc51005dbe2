package io.passerelle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A packaged Passerelle service ({@code target/quarkus-app/quarkus-run.jar}) running as a process of its own. */
public final class ServiceProcess implements AutoCloseable {
    /** Where the project keeps the JVM options the services ship with (relative to the project directory). */
    public static final String JVM_OPTIONS_FILE = "deploy/jvm.options";
    /**
     * glibc's malloc keeps up to 8 arenas per core, each holding freed memory: two bound the native memory the JVM's
     * threads leave behind. The container images set the same.
     */
    public static final Map<String, String> MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The services this JVM started and has not closed, stopped when it exits (normally, or on SIGTERM: a test JVM that Maven
     * ends at a timeout or on Ctrl-C) if nothing stopped them before, so that they never outlive it holding
     * their ports and a share of the processor. Only SIGKILL leaves them running.
     */
    private static final Set<ServiceProcess> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::stopAllAtExit, "service-processes-stop"));
    }

    private final String name;
    private final ProcessBuilder builder;
    private final URI baseUri;
    private final URI managementUri;
    private final Path logFile;
    private volatile Process process;

    private ServiceProcess(String name, ProcessBuilder builder, URI baseUri, URI managementUri, Path logFile) {
        this.name = name;
        this.builder = builder;
        this.baseUri = baseUri;
        this.managementUri = managementUri;
        this.logFile = logFile;
    }

    /**
     * Starts {@code <moduleDirectory>/target/quarkus-app/quarkus-run.jar} on {@code port}, its
     * management interface (metrics) on a free loopback port, so that several services and several
     * test JVMs on one machine never clash, with the stack's environment; waits until
     * {@code /q/health/ready} answers 200.
     */
    public static ServiceProcess start(Path moduleDirectory, int port, Map<String, String> environment, Path logDirectory) {
        return start(moduleDirectory, port, FreePorts.next(), environment, logDirectory);
    }

    /** As {@link #start(Path, int, Map, Path)}, with the management interface on {@code managementPort}. */
    public static ServiceProcess start(Path moduleDirectory, int port, int managementPort, Map<String, String> environment,
            Path logDirectory) {
        String name = moduleDirectory.getFileName().toString();
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn package)");
        }
        try {
            Files.createDirectories(logDirectory);
            Path logFile = logDirectory.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Stream.of(List.of(KafkaBroker.javaExecutable()),
                    jvmOptions(moduleDirectory.toAbsolutePath().getParent()), List.of("-jar", jar.toString())).flatMap(List::stream).toList())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(MEMORY_ENVIRONMENT);
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            ServiceProcess service = new ServiceProcess(name, builder, URI.create("http://127.0.0.1:" + port + "/"),
                    URI.create("http://127.0.0.1:" + managementPort + "/"), logFile);
            service.restart();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** The options of {@value #JVM_OPTIONS_FILE}: one or more per line, {@code #} starting a comment line. */
    public static List<String> jvmOptions(Path projectDirectory) {
        Path file = projectDirectory.resolve(JVM_OPTIONS_FILE);
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(line -> Stream.of(line.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the services' JVM options from " + file, e);
        }
    }

    /** Starts the service again (after {@link #kill()} or {@link #close()}) and waits until it is ready. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        STARTED.add(this);
        awaitReady();
    }

    /** Ends the service at once with SIGKILL, as a crash would: no shutdown hook, no offset commit, no connection closed. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The management interface's base URI ({@code q/metrics} under it). */
    public URI managementUri() {
        return managementUri;
    }

    /** The Prometheus endpoint, on the management interface. */
    public URI metricsUri() {
        return managementUri.resolve("q/metrics");
    }

    /** The operating system's id of the current process: a test compares it before and after a fault to show that nothing restarted the service. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Sends every service still running SIGTERM at once, then waits for each as {@link #close()} does: not
     * one after the other, each a Quarkus shutdown long. A service paused with SIGSTOP acts on it only when
     * resumed, so it is killed when the wait ends.
     */
    private static void stopAllAtExit() {
        for (ServiceProcess service : STARTED) {
            Process running = service.process;
            if (running != null && running.isAlive()) {
                running.destroy();
            }
        }
        STARTED.forEach(ServiceProcess::close);
    }

    /** Stops gracefully (SIGTERM, so Quarkus commits offsets and closes pools), forcibly after 30 s. */
    @Override
    public synchronized void close() {
        STARTED.remove(this); // until started again
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
