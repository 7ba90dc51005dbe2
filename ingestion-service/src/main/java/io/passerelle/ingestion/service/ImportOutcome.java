package io.passerelle.ingestion.service;

import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.util.List;

/**
 * What an import or a batch did: how many events the broker acknowledged, the rejected lines (the
 * first ones, up to the configured number) and how many lines were rejected in all.
 */
public record ImportOutcome(long accepted, List<RejectedRecord> rejected, long rejectedCount) {
}
