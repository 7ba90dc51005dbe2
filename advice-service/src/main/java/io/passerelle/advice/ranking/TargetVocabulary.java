package io.passerelle.advice.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the ranking treats as meaning the same target, in English and French, and the sectors
 * it treats as digital. A target that belongs to a group of synonyms matches any word of the group
 * (still as whole words: "legal" matches "Business lawyer" through "lawyer", never "paralegalese").
 * The lists are deliberately short and documented in the README: a wrong synonym recommends the
 * wrong people, a missing one only misses a match.
 */
public final class TargetVocabulary {

    /** Groups of equivalent terms; every term is written in normal form (lower case, no accents). */
    static final List<List<String>> SYNONYMS = List.of(
            // needs of BUSINESS_CREATION
            List.of("legal", "lawyer", "law firm", "attorney", "avocat", "avocate", "juridique", "juriste", "droit des affaires", "company law"),
            List.of("finance", "financial", "accounting", "accountant", "chartered accountant", "comptable", "expert comptable", "cfo",
                    "daf", "comptabilite"),
            List.of("investor", "investors", "investment", "investment manager", "venture capital", "vc", "business angel", "angel investor",
                    "investisseur", "investisseurs", "capital risque", "seed funding"),
            List.of("mentor", "mentors", "mentoring", "mentorat", "advisor", "adviser", "parrain", "marraine"),
            List.of("co founder", "cofounder", "co fondateur", "cofondateur", "co fondatrice", "cofondatrice", "associe", "associee"),
            List.of("supplier", "suppliers", "procurement", "purchasing", "sourcing", "fournisseur", "fournisseurs", "achats", "acheteur"),
            List.of("first customers", "first clients", "premiers clients", "early adopters", "customers", "clients", "business development"),
            // sectors
            List.of("software", "logiciel", "logiciels", "saas", "editeur de logiciels"),
            List.of("fintech", "financial technology", "payments", "paiement"),
            List.of("banking", "banque", "bancaire"),
            List.of("insurance", "assurance", "assurances", "insurtech"),
            List.of("healthcare", "health", "sante", "medical", "medtech"),
            List.of("human resources", "hr", "rh", "ressources humaines", "recruiting", "recrutement", "talent acquisition"),
            List.of("media", "press", "presse", "journalism", "journalisme", "journalist", "journaliste"),
            List.of("retail", "commerce", "distribution", "grande distribution"),
            List.of("consulting", "conseil", "consultant"),
            List.of("public sector", "secteur public", "government", "administration", "public administration"),
            List.of("aerospace", "aeronautics", "aeronautique", "aerospatial", "aerospatiale"),
            List.of("digital", "numerique"),
            List.of("real estate", "immobilier"),
            List.of("energy", "energie"),
            List.of("education", "enseignement", "edtech"),
            List.of("telecommunications", "telecom", "telecoms", "telecommunication"),
            // roles
            List.of("cto", "chief technology officer", "directeur technique", "directrice technique"),
            List.of("ceo", "chief executive officer", "pdg", "directeur general", "directrice generale"),
            List.of("product manager", "chef de produit", "product owner"),
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

    /** The target and its synonyms, each as a padded normal form (" words "), the target first. */
    static List<String> paddedVariants(String target) {
        String normal = NormalizedText.normalize(target);
        Set<String> variants = new LinkedHashSet<>();
        if (!normal.isEmpty()) {
            variants.add(" " + normal + " ");
        }
        for (String synonym : GROUP_OF_TERM.getOrDefault(normal, List.of())) {
            variants.add(" " + synonym + " ");
        }
        return List.copyOf(variants);
    }

    /**
     * Needs that ask a contact to commit (invest, found, buy, supply) rather than to advise: for
     * BUSINESS_CREATION they call for an introduction, the others (legal, finance, mentor) for information.
     */
    private static final List<String> COMMITTING_NEEDS = List.of(" investor ", " co founder ", " first customers ", " supplier ");

    static boolean isCommittingNeed(String need) {
        return paddedVariants(need).stream().anyMatch(COMMITTING_NEEDS::contains);
    }

    /** Whether a sector label names a digital sector ("Fintech", "Digital media", "Logiciel SaaS"). */
    public static boolean isDigitalSector(String sector) {
        String padded = NormalizedText.padded(sector);
        return DIGITAL_SECTORS.stream().anyMatch(term -> padded.contains(" " + term + " "));
    }
}
