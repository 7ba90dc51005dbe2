package io.passerelle.localstack;

import io.passerelle.localstack.security.LocalTokenIssuer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka and PostgreSQL for Passerelle's services: started here on loopback, or, when the environment
 * names external servers ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code POSTGRES_HOST}), those instead.
 * Either way it hands out the same configuration keys the services read.
 */
public final class LocalStack implements AutoCloseable {
    /** The databases of the services that persist state, one per service. */
    public static final List<String> DATABASES = List.of("ingestion", "graph", "advice");
    public static final String DATABASE_USER = "passerelle";
    public static final String DATABASE_PASSWORD = "passerelle";

    private static LocalStack shared;

    private final WorkDirectory workDirectory;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final String bootstrapServers;
    private final String postgresHost;
    private final int postgresPort;
    private final String postgresUser;
    private final String postgresPassword;
    private final LocalTokenIssuer tokenIssuer;
    private final PostgresTls postgresTls;
    private final KafkaSasl kafkaSasl;

    private LocalStack(WorkDirectory workDirectory, KafkaBroker kafka, PostgresServer postgres, String bootstrapServers,
                       String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
                       LocalTokenIssuer tokenIssuer, PostgresTls postgresTls, KafkaSasl kafkaSasl) {
        this.workDirectory = workDirectory;
        this.kafka = kafka;
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        this.postgresUser = postgresUser;
        this.postgresPassword = postgresPassword;
        this.tokenIssuer = tokenIssuer;
        this.postgresTls = postgresTls;
        this.kafkaSasl = kafkaSasl;
    }

    /**
     * How the embedded servers are reached: by default as the local run does, in clear and without credentials; for a test,
     * as production's secured servers are (deploy's {@code postgres-tls} and {@code kafka-scram-tls} components).
     *
     * @param postgresTls PostgreSQL accepts encrypted connections only, and the services verify it ({@link PostgresTls})
     * @param kafkaSasl   the services reach Kafka through a listener on which they must authenticate ({@link KafkaSasl})
     */
    public record Security(boolean postgresTls, boolean kafkaSasl) {
        public static final Security NONE = new Security(false, false);
    }

    /**
     * Starts what the environment does not provide, throw-away: files go under a new directory in
     * {@code parent}, deleted on {@link #close()}; PostgreSQL runs without fsync
     * ({@link PostgresServer.Durability#THROW_AWAY}); the services trust {@link LocalTokenIssuer#local()}.
     */
    public static LocalStack start(Path parent, Map<String, String> environment) {
        return start(parent, environment, Security.NONE);
    }

    /** Like {@link #start(Path, Map)}, with the embedded servers reached as {@code security} says. */
    public static LocalStack start(Path parent, Map<String, String> environment, Security security) {
        return start(WorkDirectory.create(parent), PostgresServer.Durability.THROW_AWAY, LocalTokenIssuer.local(), environment, security);
    }

    /**
     * Starts what the environment does not provide on the data kept in {@code dataDirectory} (created
     * when missing, never deleted): Kafka's logs in {@code kafka/data}, PostgreSQL's cluster in
     * {@code postgres/data} with fsync and synchronous_commit on, and the token issuer's key pair in
     * {@code keys}, so that tokens signed by an earlier run stay valid. On a later start everything is
     * reused as it is; the ports are fresh. Fails when another run holds the directory.
     */
    public static LocalStack startKeeping(Path dataDirectory, Map<String, String> environment) {
        WorkDirectory kept = WorkDirectory.kept(dataDirectory);
        try {
            return start(kept, PostgresServer.Durability.DURABLE, LocalTokenIssuer.keptIn(dataDirectory.resolve("keys")), environment, Security.NONE);
        } catch (RuntimeException e) {
            closeQuietly(kept);
            throw e;
        }
    }

    private static LocalStack start(WorkDirectory work, PostgresServer.Durability durability, LocalTokenIssuer tokenIssuer,
                                    Map<String, String> environment, Security security) {
        Path workDirectory = work.path();
        KafkaBroker kafka = null;
        PostgresServer postgres = null;
        try {
            String bootstrapServers = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            KafkaSasl sasl = null;
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                sasl = security.kafkaSasl() ? KafkaSasl.forRun() : null;
                kafka = KafkaBroker.start(workDirectory.resolve("kafka"), sasl);
                bootstrapServers = kafka.bootstrapServers();
            }
            TopicCatalog.createAll(bootstrapServers);

            String host = environment.get("POSTGRES_HOST");
            int port;
            String user = environment.getOrDefault("POSTGRES_USER", DATABASE_USER);
            String password = environment.getOrDefault("POSTGRES_PASSWORD", DATABASE_PASSWORD);
            PostgresTls tls = null;
            if (host == null || host.isBlank()) {
                tls = security.postgresTls() ? PostgresTls.createIn(workDirectory.resolve("postgres-tls")) : null;
                postgres = PostgresServer.start(workDirectory.resolve("postgres"), durability, tls);
                host = "127.0.0.1";
                port = postgres.port();
                PostgresServer.createDatabases(postgres.superuserJdbcUrl(), "postgres", "", user, password, DATABASES);
            } else {
                port = Integer.parseInt(environment.getOrDefault("POSTGRES_PORT", "5432"));
            }
            return new LocalStack(work, kafka, postgres, bootstrapServers, host, port, user, password, tokenIssuer, tls, sasl);
        } catch (RuntimeException e) {
            closeQuietly(kafka);
            closeQuietly(postgres);
            closeQuietly(work);
            throw e;
        }
    }

    /**
     * One stack per JVM, stopped when the JVM exits: every test class of a module shares it, whatever its
     * test profile. A profile runs the application, and with it this class, in a class loader of its own,
     * where the static field starts out empty; the servers started first are therefore also named in
     * system properties ({@link SharedServers}), and a later class loader uses them, with its own
     * {@link LocalTokenIssuer#local()}, instead of starting a broker and a database of its own. Such a
     * stack has no {@link #embeddedKafka()} or {@link #embeddedPostgres()}: only the class loader that
     * started the servers controls them. Quarkus runs test classes one at a time, so two class loaders
     * never start the shared servers at once.
     */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = SharedServers.published().map(LocalStack::using).orElseGet(LocalStack::startShared);
        }
        return shared;
    }

    /**
     * A throw-away stack for tests ({@link #start(Path, Map)}) under {@code passerelle-local-stack} in the system's
     * temporary directory, or the servers the process's environment names.
     */
    public static LocalStack startForTests() {
        return startForTests(Security.NONE);
    }

    /**
     * Like {@link #startForTests()}, with the embedded servers reached as {@code security} says (an external server the
     * environment names is used as it is).
     */
    public static LocalStack startForTests(Security security) {
        return start(Path.of(System.getProperty("java.io.tmpdir"), "passerelle-local-stack"), System.getenv(), security);
    }

    private static LocalStack startShared() {
        LocalStack stack = startForTests();
        SharedServers.of(stack).publish();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SharedServers.withdraw();
            stack.close();
        }, "local-stack-shutdown"));
        return stack;
    }

    /** The servers another class loader started, which this one neither started nor stops. */
    private static LocalStack using(SharedServers servers) {
        return new LocalStack(null, null, null, servers.bootstrapServers(), servers.postgresHost(), servers.postgresPort(),
                servers.postgresUser(), servers.postgresPassword(), LocalTokenIssuer.local(), null, null);
    }

    /**
     * The JVM's shared servers, as system properties: plain strings, the one kind of state every class
     * loader of the JVM sees alike.
     */
    record SharedServers(String bootstrapServers, String postgresHost, int postgresPort, String postgresUser,
                         String postgresPassword) {
        private static final String PREFIX = "io.passerelle.localstack.shared.";
        private static final List<String> KEYS = List.of("kafka-bootstrap-servers", "postgres-host", "postgres-port",
                "postgres-user", "postgres-password");

        static SharedServers of(LocalStack stack) {
            return new SharedServers(stack.bootstrapServers, stack.postgresHost, stack.postgresPort, stack.postgresUser,
                    stack.postgresPassword);
        }

        static Optional<SharedServers> published() {
            List<String> values = KEYS.stream().map(key -> System.getProperty(PREFIX + key)).toList();
            if (values.contains(null)) {
                return Optional.empty();
            }
            return Optional.of(new SharedServers(values.get(0), values.get(1), Integer.parseInt(values.get(2)),
                    values.get(3), values.get(4)));
        }

        void publish() {
            List<String> values = List.of(bootstrapServers, postgresHost, Integer.toString(postgresPort), postgresUser,
                    postgresPassword);
            for (int i = 0; i < KEYS.size(); i++) {
                System.setProperty(PREFIX + KEYS.get(i), values.get(i));
            }
        }

        static void withdraw() {
            KEYS.forEach(key -> System.clearProperty(PREFIX + key));
        }
    }

    /** Base64 of 32 bytes known to everyone: it seals the secrets of local webhook subscriptions, never real ones. */
    public static final String LOCAL_WEBHOOK_SECRET_KEY = "bG9jYWwtb25seS13ZWJob29rLXNlY3JldC1rZXktMDE=";

    /**
     * Configuration properties for a Quarkus service (the keys of its application.properties): the
     * servers, and the public key and issuer of {@link #tokenIssuer()}, whose tokens the service then
     * accepts; for advice-service, the local key of webhook secrets and loopback allowed as a webhook
     * destination.
     */
    public Map<String, String> serviceConfiguration() {
        Map<String, String> config = new LinkedHashMap<>();
        if (kafkaSasl != null) {
            config.put("kafka.bootstrap.servers", kafka.saslBootstrapServers().orElseThrow());
            kafkaSasl.clientConfiguration().forEach((key, value) -> config.put("kafka." + key, value));
        } else {
            config.put("kafka.bootstrap.servers", bootstrapServers);
        }
        config.put("postgres.host", postgresHost);
        config.put("postgres.port", Integer.toString(postgresPort));
        config.put("postgres.user", postgresUser);
        config.put("postgres.password", postgresPassword);
        config.putAll(tokenIssuer.verificationConfiguration());
        if (postgresTls != null) {
            config.putAll(postgresTls.serviceConfiguration());
        }
        // advice-service seals webhook secrets under this key: a fixed one, for local runs and tests only.
        config.put("advice.webhooks.secret-key", LOCAL_WEBHOOK_SECRET_KEY);
        // Local receivers listen on loopback; every other private or special-purpose address stays refused.
        config.put("advice.webhooks.allowed-destination-ranges", "127.0.0.0/8,::1");
        return config;
    }

    /** The issuer whose tokens the services started with this stack's configuration accept. */
    public LocalTokenIssuer tokenIssuer() {
        return tokenIssuer;
    }

    /**
     * The same settings as environment variables, for a service started as a process: upper case, every
     * character other than a letter or digit (dots and dashes) an underscore, as MicroProfile Config maps them.
     */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        serviceConfiguration().forEach((key, value) -> environment.put(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return environment;
    }

    /** The embedded broker, for tests that stop and restart it; empty when the environment names an external one. */
    public Optional<KafkaBroker> embeddedKafka() {
        return Optional.ofNullable(kafka);
    }

    /** The embedded PostgreSQL, for tests that stop and restart it; empty when the environment names an external one. */
    public Optional<PostgresServer> embeddedPostgres() {
        return Optional.ofNullable(postgres);
    }

    /** The broker's plain listener, for the stack's own clients and the tests'; the services' too unless they authenticate ({@link Security#kafkaSasl()}). */
    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    /** Stops what this stack started and deletes its files, unless they are {@link #startKeeping kept}. */
    @Override
    public synchronized void close() {
        closeQuietly(kafka);
        closeQuietly(postgres);
        closeQuietly(workDirectory);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Local stack: could not stop " + closeable.getClass().getSimpleName() + ": " + e);
        }
    }
}
