package io.passerelle.graph;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium in headless mode, for the tests that look at a picture as a browser draws it.
 * {@link #installed(Path)} finds it, or installs it with apt-get when it is absent (CI runs as root
 * with Debian's packages reachable); {@link #screenshot} renders a file to a PNG. Every process it
 * starts is ended by its PID: the browser and whatever it spawned, when it takes too long, and any
 * child still alive once the browser has exited.
 */
final class HeadlessChromium {
    static final Path DEBIAN_PATH = Path.of("/usr/bin/chromium");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SCREENSHOT_TIMEOUT = Duration.ofSeconds(120);

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** Where the browser is, or why it is not there and could not be installed. */
    record Found(Optional<HeadlessChromium> chromium, String reason) {
    }

    /** Chromium, installed with {@code apt-get install -y chromium} when absent; {@code logs} receives apt-get's output. */
    static Found installed(Path logs) {
        Optional<Path> present = locate();
        if (present.isPresent()) {
            return new Found(Optional.of(new HeadlessChromium(present.get())), "found at " + present.get());
        }
        // Quick when the package lists are fresh; otherwise the lists are updated and the install tried again.
        Path log = logs.resolve("apt-get.log");
        List<String> install = List.of("apt-get", "install", "-y", "chromium");
        List<String> attempts = new ArrayList<>();
        attempts.add("apt-get install: " + run(install, log, INSTALL_TIMEOUT));
        if (locate().isEmpty()) {
            attempts.add("apt-get update: " + run(List.of("apt-get", "update"), log, INSTALL_TIMEOUT));
            attempts.add("apt-get install: " + run(install, log, INSTALL_TIMEOUT));
        }
        return locate().map(path -> new Found(Optional.of(new HeadlessChromium(path)), "installed at " + path))
                .orElseGet(() -> new Found(Optional.empty(), "chromium is not installed and could not be installed ("
                        + String.join("; ", attempts) + "; see " + log + ")"));
    }

    private static Optional<Path> locate() {
        if (Files.isExecutable(DEBIAN_PATH)) {
            return Optional.of(DEBIAN_PATH);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(directory -> Path.of(directory, "chromium"))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Renders {@code file} as the browser displays it in a window of {@code width} by {@code height}
     * pixels (device scale 1) and writes the screenshot to {@code png}.
     */
    void screenshot(Path file, Path png, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path log = png.resolveSibling(png.getFileName() + ".chromium.log");
        try {
            Files.deleteIfExists(png);
            String outcome = run(List.of(executable.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                    "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                    file.toAbsolutePath().toUri().toString()), log, SCREENSHOT_TIMEOUT);
            if (!outcome.equals("exit 0") || !Files.exists(png)) {
                throw new IOException("chromium did not write " + png + " (" + outcome + "; see " + log + ")");
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Runs a command with its output appended to {@code log}, and says how it ended. Past the timeout,
     * the process and every descendant seen are killed by PID; descendants still alive after the
     * process exited are given a few seconds, then killed too.
     */
    private static String run(List<String> command, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("DEBIAN_FRONTEND", "noninteractive");
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            return "could not start: " + e.getMessage();
        }
        Set<ProcessHandle> seen = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        String outcome;
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                process.descendants().forEach(seen::add);
            }
            if (process.isAlive()) {
                process.descendants().forEach(seen::add);
                seen.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                outcome = "killed after " + timeout.toSeconds() + " s";
            } else {
                outcome = "exit " + process.exitValue();
            }
            for (ProcessHandle child : seen) {
                if (!child.onExit().isDone()) {
                    try {
                        child.onExit().get(5, TimeUnit.SECONDS);
                    } catch (Exception stillAlive) {
                        child.destroyForcibly();
                    }
                }
            }
        } catch (InterruptedException e) {
            seen.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        return outcome;
    }
}
