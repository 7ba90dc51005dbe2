package io.passerelle.graph.service;

/** A reason a replay job cannot go on, whatever the wait: the job is FAILED with this message. */
public class ReplayFailure extends RuntimeException {
    public ReplayFailure(String message) {
        super(message);
    }
}
