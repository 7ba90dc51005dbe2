package io.passerelle.contracts;

/** CloudEvents {@code type} values of the public contract (API.md, "Kafka"). */
public final class EventTypes {
    public static final String OWNER_PROFILE_UPDATED = "passerelle.owner.profile-updated";
    public static final String OWNER_ERASED = "passerelle.owner.erased";
    public static final String CONTACT_UPSERTED = "passerelle.contact.upserted";
    public static final String CONTACT_ERASED = "passerelle.contact.erased";
    public static final String INTERACTION_RECORDED = "passerelle.interaction.recorded";
    public static final String IMPORT_COMPLETED = "passerelle.import.completed";
    public static final String TIE_UPDATED = "passerelle.tie.updated";
    public static final String RECOMMENDATION_ISSUED = "passerelle.recommendation.issued";
    public static final String RECOMMENDATION_WITHDRAWN = "passerelle.recommendation.withdrawn";

    private EventTypes() {
    }
}
