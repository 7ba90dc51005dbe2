package io.passerelle.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The kernel's count of a process's resident pages ({@code VmRSS} of {@code /proc/<pid>/status}) and
 * the peak over its samples, for the benchmarks that print a service's memory.
 */
final class ResidentMemory {
    private volatile Path status;
    private volatile String phase = "start-up";
    /** The highest value sampled during each phase, in the order the phases came: the peak and when it came are read from it. */
    private final Map<String, Long> peakByPhase = new LinkedHashMap<>();

    ResidentMemory(long pid) {
        this(statusOf(pid));
    }

    /** Samples the {@code VmRSS} line of this file, laid out as {@code /proc/<pid>/status}. */
    ResidentMemory(Path status) {
        this.status = status;
    }

    /** Samples process {@code pid} from now on (the service restarted), keeping the peak seen so far. */
    void follow(long pid) {
        this.status = statusOf(pid);
    }

    private static Path statusOf(long pid) {
        return Path.of("/proc", Long.toString(pid), "status");
    }

    /** Names what the service is doing from now on, so that {@link #peakPhase()} can say when the peak came. */
    void phase(String name) {
        this.phase = name;
    }

    /** What the service was doing ({@link #phase(String)}) when the peak was first sampled. */
    synchronized String peakPhase() {
        String when = "start-up";
        long highest = -1;
        for (Map.Entry<String, Long> entry : peakByPhase.entrySet()) {
            if (entry.getValue() > highest) {
                highest = entry.getValue();
                when = entry.getKey();
            }
        }
        return when;
    }

    /** Reads the current value, in bytes, and keeps it if it is the highest of the phase so far. */
    synchronized long sample() {
        long bytes = kilobytes("VmRSS").get("VmRSS") * 1024;
        peakByPhase.merge(phase, bytes, Math::max);
        return bytes;
    }

    /** The highest value sampled during each phase, in bytes, in the order the phases came. */
    synchronized Map<String, Long> peakByPhase() {
        return new LinkedHashMap<>(peakByPhase);
    }

    /** The highest value sampled, in bytes (0 before the first sample). */
    synchronized long peak() {
        return peakByPhase.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * What the resident pages are now, in MiB: {@code RssAnon} (the heap, class metadata, compiled code, native allocations),
     * {@code RssFile} (pages of mapped files: the JDK's class image, its libraries, the class data sharing archive; the kernel
     * may drop them and read them again) and {@code RssShmem}, as the kernel counts them.
     */
    String composition() {
        Map<String, Long> kilobytes = kilobytes("RssAnon", "RssFile", "RssShmem");
        return String.format(Locale.ROOT, "anonymous %.0f MiB, file %.0f MiB, shared %.0f MiB",
                kilobytes.get("RssAnon") / 1024.0, kilobytes.get("RssFile") / 1024.0, kilobytes.get("RssShmem") / 1024.0);
    }

    /** The peak of each phase in MiB, in the order the phases came: "start-up 174; the drain 239". */
    synchronized String peaksByPhase() {
        StringJoiner peaks = new StringJoiner("; ");
        peakByPhase.forEach((name, bytes) -> peaks.add(String.format(Locale.ROOT, "%s %.0f", name, mib(bytes))));
        return peaks.toString();
    }

    /** The values, in kB, of these fields of the status file, each of which must be there. */
    private Map<String, Long> kilobytes(String... fields) {
        try {
            Map<String, Long> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(status)) {
                for (String field : fields) {
                    if (line.startsWith(field + ":")) {
                        values.put(field, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            }
            if (values.size() < fields.length) {
                throw new IllegalStateException("no " + String.join(", ", fields) + " in " + status);
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("the service is gone: " + status, e);
        }
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
