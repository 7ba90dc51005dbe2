package io.passerelle.advice.coverage;

import io.passerelle.advice.ranking.TargetMatch;
import io.passerelle.contracts.model.GeographicScale;
import java.util.Map;

/** The sentences of the next steps, in French or English. */
final class NextStepTexts {
    private static final Map<GeographicScale, String> SCALES_EN = Map.of(
            GeographicScale.NEIGHBOURHOOD, "your neighbourhood", GeographicScale.CITY, "your city",
            GeographicScale.DEPARTMENT, "your department", GeographicScale.REGION, "your region",
            GeographicScale.COUNTRY, "your country", GeographicScale.EUROPE, "Europe",
            GeographicScale.WORLD, "international networks", GeographicScale.UNKNOWN, "places you do not know yet");
    private static final Map<GeographicScale, String> SCALES_FR = Map.of(
            GeographicScale.NEIGHBOURHOOD, "dans votre quartier", GeographicScale.CITY, "dans votre ville",
            GeographicScale.DEPARTMENT, "dans votre département", GeographicScale.REGION, "dans votre région",
            GeographicScale.COUNTRY, "dans votre pays", GeographicScale.EUROPE, "en Europe",
            GeographicScale.WORLD, "dans des réseaux internationaux", GeographicScale.UNKNOWN, "dans des lieux que vous ne connaissez pas encore");

    private static final Map<GeographicScale, String> SCALE_NOUNS_EN = Map.of(
            GeographicScale.NEIGHBOURHOOD, "neighbourhood", GeographicScale.CITY, "city", GeographicScale.DEPARTMENT, "department",
            GeographicScale.REGION, "region", GeographicScale.COUNTRY, "country", GeographicScale.EUROPE, "Europe",
            GeographicScale.WORLD, "world", GeographicScale.UNKNOWN, "unknown");
    private static final Map<GeographicScale, String> SCALE_NOUNS_FR = Map.of(
            GeographicScale.NEIGHBOURHOOD, "quartier", GeographicScale.CITY, "ville", GeographicScale.DEPARTMENT, "département",
            GeographicScale.REGION, "région", GeographicScale.COUNTRY, "pays", GeographicScale.EUROPE, "Europe",
            GeographicScale.WORLD, "monde", GeographicScale.UNKNOWN, "inconnue");

    private NextStepTexts() {
    }

    /** How a sentence names the target: quoted in its own wording, a scale in words. */
    static String label(TargetMatch.Kind kind, String target, String language) {
        if (kind == TargetMatch.Kind.SCALE) {
            GeographicScale scale = GeographicScale.valueOf(target);
            return "fr".equals(language) ? "l'échelle « " + SCALE_NOUNS_FR.get(scale) + " »" : "the " + SCALE_NOUNS_EN.get(scale) + " scale";
        }
        return "fr".equals(language) ? "« " + target + " »" : "“" + target + "”";
    }

    static String reactivate(String language, String name, String label) {
        return "fr".equals(language)
                ? "Reprenez contact avec " + name + ", perdu(e) de vue, qui correspond à " + label + "."
                : "Reconnect with " + name + ", a dormant tie who matches " + label + ".";
    }

    static String askForIntroduction(String language, String intermediary, String person, String label) {
        return "fr".equals(language)
                ? "Demandez à " + intermediary + " de vous présenter " + person + ", qui correspond à " + label + "."
                : "Ask " + intermediary + " to introduce you to " + person + ", who matches " + label + ".";
    }

    static String lookForEvents(String language, TargetMatch.Kind kind, String target) {
        if (kind == TargetMatch.Kind.SCALE) {
            GeographicScale scale = GeographicScale.valueOf(target);
            return "fr".equals(language)
                    ? "Personne dans votre réseau pour l'instant : cherchez des événements ou des groupes " + SCALES_FR.get(scale) + "."
                    : "No one in your network yet: look for events or groups in " + SCALES_EN.get(scale) + ".";
        }
        return "fr".equals(language)
                ? "Personne dans votre réseau pour l'instant : cherchez des événements ou des groupes autour de « " + target + " »."
                : "No one in your network yet: look for events or groups in " + target + ".";
    }
}
