package io.passerelle.advice.ranking;

import io.passerelle.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the ranking treats as meaning the same target, in English and French (sectors through
 * the shared vocabulary module), and the sectors it treats as digital. A target that belongs to a group of synonyms matches any word of the group
 * (still as whole words: "legal" matches "Business lawyer" through "lawyer", never "paralegalese").
 * The lists are deliberately short and documented in the README: a wrong synonym recommends the
 * wrong people, a missing one only misses a match.
 */
public final class TargetVocabulary {

    /**
     * Groups of equivalent needs and roles; every term is written in normal form (lower case, no
     * accents). Sector names are not here: they come from the shared vocabulary ({@link Vocabulary#SECTORS}),
     * which graph-service's indices read too, so that "Conseil" and "Consulting" are one sector everywhere.
     */
    static final List<List<String>> SYNONYMS = List.of(
            // needs of BUSINESS_CREATION (see NeedKind: a supplier sells to the founder, a buyer in procurement does not;
            // an "associé" is a partner in a firm, not a co-founder; a business developer is not a customer)
            List.of("legal", "lawyer", "law firm", "attorney", "avocat", "avocate", "juridique", "juriste", "droit des affaires",
                    "company law", "legal counsel"),
            List.of("finance", "financial", "accounting", "accountant", "chartered accountant", "comptable", "expert comptable", "cfo",
                    "daf", "comptabilite"),
            List.of("investor", "investors", "investment", "investment manager", "venture capital", "vc", "business angel", "angel investor",
                    "investisseur", "investisseurs", "capital risque", "seed funding"),
            List.of("mentor", "mentors", "mentoring", "mentorat", "advisor", "adviser", "parrain", "marraine"),
            List.of("co founder", "cofounder", "co fondateur", "cofondateur", "co fondatrice", "cofondatrice"),
            List.of("supplier", "suppliers", "fournisseur", "fournisseurs", "manufacturer", "manufacturing", "fabricant",
                    "sous traitant", "subcontractor", "contract manufacturer", "wholesaler", "grossiste"),
            List.of("first customers", "first clients", "premiers clients", "early adopters", "early adopter"),
            // roles
            List.of("cto", "chief technology officer", "directeur technique", "directrice technique"),
            List.of("ceo", "chief executive officer", "pdg", "directeur general", "directrice generale"),
            List.of("product manager", "chef de produit", "product owner", "product management"),
            List.of("engineer", "ingenieur", "ingenieure"),
            List.of("developer", "developpeur", "developpeuse", "software engineer"),
            List.of("recruiter", "recruteur", "recruteuse", "talent acquisition lead"),
            List.of("sales", "vente", "ventes", "commercial", "business developer"));

    /**
     * Sectors where weak ties matter most (Rajkumar et al., Science 2022: the weak-tie effect on job
     * mobility is strongest in digital industries, those most reliant on software and IT).
     */
    static final List<String> DIGITAL_SECTORS = List.of(
            "software", "logiciel", "saas", "digital", "numerique", "internet", "web", "online", "e commerce", "ecommerce", "fintech",
            "insurtech", "healthtech", "medtech", "edtech", "proptech", "legaltech", "adtech", "martech", "tech", "technology",
            "information technology", "it", "informatique", "cloud", "data", "artificial intelligence", "ai", "cybersecurity",
            "cybersecurite", "mobile", "video games", "gaming", "platform");

    private static final Map<String, List<String>> GROUP_OF_TERM = new HashMap<>();

    static {
        for (List<String> group : SYNONYMS) {
            for (String term : group) {
                GROUP_OF_TERM.computeIfAbsent(term, t -> new ArrayList<>()).addAll(group);
            }
        }
    }

    private TargetVocabulary() {
    }

    /**
     * The target and its synonyms, their French feminine forms and their plurals, each as a padded
     * normal form (" words "), the target first.
     */
    static List<String> paddedVariants(String target) {
        String normal = NormalizedText.normalize(target);
        Set<String> variants = new LinkedHashSet<>();
        if (!normal.isEmpty()) {
            variants.add(" " + normal + " ");
        }
        Vocabulary.SECTORS.recognise(target).ifPresent(sector -> sector.words().forEach(word -> variants.add(" " + word.normal() + " ")));
        for (String synonym : GROUP_OF_TERM.getOrDefault(normal, List.of())) {
            variants.add(" " + synonym + " ");
        }
        // The feminine of a French title ("Directeur administratif et financier" is also "Directrice administrative
        // et financière"): a target that misses the women who hold it is no target.
        for (String variant : List.copyOf(variants)) {
            variants.add(feminine(variant));
        }
        // The plural of each, as roles and sectors are often written ("recrutement de cadres dirigeants", "Banques").
        for (String variant : List.copyOf(variants)) {
            if (!variant.endsWith("s ") && !variant.endsWith("x ")) {
                variants.add(variant.substring(0, variant.length() - 1) + "s ");
            }
        }
        return List.copyOf(variants);
    }

    /** The feminine of the French title words whose ending {@link #feminine} cannot derive, in normal form. */
    static final Map<String, String> FEMININE = Map.ofEntries(
            Map.entry("directeur", "directrice"), Map.entry("general", "generale"), Map.entry("president", "presidente"),
            Map.entry("ingenieur", "ingenieure"), Map.entry("commercial", "commerciale"),
            Map.entry("conseiller", "conseillere"), Map.entry("fondateur", "fondatrice"), Map.entry("cofondateur", "cofondatrice"),
            Map.entry("chef", "cheffe"), Map.entry("acheteur", "acheteuse"), Map.entry("recruteur", "recruteuse"),
            Map.entry("developpeur", "developpeuse"), Map.entry("avocat", "avocate"), Map.entry("associe", "associee"),
            Map.entry("charge", "chargee"), Map.entry("delegue", "deleguee"), Map.entry("adjoint", "adjointe"),
            Map.entry("expert", "experte"), Map.entry("vendeur", "vendeuse"),
            Map.entry("animateur", "animatrice"), Map.entry("organisateur", "organisatrice"), Map.entry("redacteur", "redactrice"),
            Map.entry("investisseur", "investisseuse"), Map.entry("principal", "principale"));

    /**
     * A padded normal form with each French title word in the feminine: the words of {@link #FEMININE},
     * else the regular endings (-ien → -ienne, -ier → -iere, -if → -ive, -ant → -ante).
     */
    static String feminine(String padded) {
        String[] words = padded.trim().split(" ");
        StringBuilder out = new StringBuilder(" ");
        for (String word : words) {
            out.append(feminineWord(word)).append(' ');
        }
        return out.toString();
    }

    private static String feminineWord(String word) {
        String known = FEMININE.get(word);
        if (known != null) {
            return known;
        }
        if (word.length() < 4) {
            return word;
        }
        if (word.endsWith("ien")) {
            return word + "ne";
        }
        if (word.endsWith("ier") || word.endsWith("ant")) {
            return word.endsWith("ier") ? word.substring(0, word.length() - 2) + "ere" : word + "e";
        }
        if (word.endsWith("if")) {
            return word.substring(0, word.length() - 1) + "ve";
        }
        return word;
    }

    /**
     * The skills a founder lacks (DOMAIN.md section 3), each with the request it calls for: investors,
     * co-founders and first customers are asked to commit (money, a partnership, a purchase) and only
     * once the relationship is reciprocated; lawyers, accountants and mentors are first asked for
     * advice; suppliers for information. A need in other words is matched by its own words and asked
     * for advice.
     */
    public enum NeedKind {
        LEGAL(" legal ", false), FINANCE(" finance ", false), INVESTORS(" investor ", true), MENTOR(" mentor ", false),
        CO_FOUNDER(" co founder ", true), SUPPLIERS(" supplier ", false), FIRST_CUSTOMERS(" first customers ", true), OTHER(null, false);

        private final String groupMember;
        private final boolean committing;

        NeedKind(String groupMember, boolean committing) {
            this.groupMember = groupMember;
            this.committing = committing;
        }

        public boolean committing() {
            return committing;
        }
    }

    /** The kind of a need, from the objective's own wording ("Avocat" is LEGAL, "premiers clients" FIRST_CUSTOMERS). */
    public static NeedKind needKind(String need) {
        List<String> variants = paddedVariants(need);
        for (NeedKind kind : NeedKind.values()) {
            if (kind.groupMember != null && variants.contains(kind.groupMember)) {
                return kind;
            }
        }
        return NeedKind.OTHER;
    }

    /** Every skill a founder lacks, as a business creation without declared needs looks for them. */
    static List<String> foundersNeeds(String language) {
        return "fr".equals(language)
                ? List.of("investisseurs", "cofondateur", "juridique", "finance", "mentor", "fournisseurs", "premiers clients")
                : List.of("investors", "co-founder", "legal", "finance", "mentor", "suppliers", "first customers");
    }

    /** Whether a sector label names a digital sector ("Fintech", "Digital media", "Logiciel SaaS"). */
    public static boolean isDigitalSector(String sector) {
        String padded = NormalizedText.padded(sector);
        return DIGITAL_SECTORS.stream().anyMatch(term -> padded.contains(" " + term + " "));
    }
}
