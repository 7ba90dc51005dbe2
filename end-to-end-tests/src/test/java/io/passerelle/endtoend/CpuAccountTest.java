package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The account of processor time, on this JVM's own work. */
class CpuAccountTest {

    @Test
    void theWorkOfThisJvmIsCountedUnderTheNameGivenToIt() {
        CpuAccount account = CpuAccount.start();
        // Half a second of this thread's own processor time, however long a busy machine makes it wait for it.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 500_000_000L;
        double sink = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                sink += Math.sqrt(sink + 1);
            }
        }
        String report = account.since(Map.of(ProcessHandle.current().pid(), "the busy test"));

        assertThat(sink).isPositive();
        assertThat(report).startsWith("over ").contains(" cores (").contains(", rest ").contains(", idle ");
        Matcher busy = Pattern.compile("the busy test (\\d+\\.\\d)").matcher(report);
        assertThat(busy.find()).as(report).isTrue();
        // The process used at least what this thread did (ticks of 10 ms: 0.5 s may read as 0.4 or 0.5).
        assertThat(Double.parseDouble(busy.group(1))).as(report).isGreaterThanOrEqualTo(0.4);
    }
}
