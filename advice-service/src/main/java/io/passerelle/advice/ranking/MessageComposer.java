package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Recommendation;
import java.util.List;

/**
 * Writes the short first message suggested with a recommendation, in French or English. It names
 * the contact, says what the owner is looking into, asks one clear thing, leaves an easy way to
 * decline, and promises nothing in return (no favour traded, no outcome announced).
 */
public final class MessageComposer {
    private static final List<TargetMatch.Kind> FOCUS_ORDER = List.of(
            TargetMatch.Kind.COMPANY, TargetMatch.Kind.PAST_COMPANY, TargetMatch.Kind.SECTOR, TargetMatch.Kind.ROLE,
            TargetMatch.Kind.NEED, TargetMatch.Kind.TOPIC, TargetMatch.Kind.LOCATION);

    public Recommendation.Message compose(String language, Action action, String contactName, Relevance relevance) {
        String focus = FOCUS_ORDER.stream().map(relevance::match).flatMap(java.util.Optional::stream)
                .map(TargetMatch::target).findFirst().orElse(null);
        boolean french = "fr".equals(language);
        String subject = focus != null ? focus : (french ? "votre domaine" : "your field");
        String text = french ? french(action, contactName, subject) : english(action, contactName, subject);
        return new Recommendation.Message(french ? "fr" : "en", text);
    }

    private static String english(Action action, String name, String subject) {
        return switch (action) {
            case ASK_INFORMATION -> "Hello " + name + ", I am looking into " + subject
                    + " and your perspective would help me. Would you have a few minutes for two or three precise questions?";
            case ASK_INTRODUCTION -> "Hello " + name + ", I am looking into " + subject
                    + ". If it seems appropriate to you, would you be open to introducing me to someone there? No problem at all if not.";
            case ASK_ADVICE -> "Hello " + name + ", I am looking into " + subject
                    + " and would value your advice. Would you have twenty minutes for a short conversation about your work? No problem at all if not.";
            case ASK_REFERRAL -> "Hello " + name + ", I am looking into " + subject
                    + ". Would you be open to recommending me to the right person there? Feel free to say no.";
            case ENGAGE_CONTENT -> "Hello " + name + ", what you share about " + subject
                    + " interests me, and I would be glad to continue the conversation with you.";
            case ASK_RECOMMENDATION -> "Hello " + name
                    + ", we have worked together and your view of my work matters to me. Would you be willing to write a short recommendation? Feel free to say no.";
            case REACTIVATE -> "Hello " + name
                    + ", it has been a long time! I would be glad to hear what you are working on these days.";
            case REACH_OUT -> "Hello " + name + ", we are connected but have not talked yet. I would be glad to exchange with you about "
                    + subject + ".";
        };
    }

    private static String french(Action action, String name, String subject) {
        return switch (action) {
            case ASK_INFORMATION -> "Bonjour " + name + ", je m'intéresse à " + subject
                    + " et votre regard m'aiderait. Auriez-vous quelques minutes pour deux ou trois questions précises ?";
            case ASK_INTRODUCTION -> "Bonjour " + name + ", je m'intéresse à " + subject
                    + ". Si cela vous semble opportun, accepteriez-vous de me présenter à une personne de ce milieu ? Aucun souci dans le cas contraire.";
            case ASK_ADVICE -> "Bonjour " + name + ", je m'intéresse à " + subject
                    + " et votre conseil me serait précieux. Auriez-vous vingt minutes pour échanger sur votre métier ? Aucun souci dans le cas contraire.";
            case ASK_REFERRAL -> "Bonjour " + name + ", je m'intéresse à " + subject
                    + ". Accepteriez-vous de me recommander auprès de la bonne personne ? Vous êtes libre de refuser.";
            case ENGAGE_CONTENT -> "Bonjour " + name + ", ce que vous partagez sur " + subject
                    + " m'intéresse, et je serais heureux·se de poursuivre l'échange avec vous.";
            case ASK_RECOMMENDATION -> "Bonjour " + name
                    + ", nous avons travaillé ensemble et votre regard sur mon travail compte pour moi. Accepteriez-vous d'écrire une courte recommandation ? Vous êtes libre de refuser.";
            case REACTIVATE -> "Bonjour " + name
                    + ", cela fait longtemps ! Je serais heureux·se d'avoir de vos nouvelles et de savoir sur quoi vous travaillez.";
            case REACH_OUT -> "Bonjour " + name + ", nous sommes en relation sans avoir encore échangé. J'aimerais discuter avec vous de "
                    + subject + ".";
        };
    }
}
