package io.passerelle.endtoend;

import io.passerelle.localstack.FreePorts;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack plus the packaged services a test asks for, each a process of its own on a free
 * port; closing it stops everything in reverse order and deletes the stack's files.
 */
final class PasserelleSystem implements AutoCloseable {
    static final Path PROJECT = Path.of(System.getProperty("passerelle.project.directory", "..")).toAbsolutePath().normalize();

    private final LocalStack stack;
    private final Path logs;
    private final List<AutoCloseable> started = new ArrayList<>();

    private PasserelleSystem(LocalStack stack, Path logs) {
        this.stack = stack;
        this.logs = logs;
    }

    /** Starts the stack; {@code name} keeps each test class's service logs apart. */
    static PasserelleSystem start(String name) {
        try {
            Path work = Files.createDirectories(PROJECT.resolve("end-to-end-tests/target/end-to-end"));
            return new PasserelleSystem(LocalStack.start(work, System.getenv()), work.resolve("logs").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalStack stack() {
        return stack;
    }

    /** Starts {@code module}'s packaged service with the stack's settings plus {@code extraEnvironment}. */
    ServiceProcess service(String module, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(stack.serviceEnvironment());
        environment.putAll(extraEnvironment);
        String logName = extraEnvironment.isEmpty() ? module : module + "-" + started.size();
        ServiceProcess service = ServiceProcess.start(PROJECT.resolve(module), FreePorts.next(), environment, logs.resolve(logName));
        started.add(0, service);
        return service;
    }

    ServiceProcess service(String module) {
        return service(module, Map.of());
    }

    @Override
    public void close() {
        for (AutoCloseable part : started) {
            closeQuietly(part);
        }
        closeQuietly(stack);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + part + ": " + e);
        }
    }
}
