package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peaks a benchmark prints, from samples of a status file laid out as the kernel writes it. */
class ResidentMemoryTest {
    @TempDir
    Path directory;

    @Test
    void thePeakIsTheHighestSampleAndItsPhaseTheOneItFirstCameIn() throws Exception {
        Path status = directory.resolve("status");
        ResidentMemory memory = new ResidentMemory(status);
        assertThat(memory.peak()).isZero();
        assertThat(memory.peakPhase()).isEqualTo("start-up");

        sample(memory, status, 100);
        memory.phase("load");
        sample(memory, status, 300);
        sample(memory, status, 200);
        memory.phase("listing");
        sample(memory, status, 300);
        sample(memory, status, 250);
        memory.phase("after");
        sample(memory, status, 150);

        assertThat(memory.peak()).isEqualTo(300 * 1024L);
        // The listing reached the same peak, later: the peak came during the load.
        assertThat(memory.peakPhase()).isEqualTo("load");
        assertThat(memory.peakByPhase()).containsExactly(
                java.util.Map.entry("start-up", 100 * 1024L), java.util.Map.entry("load", 300 * 1024L),
                java.util.Map.entry("listing", 300 * 1024L), java.util.Map.entry("after", 150 * 1024L));
        // 1 MiB = 1,024 kB: what the benchmarks print, phase by phase in the order they came.
        sample(memory, status, 2048);
        assertThat(memory.peaksByPhase()).isEqualTo("start-up 0; load 0; listing 0; after 2");
    }

    @Test
    void theCompositionSaysWhatKindOfPagesAreResident() throws Exception {
        Path status = directory.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmRSS:\t  266240 kB\nRssAnon:\t  225280 kB\nRssFile:\t   40448 kB\nRssShmem:\t     512 kB\n");
        assertThat(new ResidentMemory(status).composition()).isEqualTo("anonymous 220 MiB, file 40 MiB, shared 1 MiB");

        Files.writeString(status, "Name:\tjava\nVmRSS:\t  266240 kB\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ResidentMemory(status).composition())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RssAnon");
    }

    private static void sample(ResidentMemory memory, Path status, long kilobytes) throws Exception {
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 999999 kB\nVmRSS:\t " + kilobytes + " kB\nThreads:\t42\n");
        assertThat(memory.sample()).isEqualTo(kilobytes * 1024);
    }
}
