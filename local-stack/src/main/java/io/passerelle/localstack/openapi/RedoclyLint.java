package io.passerelle.localstack.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Lints a committed OpenAPI document with Redocly CLI's recommended rules, as configured in the
 * repository's {@code redocly.yaml}, and asserts that it leaves neither an error nor a warning.
 *
 * <p>Redocly CLI is an npm package: the version pinned by {@code tooling/redocly/package-lock.json} is
 * installed with {@code npm ci} into the module's {@code target/redocly} (each module its own, since
 * modules build in parallel). It needs Node.js and npm on the PATH; where they are absent the lint is
 * skipped, saying so, rather than failing a build that has only a JDK and Maven.
 */
public final class RedoclyLint {
    /** An install or a lint that hangs (a registry that never answers) ends the test rather than the build. */
    private static final long PROCESS_LIMIT_MINUTES = 10;

    private RedoclyLint() {
    }

    public static void assertCommittedDocumentPasses(String service) {
        Path root = CommittedOpenApi.repositoryRoot();
        Path document = CommittedOpenApi.file(service);
        assertThat(document).as("committed OpenAPI document of " + service).exists();
        Path node = executable("node");
        Path npm = executable("npm");

        Path cli = install(npm, root.resolve("tooling").resolve("redocly"), Path.of("target", "redocly").toAbsolutePath());
        Path report = Path.of("target", "redocly", service + "-lint.json").toAbsolutePath();
        run(List.of(node.toString(), cli.toString(), "lint", document.toString(),
                "--config", root.resolve("redocly.yaml").toString(), "--format", "json"), root, report);

        JsonPath lint = JsonPath.from(read(report));
        int errors = lint.getInt("totals.errors");
        int warnings = lint.getInt("totals.warnings");
        int ignored = lint.getInt("totals.ignored");
        System.out.printf("redocly lint %s (Redocly CLI %s): %d errors, %d warnings, %d ignored%n",
                root.relativize(document), lint.getString("version"), errors, warnings, ignored);
        List<Map<String, Object>> problems = lint.getList("problems");
        String listed = problems.stream().map(RedoclyLint::describe).collect(Collectors.joining("\n  "));
        assertThat(errors + warnings).as("""
                redocly lint %s found %d errors and %d warnings (rules: redocly.yaml; a rule turned off there says why):
                  %s""".formatted(root.relativize(document), errors, warnings, listed)).isZero();
    }

    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> problem) {
        List<Map<String, Object>> locations = (List<Map<String, Object>>) problem.getOrDefault("location", List.of());
        String where = locations.isEmpty() ? "" : " at " + locations.get(0).get("pointer")
                + Optional.ofNullable((Map<String, Object>) locations.get(0).get("start"))
                        .map(start -> " (line " + start.get("line") + ")").orElse("");
        return problem.get("severity") + " " + problem.get("ruleId") + ": " + problem.get("message") + where;
    }

    /** Installs the pinned Redocly CLI unless the same lock file is installed there already; its entry point. */
    private static Path install(Path npm, Path tooling, Path directory) {
        Path cli = directory.resolve("node_modules/@redocly/cli/bin/cli.js");
        Path lock = tooling.resolve("package-lock.json");
        Path installedLock = directory.resolve("package-lock.json");
        try {
            if (Files.exists(cli) && Files.exists(installedLock) && Files.mismatch(lock, installedLock) == -1) {
                return cli;
            }
            Files.createDirectories(directory);
            Files.copy(tooling.resolve("package.json"), directory.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), directory, directory.resolve("npm-ci.log"));
        assertThat(cli).as("Redocly CLI installed by npm ci").exists();
        return cli;
    }

    private static void run(List<String> command, Path directory, Path output) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(false)
                .redirectOutput(output.toFile())
                .redirectError(output.resolveSibling(output.getFileName() + ".err").toFile());
        // No telemetry, no update notice: the output is the report, and the build tells no one what it lints.
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        try {
            Process process = builder.start();
            if (!process.waitFor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + PROCESS_LIMIT_MINUTES + " minutes");
            }
            // redocly lint exits 1 when it finds errors: the report says which, so only a missing report is a failure here.
            if (process.exitValue() != 0 && (command.contains("ci") || Files.size(output) == 0)) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                        + read(output) + read(output.resolveSibling(output.getFileName() + ".err")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** An executable on the PATH, or the test is skipped with the reason. */
    private static Path executable(String name) {
        List<Path> directories = new ArrayList<>();
        Arrays.stream(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).forEach(directories::add);
        Optional<Path> found = directories.stream().map(directory -> directory.resolve(name))
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(found.isPresent(), () -> "Skipped: " + name + " is not on the PATH. Linting the OpenAPI "
                + "documents with Redocly CLI (tooling/redocly) needs Node.js 20.19 or later and npm; install them "
                + "(for instance Debian's nodejs and npm packages) to run this check.");
        return found.get();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
