package io.passerelle.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The garbage collector's log of each service a benchmark starts, one file per process ({@code %p}: a
 * service started again gets a file of its own), in {@code end-to-end-tests/target/end-to-end/gc/<benchmark>}.
 */
final class CollectorLogs {
    private final Path directory;

    CollectorLogs(String benchmark) {
        this.directory = PasserelleSystem.PROJECT.resolve("end-to-end-tests/target/end-to-end/gc").resolve(benchmark);
    }

    Path directory() {
        return directory;
    }

    /** Deletes the logs of an earlier run, which would otherwise be read with this one's. */
    void clear() throws IOException {
        Files.createDirectories(directory);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * The JVM option that logs {@code service}'s collections with the instant each ended, for
     * {@code JAVA_TOOL_OPTIONS}, so that the options the service ships with ({@code deploy/jvm.options}) stay as they are.
     */
    String option(String service) {
        return "-Xlog:gc:file=" + directory.resolve(service + "-%p.log") + ":utctime";
    }

    /** The logs of {@code service}'s processes. */
    List<Path> of(String service) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(service + "-")).toList();
        }
    }
}
