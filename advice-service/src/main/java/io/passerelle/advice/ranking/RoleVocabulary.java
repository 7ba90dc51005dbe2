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
            "developer", "developpeur", "developpeuse", "data scientist", "data engineer", "software engineer", "cto",
            "chief technology officer", "directeur technique", "directrice technique", "software architect", "software",
            "embedded", "machine learning", "tech lead", "lead developer", "engineering manager", "head of engineering",
            "vp engineering", "vp of engineering");

    /**
     * An engineer of any kind: technical, but an agronomist or a process engineer is not the
     * technical co-founder of a software venture; such a role counts only within the venture's sector.
     */
    static final List<String> ENGINEERS = List.of("engineer", "ingenieur", "ingenieure", "architect", "architecte");

    /** Business roles: a co-founder for an owner who is technical. */
    static final List<String> BUSINESS = List.of(
            "sales", "business developer", "business development", "commercial", "commerciale", "marketing", "growth",
            "ceo", "chief executive officer", "directeur general", "directrice generale", "general manager", "managing director");

    /** What any founder lacks (DOMAIN.md section 3): those who founded, fund, advise, or handle law and money. */
    static final List<String> FOUNDER_SKILLS = List.of(
            "founder", "co founder", "cofounder", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "entrepreneur",
            "entrepreneuse", "serial entrepreneur", "business angel", "angel investor", "investor", "investisseur", "investisseuse",
            "venture capital", "vc", "investment manager", "investment director", "partner", "mentor", "advisor", "adviser",
            "business adviser", "conseiller entreprises", "conseillere entreprises", "conseiller en creation d entreprise",
            "conseillere en creation d entreprise", "lawyer", "avocat", "avocate", "juriste", "legal counsel", "accountant", "comptable",
            "expert comptable", "cfo", "daf");

    /** Those whose job is finding people for jobs. */
    static final List<String> RECRUITERS = List.of(
            "recruiter", "recruteur", "recruteuse", "talent acquisition", "talent partner", "charge de recrutement",
            "chargee de recrutement", "headhunter", "head hunter", "chasseur de tetes", "chasseuse de tetes", "talent manager",
            "hr business partner", "responsable recrutement", "recrutement", "recruitment", "executive search");

    /**
     * Role phrases that hold a decision maker's or a founder's word without being one: a product
     * owner owns a backlog, not a firm; a talent or HR business partner is a partner of teams, not of
     * the firm. They are taken out of a role before it is read for decision weight or founder skills.
     */
    static final List<String> MISLEADING_TITLES = List.of(
            "product owner", "process owner", "service owner", "data owner", "technical owner", "talent partner", "hr partner",
            "hr business partner", "business partner", "people partner");

    /** Words of a title that say its level or that it leads, not its field: what {@code roleFields} leaves out. */
    static final java.util.Set<String> SENIORITY_AND_FUNCTION_WORDS = java.util.Set.of(
            "manager", "management", "head", "senior", "junior", "lead", "leader", "director", "directeur", "directrice", "chef",
            "cheffe", "responsable", "vice", "president", "presidente", "chief", "officer", "principal", "staff", "associate",
            "assistant", "assistante", "adjoint", "adjointe", "des", "the", "and", "for", "general", "generale", "charge", "chargee");

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
        String role = withoutMisleadingTitles(paddedRole);
        if (containsAny(role, TOP_DECISION_MAKERS)) {
            return 1.0;
        }
        return containsAny(role, SENIOR_DECISION_MAKERS) ? 0.7 : 0.0;
    }

    /** Titles that hold a technical word without being technical: a business developer develops sales. */
    private static final List<String> NOT_TECHNICAL_TITLES = List.of("business developer", "business developers", "business development");

    /** Whether the role is technical ({@link #TECHNICAL}), "business developer" and the like aside. */
    static boolean isTechnical(String paddedRole) {
        String role = paddedRole;
        if (role != null) {
            for (String phrase : NOT_TECHNICAL_TITLES) {
                role = role.replace(" " + phrase + " ", " ");
            }
        }
        return containsAny(role, TECHNICAL);
    }

    /** Whether the role is one of those who founded, fund or advise founders ({@link #FOUNDER_SKILLS}). */
    static boolean bringsWhatFoundersLack(String paddedRole) {
        return containsAny(withoutMisleadingTitles(paddedRole), FOUNDER_SKILLS);
    }

    /** The role without the phrases of {@link #MISLEADING_TITLES}. */
    private static String withoutMisleadingTitles(String paddedRole) {
        String role = paddedRole;
        if (role != null) {
            for (String phrase : MISLEADING_TITLES) {
                role = role.replace(" " + phrase + " ", " ");
            }
        }
        return role;
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
