package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class FailureCausesTest {
    @Test
    void aBootFailureWrappedTwiceIsReportedDownToItsReasonAndWhereItWasThrown() {
        IllegalStateException reason = new IllegalStateException("The Kafka broker did not answer within PT1M30S");
        RuntimeException failure = new RuntimeException(new InvocationTargetException(reason));

        String report = FailureCauses.report("openApiDocumentsThe429OfEveryLimitedOperation()", "[engine:junit-jupiter]/[method:x()]", failure);

        assertThat(report.lines()).startsWith(
                "- openApiDocumentsThe429OfEveryLimitedOperation() ([engine:junit-jupiter]/[method:x()])",
                "    java.lang.RuntimeException: java.lang.reflect.InvocationTargetException",
                "    caused by java.lang.reflect.InvocationTargetException",
                "    caused by java.lang.IllegalStateException: The Kafka broker did not answer within PT1M30S",
                "        at " + reason.getStackTrace()[0]);
        assertThat(report.lines().filter(line -> line.startsWith("        at "))).hasSize(Math.min(12, reason.getStackTrace().length));
    }

    @Test
    void aFailureWithoutCauseIsReportedWithItsOwnFrames() {
        AssertionError failure = new AssertionError("expected 202 but was 503");

        String report = FailureCauses.report("t()", "id", failure);

        assertThat(report).contains("    java.lang.AssertionError: expected 202 but was 503\n        at " + failure.getStackTrace()[0])
                .doesNotContain("caused by");
    }

    @Test
    void aChainOfCausesThatLoopsBackIsReportedOnce() {
        IllegalStateException inner = new IllegalStateException("inner");
        RuntimeException outer = new RuntimeException("outer", inner);
        inner.initCause(outer);

        String report = FailureCauses.report("t()", "id", outer);

        assertThat(report.lines().filter(line -> line.contains("caused by"))).containsExactly("    caused by java.lang.IllegalStateException: inner");
    }
}
