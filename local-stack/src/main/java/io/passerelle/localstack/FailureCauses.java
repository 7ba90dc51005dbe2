package io.passerelle.localstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test JVM ends, the chain of causes of each test that failed in it, with the place the
 * deepest one was thrown. Maven's summary gives only the outermost exception, and a Quarkus application
 * that could not start reaches a test wrapped twice ({@code RuntimeException: InvocationTargetException}):
 * the reason, a broker that did not answer or a port already taken, is otherwise only in the middle of a
 * long build log. Registered for every test JVM that has this module (META-INF/services).
 */
public final class FailureCauses implements TestExecutionListener {
    private static final int FRAMES = 12;

    private final List<String> reports = new ArrayList<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<Throwable> failure = result.getThrowable();
        if (result.getStatus() == TestExecutionResult.Status.FAILED && failure.isPresent()) {
            synchronized (reports) {
                reports.add(report(test.getLegacyReportingName(), test.getUniqueId(), failure.get()));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        synchronized (reports) {
            if (reports.isEmpty()) {
                return;
            }
            PrintStream out = System.err;
            out.println("Causes of the " + reports.size() + " failed test(s) of this JVM:");
            reports.forEach(out::print);
            reports.clear();
        }
    }

    static String report(String name, String uniqueId, Throwable failure) {
        StringBuilder report = new StringBuilder("- ").append(name).append(" (").append(uniqueId).append(")\n");
        Throwable deepest = failure;
        report.append("    ").append(failure).append('\n');
        // Identity, not equals: a chain can loop back on itself (initCause), and a loop is reported once.
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(failure);
        for (Throwable cause = failure.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            report.append("    caused by ").append(cause).append('\n');
            deepest = cause;
        }
        StackTraceElement[] frames = deepest.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            report.append("        at ").append(frames[i]).append('\n');
        }
        return report.toString();
    }
}
