package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import java.util.List;

/**
 * Writes the short first message suggested with a recommendation, in French or English. It greets
 * the contact by first name, says what the owner is looking into, asks one precise thing that is
 * easy to decline, and promises nothing in return (no favour traded, no outcome announced). A warm
 * path names the person the owner would like to meet.
 */
public final class MessageComposer {
    private static final List<TargetMatch.Kind> FOCUS_ORDER = List.of(
            TargetMatch.Kind.COMPANY, TargetMatch.Kind.PAST_COMPANY, TargetMatch.Kind.SECTOR, TargetMatch.Kind.ROLE,
            TargetMatch.Kind.NEED, TargetMatch.Kind.TOPIC, TargetMatch.Kind.LOCATION);

    public Recommendation.Message compose(String language, Action action, RankableTie tie, RankableTie keyPerson, Relevance relevance,
                                          OwnerProfile owner) {
        String focus = FOCUS_ORDER.stream().map(relevance::match).flatMap(java.util.Optional::stream)
                .map(TargetMatch::target).findFirst().orElse(null);
        boolean french = "fr".equals(language);
        String subject = focus != null ? focus : (french ? "votre domaine" : "your field");
        String name = firstName(tie.displayName());
        String text;
        if (keyPerson != null) {
            String person = keyPerson.displayName();
            text = french
                    ? "Bonjour " + name + ", je crois que vous connaissez " + person + ". Je m'intéresse à " + subject
                    + " et j'aimerais beaucoup échanger avec " + firstName(person)
                    + ". Accepteriez-vous de nous mettre en relation ? Aucun souci si ce n'est pas le bon moment."
                    : "Hello " + name + ", I believe you know " + person + ". I am looking into " + subject
                    + " and would love to talk with " + firstName(person)
                    + ". Would you be willing to put us in touch? No problem at all if the timing is not right.";
        } else {
            text = french ? french(action, name, subject, relevance) : english(action, name, subject, relevance);
        }
        return new Recommendation.Message(french ? "fr" : "en", text);
    }

    /** The first word of a display name ("Inès Dubois" → "Inès"); the whole name when it is a single word. */
    static String firstName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "";
        }
        String trimmed = displayName.trim();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }

    private static String english(Action action, String name, String subject, Relevance relevance) {
        return switch (action) {
            case ASK_INFORMATION -> "Hello " + name + ", I am looking into " + subject
                    + " and your perspective would help me. Would you have a few minutes for two or three precise questions?";
            case ASK_ADVICE -> "Hello " + name + ", I am looking into " + subject
                    + " and would value your advice. Would you have twenty minutes for a short conversation about your work? No problem at all if not.";
            case ASK_INTRODUCTION -> "Hello " + name + ", I am looking into " + subject
                    + ". Would you be open to introducing me to one or two people you know there? No problem at all if not.";
            case ASK_REFERRAL -> relevance.has(TargetMatch.Kind.COMPANY)
                    ? "Hello " + name + ", I am very interested in " + subject
                    + ". Would you be willing to recommend me internally, or tell me who to write to? Feel free to say no."
                    : "Hello " + name + ", thank you again for our work together. Would you know one or two people who might need the same? Feel free to say no.";
            case ENGAGE_CONTENT -> "Hello " + name + ", I read what you share with interest, and I would be glad to continue the conversation with you.";
            case ASK_RECOMMENDATION -> "Hello " + name
                    + ", we have worked together and your view of my work matters to me. Would you be willing to write a short recommendation? Feel free to say no.";
            case REACTIVATE -> "Hello " + name
                    + ", it has been a long time! I would be glad to hear what you are working on these days.";
            case REACH_OUT -> "Hello " + name + ", we are connected but have not talked yet. I would be glad to exchange with you about "
                    + subject + ".";
        };
    }

    private static String french(Action action, String name, String subject, Relevance relevance) {
        return switch (action) {
            case ASK_INFORMATION -> "Bonjour " + name + ", je m'intéresse à " + subject
                    + " et votre regard m'aiderait. Auriez-vous quelques minutes pour deux ou trois questions précises ?";
            case ASK_ADVICE -> "Bonjour " + name + ", je m'intéresse à " + subject
                    + " et votre conseil me serait précieux. Auriez-vous vingt minutes pour échanger sur votre métier ? Aucun souci dans le cas contraire.";
            case ASK_INTRODUCTION -> "Bonjour " + name + ", je m'intéresse à " + subject
                    + ". Accepteriez-vous de me présenter à une ou deux personnes que vous connaissez dans ce domaine ? Aucun souci dans le cas contraire.";
            case ASK_REFERRAL -> relevance.has(TargetMatch.Kind.COMPANY)
                    ? "Bonjour " + name + ", je m'intéresse beaucoup à " + subject
                    + ". Accepteriez-vous de me recommander en interne, ou de me dire à qui écrire ? Vous êtes libre de refuser."
                    : "Bonjour " + name + ", merci encore pour notre collaboration. Connaîtriez-vous une ou deux personnes qui pourraient en avoir besoin ? Vous êtes libre de refuser.";
            case ENGAGE_CONTENT -> "Bonjour " + name + ", je lis avec intérêt ce que vous partagez, et j'aimerais poursuivre l'échange avec vous.";
            case ASK_RECOMMENDATION -> "Bonjour " + name
                    + ", nous avons travaillé ensemble et votre regard sur mon travail compte pour moi. Accepteriez-vous d'écrire une courte recommandation ? Vous êtes libre de refuser.";
            case REACTIVATE -> "Bonjour " + name
                    + ", cela fait longtemps ! J'aimerais avoir de vos nouvelles et savoir sur quoi vous travaillez.";
            case REACH_OUT -> "Bonjour " + name + ", nous sommes en relation sans avoir encore échangé. J'aimerais discuter avec vous de "
                    + subject + ".";
        };
    }
}
