package io.passerelle.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) in a JVM of its own,
 * on free loopback ports, with its data in a fresh directory.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final List<String> command;
    private final String bootstrapServers;
    private final String saslBootstrapServers;
    private final Path logFile;
    private Process process;

    private KafkaBroker(List<String> command, String bootstrapServers, String saslBootstrapServers, Path logFile) {
        this.command = command;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
        this.logFile = logFile;
    }

    /**
     * Starts a broker whose files live under {@code workDirectory}, and waits until it answers. Logs
     * already in {@code workDirectory/data} (a directory kept from an earlier run) are reused, with the
     * cluster id they were formatted with; the ports are fresh either way.
     */
    public static KafkaBroker start(Path workDirectory) {
        return start(workDirectory, null);
    }

    /** Like {@link #start(Path)}, with a listener on which clients authenticate as {@code sasl}'s user when it is given. */
    public static KafkaBroker start(Path workDirectory, KafkaSasl sasl) {
        try {
            Files.createDirectories(workDirectory);
            Path data = workDirectory.resolve("data");
            awaitReleased(data);
            int brokerPort = FreePorts.next();
            int controllerPort = FreePorts.next();
            int saslPort = sasl == null ? 0 : FreePorts.next();
            Path properties = workDirectory.resolve("server.properties");
            Files.writeString(properties, serverProperties(data, brokerPort, controllerPort, saslPort, sasl));
            Path logFile = workDirectory.resolve("kafka.log");
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djava.awt.headless=true", "-Dlog4j2.level=WARN",
                    "-cp", brokerClasspath(), KafkaBrokerProcess.class.getName(),
                    properties.toString(), clusterIdOf(data).orElseGet(() -> Uuid.randomUuid().toString())));
            KafkaBroker broker = new KafkaBroker(List.copyOf(command), "127.0.0.1:" + brokerPort,
                    sasl == null ? null : "127.0.0.1:" + saslPort, logFile);
            broker.restart();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker", e);
        }
    }

    /**
     * Starts the broker again (after {@link #stop()}) on the same ports and data directory: records
     * acknowledged before the stop are still there, as after a real broker restart.
     */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker", e);
        }
        awaitReady();
    }

    /** Stops the broker gracefully (SIGTERM: it flushes and closes its logs), keeping its data. */
    public synchronized void stop() {
        close();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The listener on which clients authenticate ({@link #start(Path, KafkaSasl)}); empty without one. */
    public java.util.Optional<String> saslBootstrapServers() {
        return java.util.Optional.ofNullable(saslBootstrapServers);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + ":\n" + logTail());
            }
            try (Admin admin = Admin.create(config)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                sleep(Duration.ofMillis(300));
            }
        }
        close();
        throw new IllegalStateException("The Kafka broker did not answer within " + STARTUP_TIMEOUT + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * A broker holds an operating-system lock on {@code .lock} in its log directory. The broker of a
     * run that crashed ends by itself once its parent is gone (see {@link KafkaBrokerProcess}), and
     * the lock with it, but not necessarily before the next run starts: wait for that, briefly.
     */
    private static void awaitReleased(Path logDirectory) throws IOException {
        Path lockFile = logDirectory.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
            while (true) {
                try (java.nio.channels.FileLock probe = channel.tryLock()) {
                    if (probe != null) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Another Kafka broker still holds " + lockFile + " after 30 s; stop it and start again");
                }
                sleep(Duration.ofMillis(200)); // the earlier broker is exiting: nothing to be notified by but the lock itself
            }
        }
    }

    /** The cluster id the log directory was formatted with, if it was. */
    static java.util.Optional<String> clusterIdOf(Path logDirectory) throws IOException {
        Path meta = logDirectory.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return java.util.Optional.empty();
        }
        Properties formatted = new Properties();
        try (var in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            formatted.load(in);
        }
        return java.util.Optional.ofNullable(formatted.getProperty("cluster.id"));
    }

    static String serverProperties(Path dataDirectory, int brokerPort, int controllerPort, int saslPort, KafkaSasl sasl) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String saslListener = sasl == null ? "" : "," + KafkaSasl.LISTENER + "://127.0.0.1:" + saslPort;
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + saslListener + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + saslListener);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (sasl == null ? "" : "," + KafkaSasl.LISTENER + ":" + KafkaSasl.LISTENER));
        if (sasl != null) {
            sasl.brokerConfiguration().forEach(p::setProperty);
        }
        p.setProperty("log.dirs", dataDirectory.toString());
        p.setProperty("num.partitions", "3");
        // Topics are created explicitly (TopicCatalog), as in production: a misspelt topic fails loudly.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // A single local consumer should not wait three seconds for a rebalance that has no one to wait for.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Compaction of the ties topic is visible in minutes, not days.
        p.setProperty("log.cleaner.backoff.ms", "5000");
        StringBuilder text = new StringBuilder("# Generated by Passerelle's local stack\n");
        p.stringPropertyNames().stream().sorted().forEach(key -> text.append(key).append('=').append(p.getProperty(key)).append('\n'));
        return text.toString();
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath is missing: build the local-stack module with Maven");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String self = Path.of(codeLocation()).toString();
            return self + java.io.File.pathSeparator + dependencies;
        }
    }

    private static java.net.URI codeLocation() {
        try {
            return KafkaBrokerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
