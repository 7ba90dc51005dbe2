package io.passerelle.contracts.model;

/** How the owner came to know a contact (DOMAIN.md C1). */
public enum Origin {
    FAMILY, FRIEND, NEIGHBOUR, SCHOOL, FORMER_COLLEAGUE, COLLEAGUE, CLIENT, PARTNER, EVENT, ONLINE, INTRODUCED, OTHER;

    /** Close personal ties: never asked for committing favours unless the owner opts in (DOMAIN.md C6). */
    public boolean isClosePersonal() {
        return this == FAMILY || this == FRIEND;
    }
}
