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
        long until = System.nanoTime() + 600_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1);
        }
        String report = account.since(Map.of(ProcessHandle.current().pid(), "the busy test"));

        assertThat(sink).isPositive();
        assertThat(report).startsWith("over ").contains(" cores (").contains(", rest ").contains(", idle ");
        Matcher busy = Pattern.compile("the busy test (\\d+\\.\\d)").matcher(report);
        assertThat(busy.find()).as(report).isTrue();
        // 0.6 s of one thread's spinning; the scheduler of a shared machine may give it less, never nothing.
        assertThat(Double.parseDouble(busy.group(1))).as(report).isBetween(0.2, 5.0);
    }
}
