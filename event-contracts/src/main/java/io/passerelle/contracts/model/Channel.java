package io.passerelle.contracts.model;

/** The medium of an interaction. */
public enum Channel {
    MEETING, CALL, VIDEO_CALL, PRIVATE_MESSAGE, EMAIL, PUBLIC_COMMENT, REACTION, ENDORSEMENT, RECOMMENDATION, INTRODUCTION, EVENT;

    /** Endorsements, recommendations and introductions are services rendered (Granovetter's reciprocal services). */
    public boolean isService() {
        return this == ENDORSEMENT || this == RECOMMENDATION || this == INTRODUCTION;
    }
}
