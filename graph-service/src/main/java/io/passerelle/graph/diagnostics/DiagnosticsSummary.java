package io.passerelle.graph.diagnostics;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.Diagnostics.Share;
import io.passerelle.graph.diagnostics.DiagnosticsChange.ShareChange;
import io.passerelle.vocabulary.Language;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The diagnostics in words (API.md Diagnostics {@code summary}), in the owner's language: what kind
 * of network this is (alter egos or bridges), where it reaches and where it does not (scale by scale,
 * from the neighbourhood to the world, and the farther scales it hardly reaches), what changed over the last month (or three) when the history
 * says so, and the one or two moves that would improve it. Every number a sentence holds is a figure
 * of the same answer, rounded (a share as a whole percentage, a count as is), so that a reader can
 * find it there. The first sentence never depends on {@code change}: it is the network map's caption.
 *
 * @param language {@code fr} or {@code en}
 */
@Schema(description = "The diagnostics in a few sentences, in the owner's language: the kind of network, its reach by scale, "
        + "what changed recently, and one or two moves; every number is one of the answer's figures, rounded")
public record DiagnosticsSummary(
        @Schema(description = "fr or en: the language of the owner's profile, fr when unknown", enumeration = {"fr", "en"})
        String language,
        @Schema(description = "The sentences, in this order: the kind of network, its reach, what changed (when the history says), the moves")
        List<String> sentences) {

    /** At or above this alter-ego index the network is one of alter egos; below it, one of bridges. */
    public static final double ALTER_EGO_NETWORK = 1.0 / 3.0;
    /** A scale holding at least this share of contacts is where the network reaches. */
    public static final double REACHED = 0.15;
    /** A scale holding less than this share of contacts is where it hardly reaches. */
    public static final double HARDLY_REACHED = 0.05;
    /** Below this share of contacts in Europe and the world together, reaching beyond the country is a move. */
    public static final double FAR_REACH = 0.10;
    /** At or above this share of dormant ties, waking some is a move. */
    public static final double MANY_DORMANT = 0.20;
    /** Below this share of weak ties, keeping up more is a move. */
    public static final double FEW_WEAK = 0.25;
    /** The most moves a summary proposes. */
    public static final int MOVES = 2;

    private static final GeographicScale[] KNOWN_SCALES = {GeographicScale.NEIGHBOURHOOD, GeographicScale.CITY,
            GeographicScale.DEPARTMENT, GeographicScale.REGION, GeographicScale.COUNTRY, GeographicScale.EUROPE, GeographicScale.WORLD};

    /** The language of the owner's profile; {@link Language#DEFAULT} (French) when the profile or its language is unknown. */
    public static Language languageOf(OwnerProfile owner) {
        return Language.orDefault(owner == null ? null : owner.language());
    }

    /** The language of a summary's code; {@link Language#DEFAULT} (French) for anything else. */
    public static Language languageOf(DiagnosticsSummary summary) {
        return Language.orDefault(summary == null ? null : summary.language());
    }

    /** The summary of the diagnostics in the language given, with the change sentence when {@code change} holds a window. */
    public static DiagnosticsSummary of(Diagnostics diagnostics, Language language) {
        Writer writer = new Writer(diagnostics, language);
        List<String> sentences = new ArrayList<>();
        sentences.add(writer.kind());
        if (diagnostics.contacts() > 0) {
            writer.reach().ifPresent(sentences::add);
            writer.change().ifPresent(sentences::add);
            sentences.addAll(writer.moves());
        }
        return new DiagnosticsSummary(language.code(), List.copyOf(sentences));
    }

    /** The first sentence: the kind of network. */
    public String first() {
        return sentences.isEmpty() ? "" : sentences.get(0);
    }

    private static final class Writer {
        private final Diagnostics diagnostics;
        private final boolean french;
        private final NumberFormat counts;

        Writer(Diagnostics diagnostics, Language language) {
            this.diagnostics = diagnostics;
            this.french = language == Language.FR;
            this.counts = NumberFormat.getIntegerInstance(french ? Locale.FRANCE : Locale.UK);
        }

        String kind() {
            int contacts = diagnostics.contacts();
            if (contacts == 0) {
                return french ? "Aucun contact pour l'instant." : "No contacts yet.";
            }
            AlterEgoIndex alterEgos = diagnostics.alterEgos();
            if (alterEgos == null || alterEgos.index() == null) {
                return french
                        ? "Vos " + count(contacts) + " contacts ne peuvent pas encore être comparés à vous : votre secteur, votre ville, "
                                + "vos écoles et vos employeurs, ou les leurs, manquent."
                        : "Your " + count(contacts) + " contacts cannot be compared with you yet: your sector, city, schools and "
                                + "employers, or theirs, are missing.";
            }
            String share = percent(alterEgos.index());
            String counted = alterEgos.counted() == 1 ? (french ? "1 contact" : "the 1 contact")
                    : (french ? "les " : "the ") + count(alterEgos.counted()) + " contacts";
            String comparable = french ? "Sur " + counted + " que l'on peut comparer à vous, "
                    : "Of " + counted + " who can be compared with you, ";
            if (alterEgos.alterEgos() == 0) {
                return comparable + (french
                        ? "aucun ne vous ressemble par le secteur, la ville, l'école ou l'employeur : un réseau de ponts plus que d'alter ego."
                        : "none resembles you in sector, city, school or employer: a network of bridges more than of alter egos.");
            }
            if (alterEgos.index() >= ALTER_EGO_NETWORK) {
                return comparable + (french
                        ? share + " vous ressemblent par le secteur, la ville, l'école ou l'employeur : un réseau d'alter ego plus que de ponts."
                        : share + " resemble you in sector, city, school or employer: a network of alter egos more than of bridges.");
            }
            return comparable + (french
                    ? "seuls " + share + " vous ressemblent par le secteur, la ville, l'école ou l'employeur : un réseau de ponts plus "
                            + "que d'alter ego."
                    : "only " + share + " resemble you in sector, city, school or employer: a network of bridges more than of alter egos.");
        }

        java.util.Optional<String> reach() {
            List<GeographicScale> known = new ArrayList<>();
            for (GeographicScale scale : KNOWN_SCALES) {
                if (count(scale) > 0) {
                    known.add(scale);
                }
            }
            if (known.isEmpty()) {
                return java.util.Optional.empty();
            }
            List<GeographicScale> reached = new ArrayList<>(known.stream().filter(s -> share(s) >= REACHED)
                    .sorted(Comparator.comparingInt((GeographicScale s) -> count(s)).reversed().thenComparing(Enum::ordinal))
                    .limit(3).toList());
            if (reached.isEmpty()) {
                reached.add(known.stream().max(Comparator.comparingInt((GeographicScale s) -> count(s))
                        .thenComparing(Comparator.comparing((GeographicScale s) -> s.ordinal()).reversed())).orElseThrow());
            }
            // Beyond the farthest scale it reaches, the scales it hardly reaches, nearest first (three at most, the farthest).
            int farthest = reached.stream().mapToInt(Enum::ordinal).max().orElseThrow();
            List<GeographicScale> hardly = new ArrayList<>();
            for (int i = KNOWN_SCALES.length - 1; i > farthest && hardly.size() < 3; i--) {
                if (share(KNOWN_SCALES[i]) < HARDLY_REACHED) {
                    hardly.add(0, KNOWN_SCALES[i]);
                }
            }
            List<String> reachedWords = reached.stream().map(this::scaleWithFigure).toList();
            List<String> hardlyWords = hardly.stream().map(scale -> count(scale) == 0 ? scaleWords(scale) : scaleWithFigure(scale)).toList();
            if (french) {
                String sentence = "Il atteint surtout " + list(reachedWords, "et");
                if (!hardlyWords.isEmpty()) {
                    sentence += ", mais peu ou pas " + list(hardlyWords, "ni");
                }
                return java.util.Optional.of(sentence + ".");
            }
            String sentence = "It reaches mostly " + list(reachedWords, "and");
            if (!hardlyWords.isEmpty()) {
                sentence += ", but little or not at all " + list(hardlyWords, "or");
            }
            return java.util.Optional.of(sentence + ".");
        }

        java.util.Optional<String> change() {
            DiagnosticsChange change = diagnostics.change();
            if (change == null || change.since30Days() == null && change.since90Days() == null) {
                return java.util.Optional.empty();
            }
            boolean month = change.since30Days() != null;
            DiagnosticsChange.Since since = month ? change.since30Days() : change.since90Days();
            String when = french ? (month ? "Depuis un mois" : "Depuis trois mois")
                    : (month ? "Over the last month" : "Over the last three months");
            TieClass moved = null;
            int most = 0;
            for (TieClass tieClass : TieClass.values()) {
                ShareChange classChange = since.byClass() == null ? null : since.byClass().get(tieClass.name());
                if (classChange != null && Math.abs(classChange.count()) > Math.abs(most)) {
                    moved = tieClass;
                    most = classChange.count();
                }
            }
            int contacts = since.contacts();
            if (contacts == 0 && moved == null) {
                return java.util.Optional.of(french ? when + ", le nombre de vos contacts et de vos liens de chaque sorte n'a pas bougé."
                        : when + ", the number of your contacts and of your ties of each kind has not moved.");
            }
            StringBuilder sentence = new StringBuilder(when);
            if (french) {
                sentence.append(contacts > 0 ? ", vous avez gagné " + contacts(contacts)
                        : contacts < 0 ? ", vous avez perdu " + contacts(-contacts) : ", votre nombre de contacts n'a pas changé");
                if (moved != null) {
                    sentence.append(" et vous comptez ").append(count(Math.abs(most))).append(' ')
                            .append(tieClassWords(moved, Math.abs(most))).append(most > 0 ? " de plus" : " de moins");
                }
            } else {
                sentence.append(contacts > 0 ? " you gained " + contacts(contacts)
                        : contacts < 0 ? " you lost " + contacts(-contacts) : " your number of contacts did not change");
                if (moved != null) {
                    sentence.append(" and you have ").append(count(Math.abs(most))).append(most > 0 ? " more " : " fewer ")
                            .append(tieClassWords(moved, Math.abs(most)));
                }
            }
            return java.util.Optional.of(sentence.append('.').toString());
        }

        List<String> moves() {
            List<String> moves = new ArrayList<>();
            AlterEgoIndex alterEgos = diagnostics.alterEgos();
            if (alterEgos != null && alterEgos.index() != null && alterEgos.index() >= ALTER_EGO_NETWORK) {
                moves.add(french
                        ? "Allez vers des personnes d'autres secteurs, d'autres villes et d'autres écoles que les vôtres : " + percent(alterEgos.index())
                                + " de vos contacts comparables vous ressemblent, et ce sont les autres qui apportent du neuf."
                        : "Reach out to people of other sectors, cities and schools than yours: " + percent(alterEgos.index())
                                + " of your comparable contacts resemble you, and it is the others who bring something new.");
            }
            int dormant = count(TieClass.DORMANT);
            if (dormant > 0 && share(TieClass.DORMANT) >= MANY_DORMANT) {
                moves.add(french
                        ? "Réveillez quelques-uns de vos " + count(dormant) + " liens dormants : un message sur votre passé commun suffit, "
                                + "et ils savent souvent ce que vos proches ignorent."
                        : "Wake a few of your " + count(dormant) + " dormant ties: a message about your shared past is enough, and they "
                                + "often know what your close circle does not.");
            }
            if (share(GeographicScale.EUROPE) + share(GeographicScale.WORLD) < FAR_REACH) {
                String far = list(List.of(scaleWithFigure(GeographicScale.EUROPE), scaleWithFigure(GeographicScale.WORLD)),
                        french ? "et" : "and");
                moves.add(french ? "Nouez des liens au-delà de votre pays : " + far + " sont presque absents de votre réseau."
                        : "Make ties beyond your country: " + far + " are nearly absent from your network.");
            }
            int weak = count(TieClass.WEAK);
            if (weak == 0) {
                moves.add(french ? "Entretenez des liens faibles : vous n'en avez aucun, et ce sont eux qui apportent les informations nouvelles."
                        : "Keep up weak ties: you have none, and they are the ones that bring new information.");
            } else if (share(TieClass.WEAK) < FEW_WEAK) {
                moves.add(french
                        ? "Entretenez davantage de liens faibles : ils ne sont que " + share(TieClass.WEAK, weak) + " de votre réseau, et ce "
                                + "sont eux qui apportent les informations nouvelles."
                        : "Keep up more weak ties: they are only " + share(TieClass.WEAK, weak) + " of your network, and they are the ones "
                                + "that bring new information.");
            }
            BrokerageUnavailable unavailable = diagnostics.brokerageUnavailable();
            if (unavailable != null && BrokerageUnavailable.THIN_MUTUAL_CONTACT_DATA.equals(unavailable.reason())) {
                moves.add(french
                        ? "Indiquez qui se connaît parmi vos contacts : " + percent(unavailable.share()) + " d'entre eux ont cette "
                                + "indication, il en faut " + percent(unavailable.threshold()) + " pour mesurer les ponts de votre réseau."
                        : "Record who knows whom among your contacts: " + percent(unavailable.share()) + " of them have it, and "
                                + percent(unavailable.threshold()) + " are needed to measure your network's bridges.");
            }
            return moves.subList(0, Math.min(MOVES, moves.size()));
        }

        private String scaleWithFigure(GeographicScale scale) {
            return scaleWords(scale) + " (" + share(scale, count(scale)) + ")";
        }

        /** A share as a whole percentage; a share that rounds to nothing but is not nothing as its count of contacts. */
        private String share(Enum<?> key, int count) {
            double share = key instanceof TieClass t ? share(t) : share((GeographicScale) key);
            if (count > 0 && Math.round(100 * share) == 0) {
                return contacts(count);
            }
            if (count == 0) {
                return french ? "aucun contact" : "no contacts";
            }
            return percent(share);
        }

        private String percent(double share) {
            long rounded = Math.round(100 * share);
            return french ? rounded + "\u00a0%" : rounded + "%";
        }

        private String count(long count) {
            return counts.format(count);
        }

        private String contacts(int count) {
            return count(count) + (count == 1 ? " contact" : " contacts");
        }

        private String list(List<String> items, String conjunction) {
            if (items.size() == 1) {
                return items.get(0);
            }
            return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.get(items.size() - 1);
        }

        private String scaleWords(GeographicScale scale) {
            return switch (scale) {
                case NEIGHBOURHOOD -> french ? "le quartier" : "your neighbourhood";
                case CITY -> french ? "la ville" : "your city";
                case DEPARTMENT -> french ? "le département" : "your department";
                case REGION -> french ? "la région" : "your region";
                case COUNTRY -> french ? "le reste du pays" : "the rest of your country";
                case EUROPE -> french ? "l'Europe" : "Europe";
                case WORLD -> french ? "le reste du monde" : "the rest of the world";
                case UNKNOWN -> french ? "un lieu inconnu" : "an unknown place";
            };
        }

        private String tieClassWords(TieClass tieClass, int count) {
            boolean plural = count > 1;
            return switch (tieClass) {
                case STRONG -> french ? (plural ? "liens forts" : "lien fort") : (plural ? "strong ties" : "strong tie");
                case WEAK -> french ? (plural ? "liens faibles" : "lien faible") : (plural ? "weak ties" : "weak tie");
                case DORMANT -> french ? (plural ? "liens dormants" : "lien dormant") : (plural ? "dormant ties" : "dormant tie");
                case NASCENT -> french ? (plural ? "liens naissants" : "lien naissant") : (plural ? "nascent ties" : "nascent tie");
            };
        }

        private int count(TieClass tieClass) {
            return count(diagnostics.byClass(), tieClass.name());
        }

        private int count(GeographicScale scale) {
            return count(diagnostics.byScale(), scale.name());
        }

        private double share(TieClass tieClass) {
            return share(diagnostics.byClass(), tieClass.name());
        }

        private double share(GeographicScale scale) {
            return share(diagnostics.byScale(), scale.name());
        }

        private static int count(Map<String, Share> shares, String key) {
            Share share = shares == null ? null : shares.get(key);
            return share == null ? 0 : share.count();
        }

        private static double share(Map<String, Share> shares, String key) {
            Share share = shares == null ? null : shares.get(key);
            return share == null ? 0.0 : share.share();
        }
    }
}
