package io.passerelle.ingestion.rate;

/** The two classes of limited requests: single writes (batches included) and file imports. */
public enum LimitClass {
    /** PUT, POST and DELETE of profiles, contacts, interactions, batches and erasures. */
    WRITES("writes"),
    /** POST .../imports: one request carries a whole file, so the limit is lower. */
    IMPORTS("imports");

    private final String configName;

    LimitClass(String configName) {
        this.configName = configName;
    }

    /** The name in {@code passerelle.ingestion.rate-limit.<name>.*} and in the 429 answer. */
    public String configName() {
        return configName;
    }
}
