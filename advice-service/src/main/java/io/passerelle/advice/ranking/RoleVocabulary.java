package io.passerelle.advice.ranking;

import java.util.List;

/**
 * What a contact's role says about the kind of help they can give, in English and French: who
 * decides on a purchase (prospecting), who recruits or hires (job search), who speaks to an audience
 * (e-reputation). Roles are free text; the lists are matched as whole words in the normal form of
 * {@link NormalizedText} and documented in the README. They err on the side of missing someone:
 * a wrong match puts the wrong person in front of the owner.
 */
public final class RoleVocabulary {

    /** Those who sign: the head of a firm, its owners and partners, and the C-level. */
    static final List<String> TOP_DECISION_MAKERS = List.of(
            "ceo", "chief executive officer", "pdg", "president directeur general", "presidente directrice generale", "president",
            "presidente", "directeur general", "directrice generale", "dg", "managing director", "general manager", "gerant", "gerante",
            "founder", "co founder", "cofounder", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "owner", "proprietaire",
            "chef d entreprise", "dirigeant", "dirigeante", "associe gerant", "managing partner", "partner", "associe", "associee",
            "cfo", "chief financial officer", "daf", "directeur administratif et financier", "directrice administrative et financiere",
            "coo", "chief operating officer", "cto", "chief technology officer", "cio", "chief information officer", "cmo",
            "chief marketing officer", "head of procurement", "head of purchasing", "procurement director", "purchasing director",
            "chief procurement officer", "directeur des achats", "directrice des achats", "responsable des achats", "responsable achats");

    /** Those who decide within their scope: directors, heads of a function, buyers. */
    static final List<String> SENIOR_DECISION_MAKERS = List.of(
            "director", "directeur", "directrice", "head of", "vp", "vice president", "purchasing manager", "procurement manager",
            "buyer", "acheteur", "acheteuse", "responsable", "chef de service", "chef du service", "cheffe de service", "cheffe du service",
            "head of department", "medecin chef");

    /** Those who buy for their firm: decision makers for a sale, never suppliers. */
    static final List<String> BUYERS = List.of(
            "procurement", "purchasing", "buyer", "acheteur", "acheteuse", "achats", "achat", "sourcing manager");

    /** Those who sell: what a supplier's people do. */
    static final List<String> SELLERS = List.of(
            "sales", "sales manager", "account manager", "account executive", "key account manager", "business developer",
            "business development", "commercial", "commerciale", "ingenieur commercial", "ingenieure commerciale", "vendeur", "vendeuse");

    /** Technical roles: a co-founder for an owner who is not technical. */
    static final List<String> TECHNICAL = List.of(
            "engineer", "ingenieur", "ingenieure", "developer", "developpeur", "developpeuse", "data scientist", "cto",
            "chief technology officer", "directeur technique", "directrice technique", "architect", "architecte", "software",
            "embedded", "machine learning", "tech lead", "lead developer");

    /** Business roles: a co-founder for an owner who is technical. */
    static final List<String> BUSINESS = List.of(
            "sales", "business developer", "business development", "commercial", "commerciale", "marketing", "growth",
            "ceo", "chief executive officer", "directeur general", "directrice generale", "general manager", "managing director");

    /** What any founder lacks (DOMAIN.md section 3): those who founded, fund, advise, or handle law and money. */
    static final List<String> FOUNDER_SKILLS = List.of(
            "founder", "co founder", "cofounder", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "entrepreneur",
            "entrepreneuse", "serial entrepreneur", "business angel", "angel investor", "investor", "investisseur", "investisseuse",
            "venture capital", "vc", "investment manager", "investment director", "partner", "mentor", "advisor", "adviser",
            "conseiller", "conseillere", "lawyer", "avocat", "avocate", "juriste", "legal counsel", "accountant", "comptable",
            "expert comptable", "cfo", "daf");

    /** Those whose job is finding people for jobs. */
    static final List<String> RECRUITERS = List.of(
            "recruiter", "recruteur", "recruteuse", "talent acquisition", "talent partner", "charge de recrutement",
            "chargee de recrutement", "headhunter", "head hunter", "chasseur de tetes", "chasseuse de tetes", "talent manager",
            "hr business partner", "responsable recrutement");

    /** Roles that lead a team, and so hire into it. */
    static final List<String> HIRING_LEVEL = List.of(
            "head of", "director", "directeur", "directrice", "vp", "vice president", "lead", "manager", "responsable", "chef",
            "cto", "ceo", "coo", "cpo", "chief");

    /** Roles that speak to an audience: what an e-reputation objective reaches through. */
    static final List<String> AUDIENCE = List.of(
            "journalist", "journaliste", "editor", "redacteur", "redactrice", "redacteur en chef", "redactrice en chef", "author",
            "auteur", "autrice", "blogger", "blogueur", "blogueuse", "podcaster", "podcast", "speaker", "conferencier", "conferenciere",
            "influencer", "influenceur", "influenceuse", "content creator", "createur de contenu", "creatrice de contenu",
            "community manager", "evangelist", "developer advocate", "columnist", "chroniqueur", "chroniqueuse", "event organizer",
            "organisateur", "organisatrice", "meetup organizer");

    private RoleVocabulary() {
    }

    /** 1 for a top decision maker, 0.7 for a senior one, 0 otherwise. */
    static double decisionWeight(String paddedRole) {
        if (containsAny(paddedRole, TOP_DECISION_MAKERS)) {
            return 1.0;
        }
        return containsAny(paddedRole, SENIOR_DECISION_MAKERS) ? 0.7 : 0.0;
    }

    static boolean isRecruiter(String paddedRole) {
        return containsAny(paddedRole, RECRUITERS);
    }

    static boolean isHiringLevel(String paddedRole) {
        return containsAny(paddedRole, HIRING_LEVEL);
    }

    static boolean speaksToAnAudience(String paddedRole) {
        return containsAny(paddedRole, AUDIENCE);
    }

    /** Whether the padded normal form contains one of the terms as whole words. */
    static boolean containsAny(String padded, List<String> terms) {
        if (padded == null || padded.length() <= 2) {
            return false;
        }
        for (String term : terms) {
            if (padded.contains(" " + term + " ")) {
                return true;
            }
        }
        return false;
    }
}
