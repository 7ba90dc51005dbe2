package io.passerelle.graph.map;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** The languages the network map is written in (API.md: an owner's {@code language} is fr or en), with its words. */
public enum MapLanguage {
    FR("fr", Locale.FRANCE),
    EN("en", Locale.UK);

    private final String code;
    private final Locale locale;

    MapLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The language of a code, {@code fr} or {@code en} (any case, surrounding blanks ignored); empty for anything else. */
    public static Optional<MapLanguage> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (MapLanguage language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public String code() {
        return code;
    }

    /** A count as people of this language write it (1 250 in French, 1,250 in English). */
    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** A share in [0, 1] as a whole percentage; "<1" rather than 0 for a share that is not nothing. */
    public String percent(long part, long whole) {
        long rounded = whole == 0 ? 0 : Math.round(100.0 * part / whole);
        String number = part > 0 && rounded == 0 ? "<1" : Long.toString(rounded);
        return this == FR ? number + "\u00a0%" : number + "%";
    }

    public String title() {
        return this == FR ? "Votre réseau, du quartier au monde" : "Your network, from neighbourhood to world";
    }

    /** The owner, drawn at the centre. */
    public String owner() {
        return this == FR ? "vous" : "you";
    }

    public String scale(GeographicScale scale) {
        return switch (scale) {
            case NEIGHBOURHOOD -> this == FR ? "quartier" : "neighbourhood";
            case CITY -> this == FR ? "ville" : "city";
            case DEPARTMENT -> "département";
            case REGION -> this == FR ? "région" : "region";
            case COUNTRY -> this == FR ? "pays" : "country";
            case EUROPE -> "Europe";
            case WORLD -> this == FR ? "monde" : "world";
            case UNKNOWN -> this == FR ? "lieu inconnu" : "place unknown";
        };
    }

    public String tieClass(TieClass tieClass) {
        return switch (tieClass) {
            case STRONG -> this == FR ? "lien fort" : "strong tie";
            case WEAK -> this == FR ? "lien faible" : "weak tie";
            case DORMANT -> this == FR ? "lien dormant" : "dormant tie";
            case NASCENT -> this == FR ? "lien naissant" : "nascent tie";
        };
    }

    public String alterEgoLegend() {
        return this == FR
                ? "contour foncé : alter ego, qui vous ressemble (secteur, ville, école, employeurs)"
                : "dark outline: alter ego, alike you on most of sector, city, school, employers";
    }

    public String unknownLegend() {
        return this == FR ? "bande en tirets : lieu inconnu" : "dashed band: place unknown";
    }

    /** How a crowded ring's dots read: the label of such a ring ends with (×n). */
    public String groupedLegend() {
        return this == FR ? "(×n) : anneau chargé, un point pour n liens de même classe"
                : "(×n): crowded ring, one dot for n ties of one class";
    }
}
