package io.passerelle.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code asyncapi.yaml} and the schemas it refers to pass {@code asyncapi validate}, the AsyncAPI
 * CLI (version pinned by {@code asyncapi-cli/package-lock.json}). Opt-in, with
 * {@code -Dpasserelle.asyncapi.cli=true}: it needs Node.js 20 or later and npm, and the CLI's
 * installation is about 1.5 GB and several minutes, too much for every build; every build runs
 * {@link AsyncApiDocumentTest}, which checks the document against the specification's own schema
 * with the JDK alone.
 */
@EnabledIfSystemProperty(named = "passerelle.asyncapi.cli", matches = "true")
class AsyncApiCliValidationTest {
    private static final Path CLI = Path.of("asyncapi-cli").toAbsolutePath();

    @Test
    void theAsyncApiCliFindsNoErrorAndNoWarning() throws Exception {
        if (run(List.of("node", "--version"), 1).exitCode() != 0 || run(List.of("npm", "--version"), 1).exitCode() != 0) {
            fail("-Dpasserelle.asyncapi.cli=true needs Node.js 20 or later and npm on the PATH; neither answered. "
                    + "Install them, or leave the property out: AsyncApiDocumentTest validates the document with the JDK alone.");
        }
        if (!Files.exists(CLI.resolve("node_modules/.bin/asyncapi"))) {
            Result install = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), 30);
            assertThat(install.exitCode()).as("npm ci in %s:\n%s", CLI, install.output()).isZero();
        }
        Result validation = run(List.of("npm", "run", "--silent", "validate"), 10);
        assertThat(validation.exitCode()).as("asyncapi validate:\n%s", validation.output()).isZero();
        assertThat(validation.output()).contains("is valid");
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command in asyncapi-cli/; the bound only keeps a hung install from holding the build for ever. */
    private static Result run(List<String> command, int minutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile("asyncapi-cli", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(CLI.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException notFound) {
                return new Result(-1, notFound.getMessage());
            }
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not end within " + minutes + " min");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
