package io.passerelle.graph.rest;

import io.passerelle.graph.diagnostics.DiagnosticsPoint;
import io.passerelle.graph.service.DiagnosticsService;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The history of an owner's diagnostics (API.md): its points, oldest first. */
public record DiagnosticsHistoryPage(
        @Schema(description = "The points computed in the range asked for, oldest first")
        List<DiagnosticsPoint> items,
        @Schema(description = "True when more points matched than an answer holds (" + DiagnosticsService.HISTORY_LIMIT + "): the latest are answered; "
                + "ask again with a 'to' before the first item's computedAt for the earlier ones")
        boolean truncated) {
}
