package io.passerelle.tie;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The origin a tie is read with (DOMAIN.md C1), for contacts that come without one (imports from
 * LinkedIn arrive with none): the contact's own origin when set; else COLLEAGUE when the contact's
 * current company is the owner's; else FORMER_COLLEAGUE when the contact's company or past companies
 * meet the owner's past companies, or the contact's past companies include the owner's current one;
 * else SCHOOL when their schools meet; else ONLINE when the contact came from a social platform;
 * else unknown (null). Companies and schools are compared without case, accents or punctuation
 * ({@link GeographicScaleResolver#normalized}).
 */
public final class OriginInference {

    /** The platforms whose contacts were met online, unless something better is known. */
    public static final Set<Source> SOCIAL_PLATFORMS = Set.copyOf(EnumSet.of(
            Source.LINKEDIN, Source.VIADEO, Source.FACEBOOK, Source.TWITTER, Source.INSTAGRAM, Source.YOUTUBE));

    /** What the origin rests on. */
    public enum Basis {
        /** The contact's own origin. */
        DECLARED,
        /** The contact works at the owner's current company. */
        SAME_COMPANY,
        /** The contact and the owner worked at the same company. */
        PAST_COMPANY,
        /** The contact and the owner went to the same school. */
        SAME_SCHOOL,
        /** The contact came from a social platform. */
        SOCIAL_PLATFORM,
        /** Nothing: the origin is unknown. */
        NONE
    }

    /**
     * The effective origin of a contact.
     *
     * @param origin   null when unknown
     * @param basis    what it rests on
     * @param evidence the company or school both share, as the contact's data spells it, or the platform; null otherwise
     */
    public record EffectiveOrigin(Origin origin, Basis basis, String evidence) {
        static final EffectiveOrigin UNKNOWN = new EffectiveOrigin(null, Basis.NONE, null);

        public EffectiveOrigin {
            Objects.requireNonNull(basis, "basis");
        }

        /** Whether the origin was inferred rather than given with the contact. */
        public boolean inferred() {
            return origin != null && basis != Basis.DECLARED;
        }
    }

    private OriginInference() {
    }

    /** The contact's effective origin relative to its owner; both may be unknown (null). */
    public static EffectiveOrigin infer(Contact contact, OwnerProfile owner) {
        if (contact == null) {
            return EffectiveOrigin.UNKNOWN;
        }
        if (contact.origin() != null) {
            return new EffectiveOrigin(contact.origin(), Basis.DECLARED, null);
        }
        if (owner != null) {
            if (GeographicScaleResolver.same(contact.company(), owner.company())) {
                return new EffectiveOrigin(Origin.COLLEAGUE, Basis.SAME_COMPANY, contact.company().trim());
            }
            List<String> contactCompanies = new ArrayList<>();
            contactCompanies.add(contact.company());
            if (contact.pastCompanies() != null) {
                contactCompanies.addAll(contact.pastCompanies());
            }
            String pastCompany = firstShared(contactCompanies, owner.pastCompanies());
            if (pastCompany == null && owner.company() != null) {
                pastCompany = firstShared(contact.pastCompanies(), List.of(owner.company()));
            }
            if (pastCompany != null) {
                return new EffectiveOrigin(Origin.FORMER_COLLEAGUE, Basis.PAST_COMPANY, pastCompany);
            }
            String school = firstShared(contact.schools(), owner.schools());
            if (school != null) {
                return new EffectiveOrigin(Origin.SCHOOL, Basis.SAME_SCHOOL, school);
            }
        }
        if (contact.source() != null && SOCIAL_PLATFORMS.contains(contact.source())) {
            return new EffectiveOrigin(Origin.ONLINE, Basis.SOCIAL_PLATFORM, platformName(contact.source()));
        }
        return EffectiveOrigin.UNKNOWN;
    }

    /** The effective origin alone. */
    public static Origin originOf(Contact contact, OwnerProfile owner) {
        return infer(contact, owner).origin();
    }

    /** The first of the contact's values that one of the owner's values names too, as the contact spells it; null when none. */
    private static String firstShared(List<String> contactValues, List<String> ownerValues) {
        if (contactValues == null || ownerValues == null || ownerValues.isEmpty()) {
            return null;
        }
        List<String> owner = new ArrayList<>(ownerValues.size());
        for (String value : ownerValues) {
            String normalized = GeographicScaleResolver.normalized(value);
            if (normalized != null) {
                owner.add(normalized);
            }
        }
        for (String value : contactValues) {
            String normalized = GeographicScaleResolver.normalized(value);
            if (normalized != null && owner.contains(normalized)) {
                return value.trim();
            }
        }
        return null;
    }

    static String platformName(Source source) {
        return switch (source) {
            case LINKEDIN -> "LinkedIn";
            case VIADEO -> "Viadeo";
            case FACEBOOK -> "Facebook";
            case TWITTER -> "Twitter";
            case INSTAGRAM -> "Instagram";
            case YOUTUBE -> "YouTube";
            case GOOGLE -> "Google";
            case EMAIL -> "e-mail";
            case PHONE -> "the phone";
            case CALENDAR -> "a calendar";
            case MANUAL -> "manual entry";
            case OTHER -> "another source";
        };
    }
}
