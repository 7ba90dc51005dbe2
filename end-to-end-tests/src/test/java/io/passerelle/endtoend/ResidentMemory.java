package io.passerelle.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's count of a process's resident pages ({@code VmRSS} of {@code /proc/<pid>/status}) and
 * the peak over its samples, for the benchmarks that print a service's memory.
 */
final class ResidentMemory {
    private volatile Path status;
    private volatile long peak;
    private volatile String phase = "start-up";
    private volatile String peakPhase = "start-up";
    private final Map<String, Long> peakByPhase = new LinkedHashMap<>();

    ResidentMemory(long pid) {
        follow(pid);
    }

    /** Samples process {@code pid} from now on (the service restarted), keeping the peak seen so far. */
    void follow(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    /** Names what the service is doing from now on, so that {@link #peakPhase()} can say when the peak came. */
    void phase(String name) {
        this.phase = name;
    }

    /** What the service was doing ({@link #phase(String)}) when the peak was sampled. */
    String peakPhase() {
        return peakPhase;
    }

    /** Reads the current value, in bytes, and keeps it if it is the highest so far. */
    synchronized long sample() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    long bytes = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    peakByPhase.merge(phase, bytes, Math::max);
                    if (bytes > peak) {
                        peak = bytes;
                        peakPhase = phase;
                    }
                    return bytes;
                }
            }
            throw new IllegalStateException("no VmRSS in " + status);
        } catch (IOException e) {
            throw new IllegalStateException("the service is gone: " + status, e);
        }
    }

    /** The highest value sampled during each phase, in bytes, in the order the phases came. */
    synchronized Map<String, Long> peakByPhase() {
        return new LinkedHashMap<>(peakByPhase);
    }

    /** The highest value sampled, in bytes. */
    long peak() {
        return peak;
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
