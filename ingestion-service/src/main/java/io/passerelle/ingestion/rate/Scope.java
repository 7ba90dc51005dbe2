package io.passerelle.ingestion.rate;

/** Whom a limit counts for: the caller (the bearer token's subject) or the owner of the path. */
public enum Scope {
    CALLER("per-caller"),
    OWNER("per-owner");

    private final String configName;

    Scope(String configName) {
        this.configName = configName;
    }

    /** The name in {@code passerelle.ingestion.rate-limit.<class>.<name>.*} and in the 429 answer. */
    public String configName() {
        return configName;
    }
}
