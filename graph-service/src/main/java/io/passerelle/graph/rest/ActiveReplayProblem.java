package io.passerelle.graph.rest;

import io.passerelle.runtime.problem.Problem;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 409 problem of a replay requested while another is active, naming that job (RFC 9457 extension members). */
@Schema(description = "A problem (RFC 9457) naming the active replay job")
public record ActiveReplayProblem(String type, String title, int status, String detail, UUID activeReplayId, URI activeReplay) {

    static ActiveReplayProblem of(UUID activeReplayId, URI activeReplay, String state) {
        Problem problem = Problem.of(409, "replay-active", "A replay is active",
                "Replay " + activeReplayId + " is " + state + "; one replay runs at a time. Follow it at " + activeReplay + ".");
        return new ActiveReplayProblem(problem.type(), problem.title(), problem.status(), problem.detail(), activeReplayId, activeReplay);
    }
}
