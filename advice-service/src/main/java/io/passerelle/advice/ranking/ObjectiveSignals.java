package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Source;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a contact worth asking for one objective beyond its targets (DOMAIN.md section 5, "each
 * objective is its own search"), in [0, 1], with the reasons to show:
 * <ul>
 * <li>JOB_SEARCH: a recruiter (1 inside a target company or sector, or whose role names a target
 * sector or role, 0.6 elsewhere), or a hiring
 * manager (someone who leads a team) inside a target company (0.8; 0.4 in a target sector only).</li>
 * <li>COMMERCIAL_PROSPECTING: an existing client (0.9, and a relevance of at least 0.7 whatever the
 * targets: clients refer peers), a business partner with a two-way exchange within the reciprocity
 * window (0.7, relevance at least 0.5: partners refer to the clients they share), a decision maker (1 for the head
 * of a firm, its owners, partners and C-level, 0.7 for directors, heads of a function and buyers).</li>
 * <li>BUSINESS_CREATION: a need the contact covers (the declared needs, or without any every skill
 * a founder lacks: 1, or 0.5 for a decision maker of a target sector, only a possible first customer); else a role that brings what founders lack (founders, investors, mentors, lawyers,
 * accountants: 0.6).</li>
 * <li>E_REPUTATION: an audience: a role that speaks to one (journalist, speaker, author, …) 0.6,
 * a social-platform source 0.25, public engagement with the owner (interactions but no two-way
 * exchange) 0.15.</li>
 * <li>INFORMATION: nothing beyond the targets.</li>
 * </ul>
 * Roles are classified once per distinct spelling for the length of a ranking (not thread-safe).
 */
final class ObjectiveSignals {
    private static final Set<Source> SOCIAL_PLATFORMS = EnumSet.of(Source.LINKEDIN, Source.VIADEO, Source.FACEBOOK, Source.TWITTER,
            Source.INSTAGRAM, Source.YOUTUBE);

    /**
     * @param value the objective's own signal, in [0, 1]
     * @param standsAlone whether the contact is worth ranking for this objective even when it matches
     *                    none of its targets (any recruiter for a job search, an existing client for prospecting)
     * @param keyPerson whether the contact is someone the owner should reach, through someone else if
     *                  not directly (a decision maker, a recruiter or hiring manager at a target)
     * @param relevanceFloor the relevance the contact has for the objective whatever the targets: an
     *                       existing client's referral is worth a good match in prospecting
     */
    record Signal(double value, List<ReasonCode> reasons, boolean standsAlone, boolean keyPerson, double relevanceFloor) {
        static final Signal NONE = new Signal(0, List.of(), false, false, 0);

        Signal(double value, List<ReasonCode> reasons, boolean standsAlone, boolean keyPerson) {
            this(value, reasons, standsAlone, keyPerson, 0);
        }
    }

    private record RoleTraits(double decisionWeight, boolean recruiter, boolean hiringLevel, boolean audience, boolean founderSkill) {
    }

    /** The signal of someone who founded, funds or advises, for a business creation. */
    static final double FOUNDER_SKILL = 0.6;

    /** The signal of a business partner with a two-way exchange, for prospecting: a source of referrals. */
    static final double PARTNER_REFERRAL = 0.7;
    /** How relevant such a partner is to prospecting whatever their sector or place. */
    static final double PARTNER_REFERRAL_RELEVANCE = 0.5;

    /** How relevant an existing client is to prospecting whatever their sector or place: they refer peers. */
    static final double CLIENT_REFERRAL_RELEVANCE = 0.7;

    private final ObjectiveType type;
    private final RelevanceMatcher.PreparedTargets targets;
    private final java.time.Instant reciprocatedSince;
    private final NormalizedText.Memo memo;
    private final Map<String, RoleTraits> traits = new HashMap<>();
    private final Map<String, Boolean> audienceTags = new HashMap<>();
    private final Map<String, Boolean> hiringFields = new HashMap<>();

    ObjectiveSignals(ObjectiveType type, RelevanceMatcher.PreparedTargets targets, java.time.Instant reciprocatedSince,
                     NormalizedText.Memo memo) {
        this.type = type;
        this.reciprocatedSince = reciprocatedSince;
        this.targets = targets;
        this.memo = memo;
    }

    Signal of(RankableTie tie, Relevance relevance) {
        Contact contact = tie.contact();
        RoleTraits role = contact == null || contact.role() == null ? new RoleTraits(0, false, false, false, false) : traitsOf(contact.role());
        boolean atTarget = relevance.has(TargetMatch.Kind.COMPANY) || relevance.has(TargetMatch.Kind.SECTOR);
        return switch (type) {
            case JOB_SEARCH -> {
                if (role.recruiter()) {
                    // A recruiter's speciality is in their role ("Recruiter, health tech"), their sector is recruitment.
                    boolean specialised = atTarget || targets.specialityNamedInRole(contact.role(), memo) != null;
                    yield new Signal(specialised ? 1.0 : 0.6, List.of(ReasonCode.RECRUITER), true, specialised);
                }
                // A team lead hires into their own company: at a target company it is a hiring manager; in a
                // target sector only, one among many. When the objective names the roles wanted, the team is
                // theirs: the head of product hires a product manager; the head of procurement, or of the whole
                // firm, does not (they remain insiders).
                // Only a hiring-level role is asked: a tie whose contact has not arrived yet has no role at all.
                boolean hiresForTheRole = role.hiringLevel() && hiresForTargetRoles(contact.role());
                if (hiresForTheRole && relevance.has(TargetMatch.Kind.COMPANY)) {
                    yield new Signal(0.8, List.of(ReasonCode.HIRING_MANAGER), false, true);
                }
                if (hiresForTheRole && atTarget) {
                    yield new Signal(0.4, List.of(), false, false);
                }
                yield Signal.NONE;
            }
            case COMMERCIAL_PROSPECTING -> {
                List<ReasonCode> reasons = new ArrayList<>(2);
                double value = 0;
                boolean client = Relationship.isClient(tie);
                // A partner who works with the owner refers them to the clients they share; only once the relationship
                // is two-way (a referral is a committing request).
                boolean partner = !client && Relationship.isPartner(tie) && Relationship.reciprocatedSince(tie, reciprocatedSince);
                if (client) {
                    reasons.add(ReasonCode.EXISTING_CLIENT);
                    value = 0.9;
                } else if (partner) {
                    reasons.add(ReasonCode.REFERRING_PARTNER);
                    value = PARTNER_REFERRAL;
                }
                if (role.decisionWeight() > 0) {
                    reasons.add(ReasonCode.DECISION_MAKER);
                    value = Math.max(value, role.decisionWeight());
                }
                yield new Signal(value, reasons, client || partner, role.decisionWeight() > 0 && relevance.score() > 0,
                        client ? CLIENT_REFERRAL_RELEVANCE : partner ? PARTNER_REFERRAL_RELEVANCE : 0);
            }
            case BUSINESS_CREATION -> {
                double need = relevance.match(TargetMatch.Kind.NEED).map(TargetMatch::quality).orElse(0.0);
                if (need >= FOUNDER_SKILL || !role.founderSkill()) {
                    yield need > 0 ? new Signal(need, List.of(), false, true) : Signal.NONE;
                }
                // Beyond the needs (declared, or every skill a founder lacks): those who founded, fund or advise.
                yield new Signal(FOUNDER_SKILL, List.of(ReasonCode.FOUNDER_EXPERIENCE), false, need > 0);
            }
            case E_REPUTATION -> {
                double value = (role.audience() || taggedAsAudience(contact) ? 0.6 : 0)
                        + (contact != null && contact.source() != null && SOCIAL_PLATFORMS.contains(contact.source()) ? 0.25 : 0)
                        + (tie.tie().interactionCount() > 0 && tie.tie().lastReciprocatedAt() == null ? 0.15 : 0);
                yield new Signal(value, value >= 0.6 ? List.of(ReasonCode.AUDIENCE_REACH) : List.of(), false, false);
            }
            case INFORMATION -> Signal.NONE;
        };
    }

    /** Whether a role shares a word of the target roles' field ("VP Product" for "Product manager"), or none are named. */
    private boolean hiresForTargetRoles(String role) {
        return targets.roleFields().isEmpty()
                || hiringFields.computeIfAbsent(role, value -> RoleVocabulary.containsAny(memo.padded(value), targets.roleFields()));
    }

    private RoleTraits traitsOf(String role) {
        return traits.computeIfAbsent(role, value -> {
            String padded = memo.padded(value);
            return new RoleTraits(RoleVocabulary.decisionWeight(padded), RoleVocabulary.isRecruiter(padded),
                    RoleVocabulary.isHiringLevel(padded), RoleVocabulary.speaksToAnAudience(padded),
                    RoleVocabulary.bringsWhatFoundersLack(padded));
        });
    }

    private boolean taggedAsAudience(Contact contact) {
        if (contact == null || contact.tags() == null) {
            return false;
        }
        for (String tag : contact.tags()) {
            if (tag != null && audienceTags.computeIfAbsent(tag, value -> RoleVocabulary.speaksToAnAudience(memo.padded(value)))) {
                return true;
            }
        }
        return false;
    }
}
