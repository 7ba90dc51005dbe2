package io.passerelle.graph.diagnostics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why the diagnostics give no brokerage measures (API.md: brokerage is "null with a reason when
 * mutual-contact data is too thin"). A contact has mutual-contact data when it is tied to at least
 * one other contact of the owner, naming it or named by it in {@code mutualContactIds}.
 *
 * @param reason                 {@link #THIN_MUTUAL_CONTACT_DATA} or {@link #NO_CONTACTS}
 * @param contactsWithMutualData contacts tied to at least one other contact
 * @param share                  that count over all contacts (0 without contacts)
 * @param threshold              the share below which the measures are not given
 */
@Schema(description = "Why brokerage is null: too few contacts carry mutual-contact data (or there are no contacts)")
public record BrokerageUnavailable(
        @Schema(description = "THIN_MUTUAL_CONTACT_DATA or NO_CONTACTS", enumeration = {THIN_MUTUAL_CONTACT_DATA, NO_CONTACTS})
        String reason,
        @Schema(description = "Contacts tied to at least one other contact of the owner (naming it or named by it among mutualContactIds)")
        int contactsWithMutualData,
        @Schema(description = "contactsWithMutualData over all contacts, 0 to 1")
        double share,
        @Schema(description = "The share below which brokerage is not computed (passerelle.graph.diagnostics.brokerage.minimum-mutual-data-share)")
        double threshold) {
    public static final String THIN_MUTUAL_CONTACT_DATA = "THIN_MUTUAL_CONTACT_DATA";
    public static final String NO_CONTACTS = "NO_CONTACTS";

    static BrokerageUnavailable thinData(int contactsWithMutualData, double share, double threshold) {
        return new BrokerageUnavailable(THIN_MUTUAL_CONTACT_DATA, contactsWithMutualData, share, threshold);
    }

    static BrokerageUnavailable noContacts(double threshold) {
        return new BrokerageUnavailable(NO_CONTACTS, 0, 0.0, threshold);
    }
}
