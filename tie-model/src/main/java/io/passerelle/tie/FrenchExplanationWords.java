package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Origin;
import io.passerelle.tie.OriginInference.Basis;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A tie's explanation in French, as a coach would write it: "Aucun échange depuis mars 2022, date à
 * laquelle le lien était fort (force 0,71) : il est donc dormant." Months and days in French ("mars
 * 2024", "1er mars 2024", "3 mars 2024"), decimal commas, a space before a colon or a semicolon.
 * Nothing is said of a person with a gendered word (no "ami", "voisin", "ancien collègue", no
 * "rencontrés"): the contact's and the owner's genders are not known, and no phrasing needs an
 * inclusive-writing mark ("ami·e").
 */
final class FrenchExplanationWords implements ExplanationWords {
    static final FrenchExplanationWords INSTANCE = new FrenchExplanationWords();

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH_OF_DAY = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private FrenchExplanationWords() {
    }

    @Override
    public String nascent() {
        return "Aucun échange enregistré pour l'instant : le lien est naissant.";
    }

    @Override
    public String dormantWithoutExchange(String pastTieClause) {
        return "Aucun échange enregistré, mais " + pastTieClause + " : un lien dormant à réactiver.";
    }

    @Override
    public String dormantWithGesturesOnly(String gestures, String pastTieClause) {
        return "Aucun échange enregistré (seulement " + gestures + "), mais " + pastTieClause + " : un lien dormant à réactiver.";
    }

    @Override
    public String dormantAfterTie(Instant silentSince, boolean wasStrong, double strengthThen) {
        return "Aucun échange depuis " + MONTH.format(silentSince) + ", date à laquelle le lien était " + (wasStrong ? "fort" : "faible")
                + " (force " + two(strengthThen) + ") : il est donc dormant.";
    }

    @Override
    public String dormantAfterFaintTie(Instant silentSince, double strengthThen, String pastTieClause) {
        return "Aucun échange depuis " + MONTH.format(silentSince) + ", date à laquelle le lien était ténu (force " + two(strengthThen)
                + "), mais " + pastTieClause + " : un lien dormant à réactiver.";
    }

    @Override
    public String gesturesSince(String gestures, Instant lastGesture) {
        return "Depuis, seulement " + gestures + " (pour la dernière fois le " + day(lastGesture)
                + ") : pas assez pour réveiller le lien, mais une raison de le réactiver.";
    }

    @Override
    public String strong(double strength, double threshold) {
        return "La force du lien, " + two(strength) + ", atteint le seuil d'un lien fort (" + two(threshold) + ").";
    }

    @Override
    public String weak(double strength, double threshold) {
        return "La force du lien, " + two(strength) + ", reste sous le seuil d'un lien fort (" + two(threshold) + ").";
    }

    @Override
    public String weakAfterFaintTie(Instant silentSince, double strengthThen) {
        return "Aucun échange depuis " + MONTH.format(silentSince)
                + ", date à laquelle le lien était trop ténu pour être considéré comme dormant (force " + two(strengthThen) + ").";
    }

    @Override
    public String sharedPastClause(Origin origin) {
        if (origin == null) {
            return "vous vous connaissez depuis un moment";
        }
        return switch (origin) {
            case FAMILY -> "vous êtes de la même famille";
            case FRIEND -> "une amitié vous lie";
            case NEIGHBOUR -> "vous habitez le même quartier";
            case SCHOOL -> "vous avez fait vos études ensemble";
            case FORMER_COLLEAGUE -> "vous avez travaillé ensemble";
            case COLLEAGUE -> "vous travaillez ensemble";
            case CLIENT -> "vous avez fait affaire ensemble";
            case PARTNER -> "vous êtes partenaires en affaires";
            case EVENT -> "vous avez fait connaissance lors d'un événement";
            case ONLINE -> "vous avez fait connaissance en ligne";
            case INTRODUCED -> "quelqu'un a fait les présentations";
            case OTHER -> "vous vous connaissez depuis un moment";
        };
    }

    @Override
    public String sharedPlaceClause(Basis basis, String evidence) {
        return switch (basis) {
            case SAME_COMPANY -> "vous travaillez dans la même entreprise, " + evidence;
            case PAST_COMPANY -> "vous avez travaillé dans la même entreprise, " + evidence;
            case SAME_SCHOOL -> "vous avez fréquenté la même école, " + evidence;
            case SOCIAL_PLATFORM, DECLARED, NONE -> throw new IllegalArgumentException("not a shared place: " + basis);
        };
    }

    @Override
    public String declaredClosenessClause(int closeness) {
        return "vous avez déclaré une proximité de " + closeness + " sur 5";
    }

    @Override
    public String connectedSinceClause(Instant connectedOn) {
        return "vous êtes en relation depuis " + MONTH.format(connectedOn);
    }

    /** "des réactions, des commentaires publics ou des validations de compétences". */
    @Override
    public String gestures(List<Channel> channels) {
        List<String> names = channels.stream().map(channel -> "des " + pluralName(channel)).toList();
        if (names.isEmpty()) {
            return "des gestes";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " ou " + names.get(names.size() - 1);
    }

    private static String pluralName(Channel channel) {
        return switch (channel) {
            case MEETING -> "rencontres en personne";
            case CALL -> "appels téléphoniques";
            case VIDEO_CALL -> "appels en visioconférence";
            case PRIVATE_MESSAGE -> "messages privés";
            case EMAIL -> "courriels";
            case PUBLIC_COMMENT -> "commentaires publics";
            case REACTION -> "réactions";
            case ENDORSEMENT -> "validations de compétences";
            case RECOMMENDATION -> "recommandations";
            case INTRODUCTION -> "mises en relation";
            case EVENT -> "événements en commun";
        };
    }

    @Override
    public String channel(Channel channel, long count, Instant since, long interactions) {
        String phrase = channelPhrase(channel, count);
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + (since == null ? "" : " depuis " + MONTH.format(since))
                + " (" + interactions + " interaction" + plural(interactions) + " au total).";
    }

    /** "4 rencontres en personne", "une rencontre en personne": nouns, so that nothing agrees with a gender. */
    private static String channelPhrase(Channel channel, long n) {
        boolean one = n == 1;
        return switch (channel) {
            case MEETING -> one ? "une rencontre en personne" : n + " rencontres en personne";
            case CALL -> one ? "un appel téléphonique" : n + " appels téléphoniques";
            case VIDEO_CALL -> one ? "un appel en visioconférence" : n + " appels en visioconférence";
            case EVENT -> one ? "un événement en commun" : n + " événements en commun";
            case PRIVATE_MESSAGE -> one ? "un message privé échangé" : n + " messages privés échangés";
            case EMAIL -> one ? "un courriel échangé" : n + " courriels échangés";
            case PUBLIC_COMMENT -> one ? "un commentaire public" : n + " commentaires publics";
            case REACTION -> one ? "une réaction à une publication" : n + " réactions à des publications";
            case ENDORSEMENT -> one ? "une validation de compétences" : n + " validations de compétences";
            case RECOMMENDATION -> one ? "une recommandation" : n + " recommandations";
            case INTRODUCTION -> one ? "une mise en relation" : n + " mises en relation";
        };
    }

    @Override
    public String lastContact(long daysAgo, Instant last) {
        if (daysAgo == 0) {
            return "Dernier contact aujourd'hui.";
        }
        if (daysAgo < 60) {
            return "Dernier contact il y a " + daysAgo + " jour" + plural(daysAgo) + ", le " + day(last) + ".";
        }
        return "Aucun contact depuis " + MONTH.format(last) + ".";
    }

    @Override
    public String inferredOrigin(Basis basis, String evidence) {
        return switch (basis) {
            case SAME_COMPANY -> "Origine déduite : collègue, car vous travaillez dans la même entreprise, " + evidence + ".";
            case PAST_COMPANY -> "Origine déduite : collègue par le passé, car vous avez travaillé dans la même entreprise, "
                    + evidence + ".";
            case SAME_SCHOOL -> "Origine déduite : camarade d'études, car vous avez fréquenté la même école, " + evidence + ".";
            case SOCIAL_PLATFORM -> "Origine déduite : rencontre en ligne, car le contact vient de " + evidence + ".";
            case DECLARED, NONE -> throw new IllegalArgumentException("not an inferred origin: " + basis);
        };
    }

    @Override
    public String contactNotArrived() {
        return "Les informations sur ce contact ne sont pas encore arrivées.";
    }

    @Override
    public String declaredCloseness(int closeness) {
        return "Proximité déclarée : " + closeness + " sur 5.";
    }

    @Override
    public String origin(Origin origin) {
        return switch (origin) {
            case FAMILY -> "Un membre de votre famille.";
            case FRIEND -> "Une relation d'amitié.";
            case NEIGHBOUR -> "Une relation de voisinage, ce qui dit peu de la proximité.";
            case SCHOOL -> "Une connaissance du temps des études.";
            case FORMER_COLLEAGUE -> "Une ancienne relation de travail.";
            case COLLEAGUE -> "Une relation de travail actuelle.";
            case CLIENT -> "Une relation client.";
            case PARTNER -> "Une relation de partenariat.";
            case EVENT -> "Une rencontre lors d'un événement.";
            case ONLINE -> "Une rencontre en ligne.";
            case INTRODUCED -> "Une mise en relation par une tierce personne.";
            case OTHER -> "Une relation nouée par d'autres moyens.";
        };
    }

    @Override
    public String mutualContacts(int mutual) {
        return mutual == 1 ? "Un contact en commun." : mutual + " contacts en commun.";
    }

    @Override
    public String connectedOn(Instant connectedOn) {
        return "En relation depuis le " + day(connectedOn) + ".";
    }

    @Override
    public String strengthFromContactAlone(double strength) {
        return "La force du lien, " + two(strength) + ", ne repose que sur les informations connues du contact.";
    }

    /** "1er mars 2024", "3 mars 2024". */
    private static String day(Instant instant) {
        ZonedDateTime date = instant.atZone(ZoneOffset.UTC);
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : Integer.toString(day)) + " " + MONTH_OF_DAY.format(date);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String two(double value) {
        return TwoDecimals.of(value, ',');
    }
}
