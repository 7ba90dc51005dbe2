package io.passerelle.contracts;

/** Kafka topic names of the public contract (API.md, "Kafka"). */
public final class Topics {
    public static final String OWNERS = "passerelle.owners.v1";
    public static final String CONTACTS = "passerelle.contacts.v1";
    public static final String INTERACTIONS = "passerelle.interactions.v1";
    /** Compacted; key {@code ownerId/contactId}; a tombstone erases a tie. */
    public static final String TIES = "passerelle.ties.v1";
    public static final String RECOMMENDATIONS = "passerelle.recommendations.v1";
    /** What became of import jobs ({@code passerelle.import.completed}); key {@code ownerId}. */
    public static final String IMPORTS = "passerelle.imports.v1";

    /** Suffix of the dead-letter topic of every consumed topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The record key of a tie: per-contact, so that compaction keeps one record per tie. */
    public static String tieKey(String ownerId, String contactId) {
        return ownerId + "/" + contactId;
    }
}
