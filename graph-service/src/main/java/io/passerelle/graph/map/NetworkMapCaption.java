package io.passerelle.graph.map;

import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.DiagnosticsSummary;
import io.passerelle.vocabulary.Language;

/**
 * The sentence written under the network map's title: the first sentence of the diagnostics'
 * {@code summary} (the kind of network, alter egos or bridges, with its figures), written in the
 * map's language, which may differ from the owner's. That sentence never depends on {@code change},
 * so the cached diagnostics suffice.
 */
public final class NetworkMapCaption {
    private NetworkMapCaption() {
    }

    public static String of(Diagnostics diagnostics, MapLanguage language) {
        return DiagnosticsSummary.of(diagnostics, language == MapLanguage.EN ? Language.EN : Language.FR).first();
    }
}
