package io.passerelle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What configuration a service reads, from its sources: the keys of its application.properties
 * (profile prefixes dropped) and the names their values refer to ({@code ${GRAPH_URL:...}}), the
 * names of {@code @ConfigProperty} and the prefixes of {@code @ConfigMapping} in the service and in
 * service-runtime, and the families every Quarkus service reads: {@code quarkus.*}, and
 * {@code kafka.*}, which the Kafka extension hands to every Kafka client of the service.
 */
final class ServiceSettings {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final List<String> EVERY_SERVICE_PREFIXES = List.of("quarkus", "kafka");

    final String service;
    final Set<String> properties = new TreeSet<>();
    final Set<String> prefixes = new TreeSet<>(EVERY_SERVICE_PREFIXES);
    /** Property -> value in application.properties (default profile). */
    final java.util.Map<String, String> values = new java.util.TreeMap<>();

    private ServiceSettings(String service) {
        this.service = service;
    }

    private static final java.util.Map<String, ServiceSettings> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** The settings of a module (read once per test run). */
    static ServiceSettings of(Path root, String service) {
        return READ.computeIfAbsent(root.toAbsolutePath().normalize() + "|" + service, key -> read(root, service));
    }

    private static ServiceSettings read(Path root, String service) {
        ServiceSettings settings = new ServiceSettings(service);
        Path properties = root.resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(properties)) {
            throw new IllegalArgumentException("No module " + service + " with an application.properties");
        }
        settings.readProperties(properties);
        for (Path sources : List.of(root.resolve(service).resolve("src/main/java"), root.resolve("service-runtime/src/main/java"))) {
            settings.readAnnotations(sources);
        }
        return settings;
    }

    private void readProperties(Path file) {
        try {
            java.util.Properties loaded = new java.util.Properties();
            try (var reader = Files.newBufferedReader(file)) {
                loaded.load(reader);
            }
            for (String key : loaded.stringPropertyNames()) {
                String value = loaded.getProperty(key);
                String name = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                properties.add(name);
                if (!key.startsWith("%")) {
                    values.put(name, value);
                }
                Matcher m = REFERENCE.matcher(value);
                while (m.find()) {
                    properties.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAnnotations(Path sources) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                CONFIG_PROPERTY.matcher(text).results().forEach(r -> properties.add(r.group(1)));
                CONFIG_MAPPING.matcher(text).results().forEach(r -> prefixes.add(r.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variable SmallRye Config maps to a property: upper case, other characters '_'. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether the service reads the environment variable as one of its settings. */
    boolean reads(String variable) {
        for (String property : properties) {
            if (environmentName(property).equals(variable)) {
                return true;
            }
        }
        for (String prefix : prefixes) {
            if (variable.startsWith(environmentName(prefix) + "_")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Settings a deployment must give: the addresses of Kafka, PostgreSQL and the other services
     * (defaults point at localhost, right for tests only), the database role, and the token
     * issuer (its default key file does not exist in the image). Each is satisfied by the variable
     * of the property or by a variable its value refers to.
     */
    Set<Set<String>> required() {
        Set<Set<String>> required = new LinkedHashSet<>();
        for (var entry : values.entrySet()) {
            String property = entry.getKey();
            String value = entry.getValue();
            boolean localAddress = value.contains("localhost");
            boolean credential = property.equals("postgres.user") || property.equals("postgres.password");
            boolean issuer = property.startsWith("mp.jwt.verify.");
            if (localAddress || credential || issuer) {
                Set<String> accepted = new LinkedHashSet<>();
                accepted.add(environmentName(property));
                REFERENCE.matcher(value).results().forEach(r -> accepted.add(environmentName(r.group(1))));
                required.add(accepted);
            }
        }
        return required;
    }

    /**
     * The topics the service consumes, each with the consumer group that reads it: the {@code topics} (or
     * {@code topic}) and {@code group.id} of every incoming channel of its application.properties.
     */
    java.util.Map<String, String> consumedTopics() {
        java.util.Map<String, String> groupByTopic = new java.util.TreeMap<>();
        String incoming = "mp.messaging.incoming.";
        for (var entry : values.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(incoming) || !(key.endsWith(".topics") || key.endsWith(".topic"))) {
                continue;
            }
            String channel = key.substring(incoming.length(), key.lastIndexOf('.'));
            String group = values.get(incoming + channel + ".group.id");
            if (group == null) {
                throw new IllegalStateException(service + ": the channel " + channel + " consumes without a group.id");
            }
            for (String topic : entry.getValue().split(",")) {
                if (!topic.isBlank()) {
                    groupByTopic.put(topic.trim(), group);
                }
            }
        }
        return groupByTopic;
    }
}
