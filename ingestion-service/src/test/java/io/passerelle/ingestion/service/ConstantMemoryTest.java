package io.passerelle.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The memory check of import jobs, without timing anything: a job's read side over a generated
 * LinkedIn file of 300,000 rows (about 31 MB) runs in a JVM whose heap is 24 MB, smaller than the file.
 * Keeping the file, or all its records (hundreds of MB as objects), would fail with an
 * OutOfMemoryError; the test checks that it ends normally with the exact counts. The staging side
 * holds one chunk the same way (ImportJobStore.stage), and the publication side at most
 * passerelle.ingestion.imports.in-flight events (PublishWindowTest).
 */
class ConstantMemoryTest {

    @Test
    void aFileLargerThanTheHeapIsReadBackAndCountedInFull() throws IOException, InterruptedException {
        int rows = 300_000;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx24m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ConstantMemoryImport.class.getName(), Integer.toString(rows)))
                .redirectErrorStream(true)
                .start();
        String output;
        try (var out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        // A bound against a child that never ends, not a speed requirement.
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String[] counts = output.lines().reduce((first, last) -> last).orElseThrow().split(" ");
        assertThat(List.of(counts).subList(0, 4)).as(output)
                .containsExactly(Integer.toString(rows), Integer.toString(rows - rows / 100), Integer.toString(rows / 100),
                        Integer.toString(rows / 20));
        long bytes = Long.parseLong(counts[4]);
        assertThat(bytes).as("the file is larger than the heap").isGreaterThan(24L << 20);
        System.out.printf("Constant memory: %d LinkedIn rows (%.1f MB) read back and counted under -Xmx24m%n", rows, bytes / 1e6);
    }
}
