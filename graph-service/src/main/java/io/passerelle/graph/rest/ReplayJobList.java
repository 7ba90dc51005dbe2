package io.passerelle.graph.rest;

import java.util.List;

/** The latest replay jobs, the latest requested first. */
public record ReplayJobList(List<ReplayJobAnswer> items) {
}
