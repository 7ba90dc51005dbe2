package io.passerelle.graph.map;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import java.util.Collection;

/**
 * The sentence written under the network map's title: for now one sentence composed here from the
 * figures the map shows (how many ties, the share within the owner's region, beyond their country,
 * without a known place, and the share of weak ties), in the map's language. The map takes its
 * caption as a string, so that this source can be replaced by the first sentence of the
 * diagnostics' {@code summary} once that exists.
 */
public final class NetworkMapCaption {
    private NetworkMapCaption() {
    }

    public static String of(Collection<MappedTie> ties, MapLanguage language) {
        int total = ties.size();
        if (total == 0) {
            return language == MapLanguage.FR ? "Aucun lien pour l'instant." : "No ties yet.";
        }
        int nearby = 0;
        int abroad = 0;
        int unknown = 0;
        int weak = 0;
        for (MappedTie tie : ties) {
            GeographicScale scale = tie.geographicScale();
            if (scale == GeographicScale.UNKNOWN) {
                unknown++;
            } else if (scale.compareTo(GeographicScale.REGION) <= 0) {
                nearby++;
            } else if (scale != GeographicScale.COUNTRY) {
                abroad++;
            }
            if (tie.tieClass() == TieClass.WEAK) {
                weak++;
            }
        }
        String all = language.count(total);
        String near = language.percent(nearby, total);
        String far = language.percent(abroad, total);
        String weakShare = language.percent(weak, total);
        if (language == MapLanguage.FR) {
            String place = unknown == 0 ? "" : ", " + language.percent(unknown, total) + " sans lieu connu";
            return "Sur " + all + (total == 1 ? " lien, " : " liens, ") + near + " sont dans votre région ou plus près et "
                    + far + " hors de votre pays" + place + " ; " + weakShare + " sont des liens faibles.";
        }
        String place = unknown == 0 ? "" : ", " + language.percent(unknown, total) + " without a known place";
        return "Of " + all + (total == 1 ? " tie, " : " ties, ") + near + " are in your region or closer and " + far
                + " outside your country" + place + "; " + weakShare + " are weak ties.";
    }
}
