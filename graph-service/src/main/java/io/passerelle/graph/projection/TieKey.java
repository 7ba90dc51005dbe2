package io.passerelle.graph.projection;

import io.passerelle.contracts.Topics;

/** Identifies a tie: one contact of one owner. */
public record TieKey(String ownerId, String contactId) {

    /** The Kafka record key of the tie on passerelle.ties.v1. */
    public String recordKey() {
        return Topics.tieKey(ownerId, contactId);
    }
}
