package io.passerelle.advice.ranking;

/**
 * Why a tie is recommended, or why its request was softened: a stable code for machines and a
 * sentence per language for people. {@code %s} is the matched target, when there is one.
 */
public enum ReasonCode {
    WEAK_TIE_IN_TARGET_SECTOR(
            "A weak tie working in %s, a sector you target.",
            "Un lien faible qui travaille dans le secteur visé : %s."),
    IN_TARGET_SECTOR(
            "Works in %s, a sector you target.",
            "Travaille dans le secteur visé : %s."),
    WORKS_AT_TARGET_COMPANY(
            "Works at %s, a company you target.",
            "Travaille chez %s, une entreprise visée."),
    FORMERLY_AT_TARGET_COMPANY(
            "Used to work at %s, a company you target.",
            "A travaillé chez %s, une entreprise visée."),
    HOLDS_TARGET_ROLE(
            "Holds a role you target: %s.",
            "Occupe un rôle visé : %s."),
    IN_TARGET_LOCATION(
            "Based in %s, a place you target.",
            "Est installé·e dans une zone visée : %s."),
    AT_TARGET_SCALE(
            "At a geographic scale you target (%s).",
            "À une échelle géographique visée (%s)."),
    SHARES_TARGET_TOPIC(
            "Interested in a topic you target: %s.",
            "S'intéresse à un thème visé : %s."),
    HAS_NEEDED_EXPERIENCE(
            "Has experience you need: %s.",
            "A une expérience dont vous avez besoin : %s."),
    BRIDGES_TO_NEW_SECTOR(
            "Works in %s, a sector your network barely reaches.",
            "Travaille dans un secteur que votre réseau touche peu : %s."),
    BRIDGES_TO_NEW_REGION(
            "Based in %s, a region your network barely reaches.",
            "Est installé·e dans une région que votre réseau touche peu : %s."),
    WEAK_TIE_DIGITAL_SECTOR(
            "Weak ties help most in digital sectors such as the one you target.",
            "Les liens faibles aident le plus dans les secteurs numériques comme celui que vous visez."),
    MODERATELY_WEAK_TIE(
            "A moderately weak tie, with about ten contacts in common: close enough to answer, distant enough to bring new information.",
            "Un lien modérément faible, avec une dizaine de contacts en commun : assez proche pour répondre, assez distant pour apporter du neuf."),
    KNOWS_TARGET_PERSON(
            "Knows %s, who matters for this objective: ask for that one introduction.",
            "Connaît %s, une personne clé pour cet objectif : demandez cette seule mise en relation."),
    RECRUITER(
            "Recruits for a living: knows which positions are open.",
            "Recrute par métier : sait quels postes sont ouverts."),
    HIRING_MANAGER(
            "Leads a team where you are looking: the kind of person who hires.",
            "Dirige une équipe là où vous cherchez : le genre de personne qui recrute."),
    DECISION_MAKER(
            "Decides on purchases where you prospect.",
            "Décide des achats là où vous prospectez."),
    EXISTING_CLIENT(
            "Already a client: the best-placed person to recommend you to peers.",
            "Déjà client : la personne la mieux placée pour vous recommander à ses pairs."),
    REFERRING_PARTNER(
            "A business partner you have worked with recently: partners refer each other to the clients they share.",
            "Un partenaire avec qui vous avez travaillé récemment : les partenaires se recommandent auprès des clients qu'ils partagent."),
    FOUNDER_EXPERIENCE(
            "Has founded, funded or advised companies, or handles their law or money: what a new company lacks.",
            "A fondé, financé ou conseillé des entreprises, ou en gère le droit ou les comptes : ce qui manque à une jeune entreprise."),
    AUDIENCE_REACH(
            "Speaks to an audience your network does not reach yet.",
            "S'adresse à un public que votre réseau ne touche pas encore."),
    NOT_YET_RECIPROCATED(
            "No two-way exchange in the last two years: start with a light request before asking a favour.",
            "Pas d'échange réciproque depuis deux ans : commencez par une demande légère avant de demander un service."),
    RECENT_GESTURE_ON_DORMANT_TIE(
            "Reacted to or commented on your activity recently: a natural moment to reconnect.",
            "A réagi récemment à votre activité : un moment naturel pour renouer."),
    DORMANT_REACTIVATION(
            "A dormant tie: reconnecting often brings fresher information than current ties.",
            "Un lien dormant : renouer apporte souvent des informations plus neuves que les liens actuels."),
    DORMANT_FORMERLY_STRONG(
            "A formerly strong tie, now dormant: trust usually survives the silence.",
            "Un ancien lien fort, aujourd'hui dormant : la confiance survit souvent au silence."),
    NASCENT_TIE(
            "A connection you have not talked with yet: start with a light first contact.",
            "Une relation avec qui vous n'avez pas encore échangé : commencez par un premier contact léger."),
    STRONG_TIE_LIGHT_REQUEST_ONLY(
            "A close tie: ask for precise information only, not for a committing favour.",
            "Un lien proche : demandez une information précise, pas un service engageant."),
    CLOSE_TIE_COMMITTING_ALLOWED(
            "A close tie: committing requests are allowed because you chose so in your profile.",
            "Un lien proche : les demandes engageantes sont permises car vous l'avez choisi dans votre profil.");

    private final String english;
    private final String french;

    ReasonCode(String english, String french) {
        this.english = english;
        this.french = french;
    }

    /** The sentence in {@code fr} or {@code en} (anything else reads as English). */
    public String text(String language, String target) {
        String template = "fr".equals(language) ? french : english;
        return template.contains("%s") ? String.format(template, target == null ? "" : target) : template;
    }
}
