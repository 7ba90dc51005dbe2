package io.passerelle.endtoend;

import io.passerelle.localstack.FreePorts;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local stack plus the packaged services a test asks for, each a process of its own on a free
 * port. Registered as a JUnit extension on a static field, it starts before the test class and
 * stops everything, in reverse order, after it.
 */
final class PasserelleSystem implements BeforeAllCallback, AfterAllCallback {
    static final Path PROJECT = Path.of(System.getProperty("passerelle.project.directory", "..")).toAbsolutePath().normalize();

    private final String name;
    private final LocalStack.Security security;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> servicesByModule = new HashMap<>();
    private LocalStack stack;
    private KafkaFixtures kafka;
    private Path logs;

    /** {@code name} keeps each test class's service logs apart. */
    PasserelleSystem(String name) {
        this(name, LocalStack.Security.NONE);
    }

    /**
     * With the servers reached as production's secured ones are ({@link LocalStack.Security}): the services then reach
     * PostgreSQL over TLS only and Kafka through a listener where they authenticate; the test's own clients keep the
     * broker's plain listener.
     */
    PasserelleSystem(String name, LocalStack.Security security) {
        this.name = name;
        this.security = security;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            Path work = Files.createDirectories(PROJECT.resolve("end-to-end-tests/target/end-to-end"));
            logs = work.resolve("logs").resolve(name);
            stack = LocalStack.start(work, System.getenv(), security);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalStack stack() {
        return stack;
    }

    /** A producer and admin view of the stack's broker, closed with the system. */
    synchronized KafkaFixtures kafka() {
        if (kafka == null) {
            kafka = new KafkaFixtures(stack.kafkaBootstrapServers());
            started.add(kafka);
        }
        return kafka;
    }

    /** Starts {@code module}'s packaged service with the stack's settings plus {@code extraEnvironment}. */
    ServiceProcess service(String module, Map<String, String> extraEnvironment) {
        String logName = extraEnvironment.isEmpty() ? module : module + "-" + started.size();
        ServiceProcess service = ServiceProcess.start(PROJECT.resolve(module), FreePorts.next(), environment(module, extraEnvironment),
                logs.resolve(logName));
        started.add(0, service);
        servicesByModule.put(module, service);
        return service;
    }

    /**
     * Starts the given services (module and extra environment each) at the same time, as a
     * deployment rolls out its replicas: their migrations and their joins of a consumer group race
     * as they would there. Returns them in the order given, once every one is ready.
     */
    List<ServiceProcess> servicesAtOnce(List<Map.Entry<String, Map<String, String>>> modules) throws InterruptedException {
        ExecutorService starter = Executors.newFixedThreadPool(modules.size());
        try {
            List<Future<ServiceProcess>> starting = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> module : modules) {
                Map<String, String> environment = environment(module.getKey(), module.getValue());
                int port = FreePorts.next();
                Path log = logs.resolve(module.getKey() + "-" + (started.size() + starting.size()));
                starting.add(starter.submit(() -> ServiceProcess.start(PROJECT.resolve(module.getKey()), port, environment, log)));
            }
            List<ServiceProcess> services = new ArrayList<>();
            IllegalStateException failure = null;
            for (int i = 0; i < starting.size(); i++) {
                try {
                    ServiceProcess service = starting.get(i).get();
                    started.add(0, service);
                    servicesByModule.put(modules.get(i).getKey(), service);
                    services.add(service);
                } catch (ExecutionException e) {
                    failure = failure == null ? new IllegalStateException("Could not start " + modules.get(i).getKey(), e.getCause()) : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return services;
        } finally {
            starter.shutdown();
        }
    }

    private Map<String, String> environment(String module, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(stack.serviceEnvironment());
        environment.putAll(exportSources(module));
        environment.putAll(extraEnvironment);
        return environment;
    }

    /** ingestion-service's export reads graph-service's and advice-service's: those started before it. */
    private Map<String, String> exportSources(String module) {
        Map<String, String> urls = new HashMap<>();
        if (module.equals("ingestion-service")) {
            Map.of("graph-service", "GRAPH_URL", "advice-service", "ADVICE_URL").forEach((source, variable) -> {
                ServiceProcess service = servicesByModule.get(source);
                if (service != null) {
                    urls.put(variable, service.baseUri().toString().replaceAll("/$", ""));
                }
            });
        }
        return urls;
    }

    ServiceProcess service(String module) {
        return service(module, Map.of());
    }

    /*
     * The services through the generated client (passerelle-client), as the platform's backend or an
     * operator calls them. The services accept the local issuer's tokens; the platform's unless a
     * test asks for another.
     */

    /** ingestion-service's API objects, sending the platform's token. */
    ServiceApis.Ingestion ingestionApi(ServiceProcess ingestion) {
        return ServiceApis.ingestion(ingestion, "platform", () -> LocalTokenIssuer.local().platform());
    }

    /** graph-service's API objects, sending the platform's token. */
    ServiceApis.Graph graphApi(ServiceProcess graph) {
        return ServiceApis.graph(graph, "platform", () -> LocalTokenIssuer.local().platform());
    }

    /** graph-service's API objects, sending an operator's token (replays). */
    ServiceApis.Graph graphApiAsOperator(ServiceProcess graph) {
        return ServiceApis.graph(graph, "operator", () -> LocalTokenIssuer.local().operator());
    }

    /** advice-service's API objects, sending the platform's token. */
    ServiceApis.Advice adviceApi(ServiceProcess advice) {
        return ServiceApis.advice(advice, "platform", () -> LocalTokenIssuer.local().platform());
    }

    /** advice-service's API objects, sending an operator's token (webhook subscriptions and deliveries). */
    ServiceApis.Advice adviceApiAsOperator(ServiceProcess advice) {
        return ServiceApis.advice(advice, "operator", () -> LocalTokenIssuer.local().operator());
    }

    /** A connection to one of the stack's databases ({@code graph}, {@code advice}, ... or one a test created), as the services' user. */
    Connection database(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.postgresUser(), stack.postgresPassword());
    }

    /** The single number a query answers ({@code SELECT count(*) ...}), read from {@code database}. */
    long count(String database, String sql) throws SQLException {
        try (Connection connection = database(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Every row a query answers from {@code database}, each column as PostgreSQL writes it as text. */
    List<List<String>> rows(String database, String sql) throws SQLException {
        try (Connection connection = database(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (AutoCloseable part : started) {
            closeQuietly(part);
        }
        if (stack != null) {
            closeQuietly(stack);
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + part + ": " + e);
        }
    }
}
