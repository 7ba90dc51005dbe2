package io.passerelle.advice.evaluation;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of sound advice (DOMAIN.md C6 and section 5), checked on every recommendation from the
 * network's own data, independently of the labels (except where a rule is about the labels: a
 * "never" contact, and who holds a business-creation need). Each breach is a {@link Violation}.
 *
 * <p>A request is <b>committing</b> when the ranker says so (request kind COMMITTING) or when its
 * action is committing whatever kind it is given: ASK_REFERRAL, ASK_RECOMMENDATION, and
 * ASK_INTRODUCTION that names nobody (an introduction "into" a company or field). ASK_INTRODUCTION
 * to one named person is the seed's light request, "un contact bien identifié".
 *
 * <p>A tie has a <b>reciprocated exchange</b> when, in the 24 months before the network's
 * {@code now}, the logged interactions hold a MUTUAL one, or an INBOUND and an OUTBOUND one, on a
 * channel other than REACTION, PUBLIC_COMMENT and ENDORSEMENT (a like, a public comment or a
 * one-click endorsement is not an exchange).
 */
final class AdviceRules {

    enum Rule {
        UNKNOWN_CONTACT("the recommended contact, or the person to be introduced to, is not a contact of the owner"),
        GUARDRAIL("a committing request to a STRONG tie or a FAMILY/FRIEND contact, and the owner has not opted in"),
        COMMITTING_WITHOUT_RECIPROCITY("a committing request to a tie without a reciprocated exchange in the last 24 months"),
        CURRENT_COLLEAGUE_IN_JOB_SEARCH("a job search recommends a current colleague (same company as the owner), directly or as the person to be introduced to"),
        INVALID_WARM_PATH("a warm path must be LIGHT, name another contact of the owner, and go through someone who knows that person"),
        RECOMMENDATION_FROM_NON_WITNESS("a recommendation (ASK_RECOMMENDATION) asked of someone who has not seen the owner's work (CLIENT, PARTNER, COLLEAGUE, FORMER_COLLEAGUE)"),
        NEED_NOT_COVERED("a declared business-creation need that the network can meet is met by nobody in the top ten"),
        NEVER_LABEL("a contact the coach says must never appear for this objective"),
        OBJECTIVES_OVERLAP("with the same targets, two objective types share half or more of their top ten");

        final String description;

        Rule(String description) {
            this.description = description;
        }
    }

    /** One breach: which run, which rule, which recommendation (contact), and why. */
    record Violation(String run, Rule rule, String contactId, String displayName, String detail) {
    }

    static final int TOP = 10;
    static final int RECIPROCITY_MONTHS = 24;
    private static final Set<Channel> NOT_AN_EXCHANGE = EnumSet.of(Channel.REACTION, Channel.PUBLIC_COMMENT, Channel.ENDORSEMENT);
    private static final Set<Origin> WITNESSES = EnumSet.of(Origin.CLIENT, Origin.PARTNER, Origin.COLLEAGUE, Origin.FORMER_COLLEAGUE);

    private AdviceRules() {
    }

    /** Every violation in one run's top ten. {@code ties} are the ties the ranker was given, by contact id. */
    static List<Violation> check(EvaluationRun run, Map<String, Tie> ties, List<Recommendation> recommendations) {
        Network network = run.network();
        List<Recommendation> top = recommendations.subList(0, Math.min(TOP, recommendations.size()));
        List<Violation> violations = new ArrayList<>();
        boolean optedIn = network.owner().strongTiesAllowedForCommitting();
        for (Recommendation r : top) {
            String id = r.contactId();
            Contact contact = network.contact(id);
            Recommendation.IntroductionTarget to = r.introductionTo();
            String what = describe(r);
            if (contact == null) {
                violations.add(new Violation(run.title(), Rule.UNKNOWN_CONTACT, id, r.displayName(), what + ": no such contact"));
                continue;
            }
            boolean committing = isCommittingRequest(r);
            Tie tie = ties.get(id);
            TieClass tieClass = tie == null ? null : tie.tieClass();
            if (committing && !optedIn && (tieClass == TieClass.STRONG || (contact.origin() != null && contact.origin().isClosePersonal()))) {
                violations.add(new Violation(run.title(), Rule.GUARDRAIL, id, contact.displayName(),
                        what + " to a " + tieClass + " tie of origin " + contact.origin()));
            }
            if (committing && !reciprocated(network, id)) {
                violations.add(new Violation(run.title(), Rule.COMMITTING_WITHOUT_RECIPROCITY, id, contact.displayName(),
                        what + "; " + lastExchange(network, id)));
            }
            if (run.type() == ObjectiveType.JOB_SEARCH) {
                if (currentColleague(network, id)) {
                    violations.add(new Violation(run.title(), Rule.CURRENT_COLLEAGUE_IN_JOB_SEARCH, id, contact.displayName(),
                            what + ": works at " + contact.company() + ", the owner's company"));
                }
                if (to != null && currentColleague(network, to.contactId())) {
                    violations.add(new Violation(run.title(), Rule.CURRENT_COLLEAGUE_IN_JOB_SEARCH, id, contact.displayName(),
                            what + ": the person to be introduced to works at the owner's company"));
                }
            }
            if (to != null) {
                checkWarmPath(run, r, contact, violations);
            }
            if (r.action() == Action.ASK_RECOMMENDATION && (contact.origin() == null || !WITNESSES.contains(contact.origin()))) {
                violations.add(new Violation(run.title(), Rule.RECOMMENDATION_FROM_NON_WITNESS, id, contact.displayName(),
                        what + " of a contact of origin " + contact.origin()));
            }
            String neverRule = run.labels().never().get(id);
            if (neverRule != null) {
                violations.add(new Violation(run.title(), Rule.NEVER_LABEL, id, contact.displayName(), what + ": " + neverRule));
            }
            if (to != null && run.labels().never().containsKey(to.contactId())) {
                violations.add(new Violation(run.title(), Rule.NEVER_LABEL, id, contact.displayName(),
                        what + ": " + to.displayName() + " must not appear (" + run.labels().never().get(to.contactId()) + ")"));
            }
        }
        if (run.type() == ObjectiveType.BUSINESS_CREATION) {
            checkNeeds(run, top, violations);
        }
        return violations;
    }

    private static void checkWarmPath(EvaluationRun run, Recommendation r, Contact intermediary, List<Violation> violations) {
        Network network = run.network();
        Recommendation.IntroductionTarget to = r.introductionTo();
        String what = describe(r);
        List<String> problems = new ArrayList<>();
        if (r.requestKind() != RequestKind.LIGHT) {
            problems.add("the request is " + r.requestKind() + ", not LIGHT");
        }
        Contact target = to.contactId() == null ? null : network.contact(to.contactId());
        if (target == null) {
            problems.add("the person to be introduced to (" + to.contactId() + ") is not a contact of the owner");
        } else {
            if (to.contactId().equals(r.contactId())) {
                problems.add("the intermediary is asked to introduce the owner to themself");
            }
            if (to.displayName() == null || !to.displayName().equals(target.displayName())) {
                problems.add("the named person is '" + to.displayName() + "', the contact is '" + target.displayName() + "'");
            }
            if (!network.knowEachOther(r.contactId(), to.contactId())) {
                problems.add(intermediary.displayName() + " and " + target.displayName() + " are not known to know each other");
            }
        }
        for (String problem : problems) {
            violations.add(new Violation(run.title(), Rule.INVALID_WARM_PATH, r.contactId(), intermediary.displayName(), what + ": " + problem));
        }
    }

    private static void checkNeeds(EvaluationRun run, List<Recommendation> top, List<Violation> violations) {
        List<String> declared = run.objective().targets().needs();
        for (String need : declared) {
            Set<String> holders = run.labels().needHolders().getOrDefault(need, Set.of());
            if (holders.isEmpty()) {
                continue;
            }
            boolean covered = top.stream().anyMatch(r -> holders.contains(r.contactId())
                    || (r.introductionTo() != null && holders.contains(r.introductionTo().contactId())));
            if (!covered) {
                List<String> names = holders.stream().map(run.network()::nameOf).toList();
                violations.add(new Violation(run.title(), Rule.NEED_NOT_COVERED, null, null,
                        "need '" + need + "' covered by nobody in the top ten; the network holds " + String.join(", ", names)));
            }
        }
    }

    /**
     * Overlap of the owner's runs on one target set: each pair of objective types must share fewer
     * than half of the shorter of their two top tens (recommended contacts, by id).
     */
    static List<Violation> overlap(String owner, Map<ObjectiveType, List<Recommendation>> tops) {
        List<Violation> violations = new ArrayList<>();
        List<ObjectiveType> types = new ArrayList<>(tops.keySet());
        for (int i = 0; i < types.size(); i++) {
            for (int j = i + 1; j < types.size(); j++) {
                Set<String> a = contactIds(tops.get(types.get(i)));
                Set<String> b = contactIds(tops.get(types.get(j)));
                Set<String> shared = new LinkedHashSet<>(a);
                shared.retainAll(b);
                int shorter = Math.min(a.size(), b.size());
                if (shorter > 0 && 2 * shared.size() >= shorter) {
                    violations.add(new Violation(owner + " / same targets", Rule.OBJECTIVES_OVERLAP, null, null,
                            types.get(i) + " and " + types.get(j) + " share " + shared.size() + " of " + shorter + ": " + String.join(", ", shared)));
                }
            }
        }
        return violations;
    }

    static Set<String> contactIds(List<Recommendation> recommendations) {
        Set<String> ids = new LinkedHashSet<>();
        recommendations.stream().limit(TOP).forEach(r -> ids.add(r.contactId()));
        return ids;
    }

    /** Whether the request commits the contact, whatever kind the ranker gave it. */
    static boolean isCommittingRequest(Recommendation r) {
        if (r.requestKind() == RequestKind.COMMITTING) {
            return true;
        }
        return r.action() == Action.ASK_REFERRAL
                || r.action() == Action.ASK_RECOMMENDATION
                || (r.action() == Action.ASK_INTRODUCTION && r.introductionTo() == null);
    }

    /** A reciprocated exchange in the 24 months before the network's {@code now} (see the class comment). */
    static boolean reciprocated(Network network, String contactId) {
        Instant from = reciprocityWindowStart(network);
        boolean inbound = false;
        boolean outbound = false;
        for (Interaction i : network.interactionsOf(contactId)) {
            if (i.occurredAt().isBefore(from) || i.occurredAt().isAfter(network.now()) || NOT_AN_EXCHANGE.contains(i.channel())) {
                continue;
            }
            if (i.direction() == Direction.MUTUAL) {
                return true;
            }
            inbound |= i.direction() == Direction.INBOUND;
            outbound |= i.direction() == Direction.OUTBOUND;
        }
        return inbound && outbound;
    }

    static Instant reciprocityWindowStart(Network network) {
        return network.now().atZone(ZoneOffset.UTC).minusMonths(RECIPROCITY_MONTHS).toInstant();
    }

    /** Works at the owner's current company (compared without case, accents or punctuation). */
    static boolean currentColleague(Network network, String contactId) {
        Contact contact = network.contact(contactId);
        String ownerCompany = normal(network.owner().company());
        return contact != null && !ownerCompany.isEmpty() && ownerCompany.equals(normal(contact.company()));
    }

    private static String lastExchange(Network network, String contactId) {
        List<Interaction> all = network.interactionsOf(contactId);
        if (all.isEmpty()) {
            return "no interaction was ever logged";
        }
        Instant from = reciprocityWindowStart(network);
        long recent = all.stream().filter(i -> !i.occurredAt().isBefore(from)).count();
        Instant last = all.stream().map(Interaction::occurredAt).max(Instant::compareTo).orElseThrow();
        return recent == 0
                ? "last interaction " + last.toString().substring(0, 10) + ", none in 24 months"
                : recent + " interaction(s) in 24 months, none reciprocated (likes, public comments or one-way)";
    }

    private static String describe(Recommendation r) {
        return r.action() + "/" + r.requestKind() + (r.introductionTo() == null ? "" : " to " + r.introductionTo().displayName());
    }

    static String normal(String value) {
        if (value == null) {
            return "";
        }
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
