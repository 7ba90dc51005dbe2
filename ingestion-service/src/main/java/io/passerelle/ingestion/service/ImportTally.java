package io.passerelle.ingestion.service;

import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The running counts of one import, and the first rejected lines and warnings up to their limits. A
 * job resumed after a crash starts from the counts of its last checkpoint, so the limits apply to the
 * whole file, and {@link #drainListed} hands out what was listed since the previous checkpoint.
 */
final class ImportTally {
    private final int maxRejections;
    private final int maxWarnings;
    private long recordsDone;
    private long accepted;
    private long rejectedCount;
    private long warningCount;
    private List<RejectedRecord> rejected = new ArrayList<>();
    private List<ImportWarning> warnings = new ArrayList<>();

    ImportTally(int maxRejections, int maxWarnings) {
        this(maxRejections, maxWarnings, 0, 0, 0, 0);
    }

    ImportTally(int maxRejections, int maxWarnings, long recordsDone, long accepted, long rejectedCount, long warningCount) {
        this.maxRejections = maxRejections;
        this.maxWarnings = maxWarnings;
        this.recordsDone = recordsDone;
        this.accepted = accepted;
        this.rejectedCount = rejectedCount;
        this.warningCount = warningCount;
    }

    void publishedOne() {
        accepted++;
        recordsDone++;
    }

    void rejectedOne(RejectedRecord line) {
        if (rejectedCount < maxRejections) {
            rejected.add(line);
        }
        rejectedCount++;
        recordsDone++;
    }

    void warned(ImportWarning warning) {
        if (warningCount < maxWarnings) {
            warnings.add(warning);
        }
        warningCount++;
    }

    long recordsDone() {
        return recordsDone;
    }

    long accepted() {
        return accepted;
    }

    long rejectedCount() {
        return rejectedCount;
    }

    long warningCount() {
        return warningCount;
    }

    /** The rejected lines and warnings listed since the last call (or since the start). */
    Listed drainListed() {
        Listed listed = new Listed(rejected, warnings);
        rejected = new ArrayList<>();
        warnings = new ArrayList<>();
        return listed;
    }

    ImportOutcome outcome() {
        return new ImportOutcome(accepted, List.copyOf(rejected), rejectedCount, List.copyOf(warnings), warningCount);
    }

    record Listed(List<RejectedRecord> rejected, List<ImportWarning> warnings) {
    }
}
