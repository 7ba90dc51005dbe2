package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.OwnerProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches a contact's attributes against an objective's targets, case- and accent-insensitively and
 * through the synonyms of {@link TargetVocabulary}: sector (else a sector the role names), role, company (current, or past at a
 * lower weight), location (city, department, region or country, by ISO code or by English or French
 * name), geographic scale, topics against the contact's tags, and needs against role, sector and tags.
 */
public final class RelevanceMatcher {
    private static final Map<String, Set<String>> COUNTRY_NAMES = new ConcurrentHashMap<>();
    /** How well a role that names a target sector ("Recruiter, health tech") matches it: someone who serves the sector. */
    static final double SERVES_THE_SECTOR = 0.5;
    /** How well a decision maker of a target sector covers the need for first customers: a possible customer, not one. */
    static final double LIKELY_CUSTOMER = 0.5;

    private final RankingParameters.TargetWeights weights;

    public RelevanceMatcher(RankingParameters.TargetWeights weights) {
        this.weights = weights;
    }

    /** Matches one tie; a ranking of many ties should {@link #prepare} once instead. */
    public Relevance match(Objective objective, OwnerProfile owner, RankableTie tie) {
        return prepare(objective, owner).match(tie, new NormalizedText.Memo());
    }

    /** The objective's targets in normal form with their synonyms, ready to match many ties. */
    public PreparedTargets prepare(Objective objective, OwnerProfile owner) {
        return prepare(objective, owner, 1.0);
    }

    /**
     * @param territoryFactor how much more than elsewhere places and scales weigh (prospecting is
     *                        territorial: DOMAIN.md section 5)
     */
    public PreparedTargets prepare(Objective objective, OwnerProfile owner, double territoryFactor) {
        Objective.Targets targets = objective.targets();
        return new PreparedTargets(variants(targets.sectors()), variants(targets.roles()), variants(targets.companies()),
                variants(targets.locations()), targets.scales(), variants(topicsOf(objective, owner)), variants(needsOf(objective, owner)),
                restricting(objective), territoryFactor,
                owner != null && (RoleVocabulary.containsAny(NormalizedText.padded(owner.role()), RoleVocabulary.TECHNICAL)
                        || RoleVocabulary.containsAny(NormalizedText.padded(owner.role()), RoleVocabulary.ENGINEERS)),
                objective.type() == ObjectiveType.JOB_SEARCH);
    }

    /**
     * Whether a contact must match one of the objective's targets to be ranked at all. An
     * e-reputation objective looks for reach into audiences the owner does not touch yet: its topics
     * (or the owner's) raise a contact who shares them, they never leave the others out.
     */
    private static boolean restricting(Objective objective) {
        Objective.Targets t = objective.targets();
        boolean beyondTopics = !(t.sectors().isEmpty() && t.roles().isEmpty() && t.companies().isEmpty() && t.locations().isEmpty()
                && t.scales().isEmpty() && (t.needs().isEmpty() || objective.type() != ObjectiveType.BUSINESS_CREATION));
        return objective.type() == ObjectiveType.E_REPUTATION ? beyondTopics : beyondTopics || !t.topics().isEmpty();
    }

    /** A target in the objective's own wording and its padded normal forms (synonyms included). */
    record Target(String wording, List<String> padded) {
    }

    private static List<Target> variants(List<String> wordings) {
        List<Target> prepared = new ArrayList<>();
        for (String wording : wordings) {
            if (wording != null && !wording.isBlank()) {
                prepared.add(new Target(wording, TargetVocabulary.paddedVariants(wording)));
            }
        }
        return prepared;
    }

    /**
     * An objective's targets, prepared once per ranking. Contacts share a few hundred distinct
     * sectors, roles, companies and places among tens of thousands, so each distinct value is
     * matched once and remembered for the rest of the ranking (not thread-safe: one ranking, one thread).
     */
    public final class PreparedTargets {
        private static final String NONE = "";
        private final Map<String, String> sectorCache = new HashMap<>();
        private final Map<String, String> roleCache = new HashMap<>();
        private final Map<String, String> companyCache = new HashMap<>();
        private final Map<Location, String> placeCache = new HashMap<>();
        private final Map<String, String> topicCache = new HashMap<>();
        private final Map<String, String> needInRoleCache = new HashMap<>();
        private final Map<String, String> needInSectorCache = new HashMap<>();
        private final Map<String, String> needInTagCache = new HashMap<>();
        private final Map<String, String> specialityInRoleCache = new HashMap<>();
        private final Map<String, String> sectorInRoleCache = new HashMap<>();
        private final Map<String, NeedTraits> needTraits = new HashMap<>();
        private final List<Target> sectors;
        private final List<Target> roles;
        private final List<Target> companies;
        private final List<Target> locations;
        private final List<GeographicScale> scales;
        private final List<Target> topics;
        private final List<Target> needs;
        private final List<TargetVocabulary.NeedKind> needKinds;
        private final boolean restricting;
        private final double territoryFactor;
        private final boolean ownerTechnical;
        // A job search names the role the owner wants: those who hold it are peers to ask for advice, not
        // people who hire; the role weighs half as much there.
        private final double roleFactor;
        private final boolean decidingRoles;
        private final List<String> roleFields;
        private final boolean jobSearch;
        // The memo of the one-argument match, shared with the narrowed copies.
        private NormalizedText.Memo ownMemo;

        PreparedTargets(List<Target> sectors, List<Target> roles, List<Target> companies, List<Target> locations,
                        List<GeographicScale> scales, List<Target> topics, List<Target> needs, boolean restricting,
                        double territoryFactor, boolean ownerTechnical, boolean jobSearch) {
            this.sectors = sectors;
            this.roles = roles;
            this.companies = companies;
            this.locations = locations;
            this.scales = scales;
            this.topics = topics;
            this.needs = needs;
            this.needKinds = needs.stream().map(need -> TargetVocabulary.needKind(need.wording())).toList();
            this.restricting = restricting;
            this.territoryFactor = territoryFactor;
            this.ownerTechnical = ownerTechnical;
            this.roleFactor = jobSearch ? 0.5 : 1.0;
            this.jobSearch = jobSearch;
            this.decidingRoles = roles.stream().anyMatch(role -> RoleVocabulary.decisionWeight(role.padded().get(0)) > 0);
            this.roleFields = roles.stream().flatMap(role -> java.util.Arrays.stream(role.padded().get(0).trim().split(" ")))
                    .filter(word -> word.length() > 2 && !RoleVocabulary.SENIORITY_AND_FUNCTION_WORDS.contains(word))
                    .distinct().toList();
        }

        /**
         * The objective's targets of one kind in its own wording, the implicit ones included (a founder's
         * needs when none are declared, the owner's topics for an e-reputation); scales by their names.
         * {@code PAST_COMPANY} reads the companies.
         */
        public List<String> wordings(TargetMatch.Kind kind) {
            if (kind == TargetMatch.Kind.SCALE) {
                return scales.stream().map(GeographicScale::name).toList();
            }
            return listOf(kind).stream().map(Target::wording).toList();
        }

        /**
         * The same targets with the list of one kind narrowed to the single target of that wording, the
         * other lists unchanged (a need may depend on the target sectors): matching a tie against them
         * tells whether it reaches that one target, by the very rules of {@link #match}.
         */
        public PreparedTargets narrowedTo(TargetMatch.Kind kind, String wording) {
            List<Target> one = kind == TargetMatch.Kind.SCALE ? List.of()
                    : listOf(kind).stream().filter(target -> target.wording().equals(wording)).limit(1).toList();
            List<GeographicScale> oneScale = kind != TargetMatch.Kind.SCALE ? scales
                    : scales.stream().filter(scale -> scale.name().equals(wording)).limit(1).toList();
            PreparedTargets narrowed = new PreparedTargets(kind == TargetMatch.Kind.SECTOR ? one : sectors, kind == TargetMatch.Kind.ROLE ? one : roles,
                    kind == TargetMatch.Kind.COMPANY || kind == TargetMatch.Kind.PAST_COMPANY ? one : companies,
                    kind == TargetMatch.Kind.LOCATION ? one : locations, oneScale, kind == TargetMatch.Kind.TOPIC ? one : topics,
                    kind == TargetMatch.Kind.NEED ? one : needs, restricting, territoryFactor, ownerTechnical, jobSearch);
            narrowed.ownMemo = memo();
            return narrowed;
        }

        /** Matches one tie, with a memo of normal forms kept by these targets (and shared with their narrowed copies). */
        public Relevance match(RankableTie tie) {
            return match(tie, memo());
        }

        private NormalizedText.Memo memo() {
            if (ownMemo == null) {
                ownMemo = new NormalizedText.Memo();
            }
            return ownMemo;
        }

        private List<Target> listOf(TargetMatch.Kind kind) {
            return switch (kind) {
                case SECTOR -> sectors;
                case ROLE -> roles;
                case COMPANY, PAST_COMPANY -> companies;
                case LOCATION -> locations;
                case TOPIC -> topics;
                case NEED -> needs;
                case SCALE -> List.of();
            };
        }

        public boolean isEmpty() {
            return sectors.isEmpty() && roles.isEmpty() && companies.isEmpty() && locations.isEmpty() && scales.isEmpty()
                    && topics.isEmpty() && needs.isEmpty();
        }

        /** Whether a contact that matches none of the targets is left out (see {@link RelevanceMatcher#restricting}). */
        public boolean restricting() {
            return restricting;
        }

        public TargetVocabulary.NeedKind needKind(String wording) {
            for (int i = 0; i < needs.size(); i++) {
                if (needs.get(i).wording().equals(wording)) {
                    return needKinds.get(i);
                }
            }
            return TargetVocabulary.NeedKind.OTHER;
        }

        /** Whether the objective names sectors or companies: where the people it looks for work. */
        public boolean namesSectorsOrCompanies() {
            return !sectors.isEmpty() || !companies.isEmpty();
        }

        /** Whether the objective names a territory: places or geographic scales. */
        public boolean namesTerritory() {
            return !locations.isEmpty() || !scales.isEmpty();
        }

        /**
         * The words that name the field of the target roles, seniority and function words aside:
         * "product" for "Product manager" and "Head of Product"; empty when no role is named.
         */
        public List<String> roleFields() {
            return roleFields;
        }

        /** Whether one of the target roles is a decision maker's ("Head of Product", "DAF", "Gérant"). */
        public boolean namesDecidingRoles() {
            return decidingRoles;
        }

        /** Whether the objective names whom to look for: sectors, companies or roles, beyond places. */
        public boolean namesWhom() {
            return !sectors.isEmpty() || !companies.isEmpty() || !roles.isEmpty();
        }

        public boolean targetsScales() {
            return !scales.isEmpty();
        }

        /**
         * The target sector or role a role names ("Recruiter, health tech and medtech", "Recruteur
         * Product Management"), or null: a recruiter's speciality is written in their role, their own
         * sector is recruitment.
         */
        public String specialityNamedInRole(String role, NormalizedText.Memo memo) {
            return cached(specialityInRoleCache, role, value -> {
                String padded = memo.padded(value);
                String sector = firstContained(sectors, padded);
                return sector != null ? sector : firstContained(roles, padded);
            });
        }

        /** The objective's sector targets, in its own wording. */
        public List<String> sectorWordings() {
            return sectors.stream().map(Target::wording).toList();
        }

        public Relevance match(RankableTie tie, NormalizedText.Memo memo) {
            Contact contact = tie.contact();
            List<TargetMatch> matches = new ArrayList<>(2);
            double weighted = 0;
            double named = 0;

            if (!sectors.isEmpty()) {
                named += weights.sectors();
                String sector = contact == null ? null
                        : cached(sectorCache, contact.sector(), value -> firstContained(sectors, memo.padded(value)));
                double quality = 1.0;
                if (sector == null && contact != null) {
                    // Who works for a sector from outside it says so in their role: "Journaliste fintech",
                    // "Organizer, Digital Health Meetup", "Avocat, droit de la santé". They know it; they are not in it...
                    sector = cached(sectorInRoleCache, contact.role(), value -> firstContained(sectors, memo.padded(value)));
                    if (sector == null) {
                        // ... or their organisation's name does: "Spreewerk Health Accelerator", "Lyon Fintech Meetup".
                        sector = cached(sectorInRoleCache, contact.company(), value -> firstContained(sectors, memo.padded(value)));
                    }
                    quality = SERVES_THE_SECTOR;
                }
                if (sector != null) {
                    matches.add(new TargetMatch(TargetMatch.Kind.SECTOR, sector, quality));
                    weighted += weights.sectors() * quality;
                }
            }
            if (!roles.isEmpty()) {
                named += weights.roles() * roleFactor;
                String role = contact == null ? null
                        : cached(roleCache, contact.role(), value -> firstContained(roles, memo.padded(value)));
                if (role != null) {
                    matches.add(new TargetMatch(TargetMatch.Kind.ROLE, role, 1.0));
                    weighted += weights.roles() * roleFactor;
                }
            }
            if (!companies.isEmpty()) {
                named += weights.companies();
                String current = contact == null ? null
                        : cached(companyCache, contact.company(), value -> firstOverlapping(companies, memo.padded(value)));
                String past = null;
                if (current == null && contact != null && contact.pastCompanies() != null) {
                    for (String pastCompany : contact.pastCompanies()) {
                        past = cached(companyCache, pastCompany, value -> firstOverlapping(companies, memo.padded(value)));
                        if (past != null) {
                            break;
                        }
                    }
                }
                if (current != null) {
                    matches.add(new TargetMatch(TargetMatch.Kind.COMPANY, current, 1.0));
                    weighted += weights.companies();
                } else if (past != null) {
                    matches.add(new TargetMatch(TargetMatch.Kind.PAST_COMPANY, past, weights.pastCompanyFactor()));
                    weighted += weights.companies() * Math.min(1.0, weights.pastCompanyFactor());
                }
            }
            if (!locations.isEmpty()) {
                named += weights.locations() * territoryFactor;
                String place = contact == null || contact.location() == null ? null
                        : cached(placeCache, contact.location(), value -> firstPlace(value, memo));
                if (place != null) {
                    matches.add(new TargetMatch(TargetMatch.Kind.LOCATION, place, 1.0));
                    weighted += weights.locations() * territoryFactor;
                }
            }
            if (!scales.isEmpty()) {
                named += weights.scales() * territoryFactor;
                GeographicScale scale = tie.tie().geographicScale();
                if (scale != null && scales.contains(scale)) {
                    matches.add(new TargetMatch(TargetMatch.Kind.SCALE, scale.name(), 1.0));
                    weighted += weights.scales() * territoryFactor;
                }
            }
            if (!topics.isEmpty()) {
                named += weights.topics();
                String topic = firstInTags(topics, topicCache, contact, memo);
                if (topic != null) {
                    matches.add(new TargetMatch(TargetMatch.Kind.TOPIC, topic, 1.0));
                    weighted += weights.topics();
                }
            }
            if (!needs.isEmpty()) {
                named += weights.needs();
                TargetMatch need = contact == null ? null : firstNeed(contact, tie, memo, Relevance.inOwnSector(matches),
                        sectors.isEmpty() || Relevance.has(matches, TargetMatch.Kind.SECTOR));
                if (need != null) {
                    matches.add(need);
                    weighted += weights.needs() * need.quality();
                }
            }
            double score = named <= 0 ? 0 : Math.min(1.0, weighted / named);
            return new Relevance(score, matches);
        }

        /**
         * The first need the contact covers: by role, then sector, then tags, through the needs'
         * vocabulary; then by what the role says of the person for the needs declared (in their
         * order): a co-founder complements the owner (a technical role for an owner who is not
         * technical, an engineer or architect of no stated speciality only within a target sector;
         * a business role for an owner who is), suppliers sell (sales, business development,
         * account management), first customers are the owner's existing clients (quality 1) or decision
         * makers in a target sector (possible customers, {@link #LIKELY_CUSTOMER}). A buyer is never a supplier.
         * When the objective names sectors, a co-founder or a supplier read from the role alone works in
         * or for one of them ({@code forTheVenture}): the developer of a furniture shop is someone to hire
         * one day, not the co-founder of a fintech, and an office-supplies salesman sells to every firm.
         */
        private TargetMatch firstNeed(Contact contact, RankableTie tie, NormalizedText.Memo memo, boolean inTargetSector,
                                      boolean forTheVenture) {
            NeedTraits role = contact.role() == null ? NeedTraits.NONE
                    : needTraits.computeIfAbsent(contact.role(), value -> NeedTraits.of(memo.padded(value), ownerTechnical));
            boolean buyer = role.buyer();
            String need = cached(needInRoleCache, contact.role(), value -> firstContained(needs, memo.padded(value)));
            if (need == null) {
                need = cached(needInSectorCache, contact.sector(), value -> firstContained(needs, memo.padded(value)));
            }
            if (need == null) {
                need = firstInTags(needs, needInTagCache, contact, memo);
            }
            if (need != null && (buyer || !forTheVenture) && needKind(need) == TargetVocabulary.NeedKind.SUPPLIERS) {
                // A buyer deals with suppliers; they are not one (whatever their tags say). And a supplier outside
                // the venture's sectors sells to every firm: nothing a founder lacks.
                need = null;
            }
            if (need != null) {
                return new TargetMatch(TargetMatch.Kind.NEED, need, 1.0);
            }
            for (int i = 0; i < needs.size(); i++) {
                double quality = switch (needKinds.get(i)) {
                    case CO_FOUNDER -> forTheVenture && (role.complementsTheOwner() || (role.engineer() && !ownerTechnical && inTargetSector))
                            ? 1.0 : 0;
                    case SUPPLIERS -> forTheVenture && !buyer && role.seller() ? 1.0 : 0;
                    // An existing client is a customer already; a decision maker in the sector is only a possible one.
                    case FIRST_CUSTOMERS -> Relationship.isClient(tie) ? 1.0 : inTargetSector && role.decisionMaker() ? LIKELY_CUSTOMER : 0;
                    default -> 0;
                };
                if (quality > 0) {
                    return new TargetMatch(TargetMatch.Kind.NEED, needs.get(i).wording(), quality);
                }
            }
            return null;
        }

        private String firstPlace(Location location, NormalizedText.Memo memo) {
            if (location == null) {
                return null;
            }
            String city = memo.padded(location.city());
            String department = memo.padded(location.department());
            String region = memo.padded(location.region());
            Set<String> country = countryNames(location.country());
            for (Target target : locations) {
                for (String variant : target.padded()) {
                    if (NormalizedText.containsPadded(city, variant) || NormalizedText.containsPadded(department, variant)
                            || NormalizedText.containsPadded(region, variant) || country.contains(variant.trim())) {
                        return target.wording();
                    }
                }
            }
            return null;
        }
    }

    /** What a role says about the needs it may cover, read once per distinct role in a ranking. */
    private record NeedTraits(boolean buyer, boolean complementsTheOwner, boolean engineer, boolean seller, boolean decisionMaker) {
        static final NeedTraits NONE = new NeedTraits(false, false, false, false, false);

        static NeedTraits of(String paddedRole, boolean ownerTechnical) {
            return new NeedTraits(RoleVocabulary.containsAny(paddedRole, RoleVocabulary.BUYERS),
                    ownerTechnical ? RoleVocabulary.containsAny(paddedRole, RoleVocabulary.BUSINESS) : RoleVocabulary.isTechnical(paddedRole),
                    RoleVocabulary.containsAny(paddedRole, RoleVocabulary.ENGINEERS),
                    RoleVocabulary.containsAny(paddedRole, RoleVocabulary.SELLERS), RoleVocabulary.decisionWeight(paddedRole) > 0);
        }
    }

    /** The first target whose variant the value contains, or that contains the value (short labels). */
    private static String firstOverlapping(List<Target> targets, String paddedValue) {
        if (paddedValue.length() <= 2) {
            return null;
        }
        for (Target target : targets) {
            for (String variant : target.padded()) {
                if (NormalizedText.containsPadded(paddedValue, variant) || NormalizedText.containsPadded(variant, paddedValue)) {
                    return target.wording();
                }
            }
        }
        return null;
    }

    /** The first target whose variant the value contains as whole words. */
    private static String firstContained(List<Target> targets, String paddedValue) {
        if (paddedValue.length() <= 2) {
            return null;
        }
        for (Target target : targets) {
            for (String variant : target.padded()) {
                if (NormalizedText.containsPadded(paddedValue, variant)) {
                    return target.wording();
                }
            }
        }
        return null;
    }

    private static String firstInTags(List<Target> targets, Map<String, String> cache, Contact contact, NormalizedText.Memo memo) {
        if (contact == null || contact.tags() == null) {
            return null;
        }
        for (String tag : contact.tags()) {
            String found = cached(cache, tag, value -> firstContained(targets, memo.padded(value)));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The remembered match of a value (null: no match, and null values never match). */
    private static <K> String cached(Map<K, String> cache, K value, java.util.function.Function<K, String> match) {
        if (value == null) {
            return null;
        }
        String found = cache.get(value);
        if (found == null) {
            String matched = match.apply(value);
            found = matched == null ? PreparedTargets.NONE : matched;
            cache.put(value, found);
        }
        return found.isEmpty() ? null : found;
    }

    /**
     * The needs a business creation looks for: the declared ones, or without any every skill a founder
     * lacks (DOMAIN.md section 3), worded in the objective's language (else the owner's, else English).
     * Other objectives have no needs, whatever their targets say.
     */
    private static List<String> needsOf(Objective objective, OwnerProfile owner) {
        if (objective.type() != ObjectiveType.BUSINESS_CREATION) {
            // Needs are what a founder lacks: they mean nothing to a job search, a prospection or a reputation.
            return List.of();
        }
        if (!objective.targets().needs().isEmpty()) {
            return objective.targets().needs();
        }
        String language = objective.language() != null ? objective.language() : owner == null ? null : owner.language();
        return TargetVocabulary.foundersNeeds("fr".equals(language) ? "fr" : "en");
    }

    /**
     * An e-reputation objective without topics of its own aims at the owner's topics (DOMAIN.md:
     * "aligned with the owner's topics").
     */
    private static List<String> topicsOf(Objective objective, OwnerProfile owner) {
        if (!objective.targets().topics().isEmpty()) {
            return objective.targets().topics();
        }
        if (objective.type() == ObjectiveType.E_REPUTATION && owner != null && owner.topics() != null) {
            return owner.topics().stream().filter(t -> t != null && !t.isBlank()).toList();
        }
        return List.of();
    }

    /** The ISO code and the English and French names of a country, in normal form. */
    private static Set<String> countryNames(String country) {
        if (country == null || country.isBlank()) {
            return Set.of();
        }
        return COUNTRY_NAMES.computeIfAbsent(country, code -> {
            String normal = NormalizedText.normalize(code);
            try {
                Locale place = new Locale.Builder().setRegion(code.trim().toUpperCase(Locale.ROOT)).build();
                return java.util.stream.Stream.of(normal, NormalizedText.normalize(place.getDisplayCountry(Locale.ENGLISH)),
                        NormalizedText.normalize(place.getDisplayCountry(Locale.FRENCH)))
                        .filter(name -> !name.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
            } catch (IllformedLocaleException notACountryCode) {
                return normal.isEmpty() ? Set.of() : Set.of(normal);
            }
        });
    }
}
