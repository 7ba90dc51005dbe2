package io.passerelle.ingestion.service;

import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.util.List;

/**
 * What an import or a batch did: how many events the broker acknowledged, the rejected lines and the
 * values left out of imported lines (the first ones of each, up to the configured numbers), and how
 * many of each there were in all.
 */
public record ImportOutcome(long accepted, List<RejectedRecord> rejected, long rejectedCount,
                            List<ImportWarning> warnings, long warningCount) {
}
