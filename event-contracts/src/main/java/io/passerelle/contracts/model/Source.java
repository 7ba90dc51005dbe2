package io.passerelle.contracts.model;

/** The platform a contact or interaction came from (DOMAIN.md C11). */
public enum Source {
    LINKEDIN, VIADEO, FACEBOOK, TWITTER, INSTAGRAM, YOUTUBE, GOOGLE, EMAIL, PHONE, CALENDAR, MANUAL, OTHER
}
