package io.passerelle.runtime.security;

/** The roles a bearer token grants, read from its {@code groups} claim. */
public final class Roles {
    /** The platform's backend: any owner's data. */
    public static final String PLATFORM = "platform";
    /** A professional: only the data of the owner named by the token's {@code sub}. */
    public static final String OWNER = "owner";
    /** The people who run Passerelle: webhook subscriptions, replay. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
