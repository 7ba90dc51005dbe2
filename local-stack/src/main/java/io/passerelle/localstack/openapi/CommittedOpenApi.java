package io.passerelle.localstack.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The reviewed OpenAPI documents, committed as {@code openapi/<service>.yaml} at the root of the
 * repository, and the check that a service serves exactly the committed one: a change of the public API
 * then shows up in review as a change of that file.
 *
 * <p>The two are compared as trees, where the order of an object's keys does not count (it may change
 * with the order classes are scanned in) but the order of a list does; the served document has no port
 * or host in it (its server is the relative {@code /}), so it is the same on every machine.
 */
public final class CommittedOpenApi {
    /** The system property that makes the description tests write the served document over the committed one. */
    public static final String UPDATE_PROPERTY = "passerelle.openapi.update";

    private static final int LISTED_DIFFERENCES = 20;
    private static final YAMLMapper YAML = new YAMLMapper();

    private CommittedOpenApi() {
    }

    public static Path file(String service) {
        return repositoryRoot().resolve("openapi").resolve(service + ".yaml");
    }

    /**
     * Asserts that the served document is the committed one. With {@code -Dpasserelle.openapi.update=true} it
     * writes the served document over the committed one instead (review it with {@code git diff openapi/}).
     * Either way the served document is left in the module's {@code target/openapi-served/<service>.yaml}.
     */
    public static void assertSameAsServed(String service, String served) {
        Path committed = file(service);
        Path copy = Path.of("target", "openapi-served", service + ".yaml").toAbsolutePath();
        write(copy, served);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(committed, served);
            return;
        }
        String howToUpdate = """
                If the change of the API is meant, update the committed document and review it:
                  mvn -pl %1$s -am test -Dtest=OpenApiDescriptionTest -Dsurefire.failIfNoSpecifiedTests=false -D%2$s=true
                or copy %3$s over %4$s; then git diff openapi/.""".formatted(service, UPDATE_PROPERTY, copy, committed);
        assertThat(committed).as("The committed OpenAPI document of %s is missing. %s", service, howToUpdate).exists();
        List<String> differences = new ArrayList<>();
        compare("", tree(read(committed)), tree(served), differences);
        assertThat(differences).as("The OpenAPI document %s serves differs from %s at %s\n%s", service, committed,
                differences.size() > LISTED_DIFFERENCES ? differences.subList(0, LISTED_DIFFERENCES) + " and more" : differences,
                howToUpdate).isEmpty();
    }

    /** The nearest directory above the working directory that holds the build's .mvn folder and pom.xml. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve(".mvn")) && Files.isRegularFile(directory.resolve("pom.xml"))) {
                return directory;
            }
        }
        throw new IllegalStateException("No repository root (a directory with .mvn and pom.xml) above " + start);
    }

    /** The JSON pointers where the committed and the served trees differ: "(committed only)", "(served only)" or changed. */
    private static void compare(String pointer, JsonNode committed, JsonNode served, List<String> differences) {
        if (committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    differences.add(at + " (served only)");
                } else if (!served.has(name)) {
                    differences.add(at + " (committed only)");
                } else {
                    compare(at, committed.get(name), served.get(name), differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                compare(pointer + "/" + i, committed.get(i), served.get(i), differences);
            }
        } else {
            differences.add(pointer.isEmpty() ? "/" : pointer);
        }
    }

    private static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
