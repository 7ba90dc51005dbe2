package io.passerelle.contracts.model;

/** Whether a request engages the contact (COMMITTING) or only asks a precise, light thing (DOMAIN.md C6). */
public enum RequestKind {
    COMMITTING, LIGHT
}
