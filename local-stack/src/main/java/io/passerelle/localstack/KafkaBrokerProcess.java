package io.passerelle.localstack;

import java.io.IOException;
import java.io.InputStream;
import org.apache.kafka.common.utils.Exit;

/**
 * Main class of the Kafka broker's own JVM: formats the storage directory, then runs the broker in
 * KRaft mode. It exits as soon as its standard input closes, which happens when the JVM that started
 * it ends for any reason (even SIGKILL): a crashed run never leaves a broker behind.
 *
 * <p>Arguments: {@code <server.properties> <cluster id>}.
 */
public final class KafkaBrokerProcess {
    private KafkaBrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String properties = args[0];
        String clusterId = args[1];
        exitWhenParentGoesAway();
        format(properties, clusterId);
        kafka.Kafka.main(new String[] {properties});
    }

    private static void format(String properties, String clusterId) {
        // StorageTool ends with Exit.exit(...) even on success: catch that instead of leaving the JVM.
        Exit.setExitProcedure((status, message) -> {
            throw new FormatFinished(status, message);
        });
        try {
            kafka.tools.StorageTool.main(new String[] {"format", "-t", clusterId, "-c", properties, "--ignore-formatted"});
        } catch (FormatFinished finished) {
            if (finished.status != 0) {
                System.err.println("Kafka storage format failed: " + finished.getMessage());
                Runtime.getRuntime().halt(finished.status);
            }
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static void exitWhenParentGoesAway() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes; read() returns -1 once its end of the pipe is closed
                }
            } catch (IOException ignored) {
                // a broken pipe means the same thing
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static final class FormatFinished extends RuntimeException {
        private final int status;

        FormatFinished(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
