package io.passerelle.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the machine's processor time went over a span of a benchmark, process by process, read from
 * Linux's {@code /proc}: a latency measured on a shared 2-core machine says little without what else
 * was running then (a vacuum after a large drain, a service still catching up). Processes are named
 * by the caller (the services by PID) or by their command (PostgreSQL's backends, autovacuum workers
 * included; the Kafka broker's process); a process that both started and ended within the span is
 * only in the machine's total, the "rest" of the account.
 */
final class CpuAccount {
    private static final Path PROC = Path.of("/proc");
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private final long startNanos;
    private final long[] machineAtStart;
    private final Map<Long, Long> ticksAtStart;

    private CpuAccount() {
        this.startNanos = System.nanoTime();
        this.machineAtStart = machine();
        this.ticksAtStart = processes();
    }

    /** Starts counting now. */
    static CpuAccount start() {
        return new CpuAccount();
    }

    /**
     * The processor time each process used since {@link #start}, largest first, then the rest of the
     * machine and its idle time, in seconds: {@code over 9.8 s of 2 cores (19.6 s): graph-service 6.1,
     * PostgreSQL 3.2, ..., rest 0.4, idle 5.0}. {@code named} names processes by PID.
     */
    String since(Map<Long, String> named) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long[] machine = machine();
        Map<Long, Long> ticksNow = processes();
        Map<String, Long> byName = new HashMap<>();
        long counted = 0;
        for (Map.Entry<Long, Long> process : ticksNow.entrySet()) {
            long used = process.getValue() - ticksAtStart.getOrDefault(process.getKey(), 0L);
            if (used <= 0) {
                continue;
            }
            byName.merge(named.getOrDefault(process.getKey(), nameOf(process.getKey())), used, Long::sum);
            counted += used;
        }
        long busy = machine[0] - machineAtStart[0];
        long idle = machine[1] - machineAtStart[1];
        int cores = Runtime.getRuntime().availableProcessors();
        String processes = new TreeMap<>(byName).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.1f", entry.getKey(), seconds(entry.getValue())))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "over %.1f s of %d cores (%.1f s): %s, rest %.1f, idle %.1f", elapsed, cores, elapsed * cores,
                processes, seconds(Math.max(0, busy - counted)), seconds(idle));
    }

    private static double seconds(long ticks) {
        return (double) ticks / TICKS_PER_SECOND;
    }

    /** PostgreSQL's processes, the Kafka broker's, this JVM, or the command's file name. */
    private static String nameOf(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return "this JVM (the clients)";
        }
        return ProcessHandle.of(pid).map(process -> {
            String command = process.info().command().orElse("");
            String arguments = String.join(" ", process.info().arguments().orElse(new String[0]));
            if (command.endsWith("/postgres") || command.equals("postgres")) {
                return "PostgreSQL";
            }
            if (arguments.contains("KafkaBrokerProcess")) {
                return "Kafka";
            }
            return "other: " + Path.of(command.isEmpty() ? "?" : command).getFileName();
        }).orElse("ended");
    }

    /** Busy and idle ticks of the whole machine (the first line of {@code /proc/stat}). */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(PROC.resolve("stat"), StandardCharsets.US_ASCII).get(0).trim().split("\\s+");
            long busy = 0;
            long idle = 0;
            // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are idle, the others busy.
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                long value = Long.parseLong(fields[i]);
                if (i == 4 || i == 5) {
                    idle += value;
                } else {
                    busy += value;
                }
            }
            return new long[] {busy, idle};
        } catch (IOException e) {
            throw new IllegalStateException("/proc/stat cannot be read", e);
        }
    }

    /** User and system ticks of every process now, by PID. */
    private static Map<Long, Long> processes() {
        Map<Long, Long> ticks = new HashMap<>();
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            long used = ticksOf(process.pid());
            if (used >= 0) {
                ticks.put(process.pid(), used);
            }
        }
        return ticks;
    }

    /** utime + stime of {@code /proc/<pid>/stat} (fields 14 and 15, counted after the command in brackets); -1 once it has ended. */
    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException ended) {
            return -1;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(answer) : 100;
        } catch (IOException | RuntimeException e) {
            return 100; // USER_HZ on every Linux this runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** The services' PIDs under their names, for {@link #since}. */
    static Map<Long, String> named(List<io.passerelle.localstack.ServiceProcess> services) {
        Map<Long, String> named = new HashMap<>();
        services.forEach(service -> named.put(service.pid(), service.name()));
        return named;
    }
}
