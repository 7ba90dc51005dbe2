package io.passerelle.graph.rest;

import io.passerelle.runtime.problem.Problem;
import io.passerelle.vocabulary.Language;
import java.util.List;
import java.util.Optional;

/**
 * The {@code lang} query parameter of the endpoints that answer in words (the ties' explanations, the
 * network map): {@code fr} or {@code en}, any case; absent or blank for the owner's profile language,
 * else French ({@link Language#orDefault}, as the diagnostics summary). Anything else is a 400 naming
 * {@code lang}.
 */
final class LanguageParameter {
    static final String NAME = "lang";
    /** The end of every {@code lang} parameter's description in the OpenAPI document. */
    static final String DEFAULT = "fr or en; default: the owner's profile language, else fr. Any other value is a 400.";

    private LanguageParameter() {
    }

    /** The language asked for; empty when none was, with an error added for a value other than fr or en. */
    static Optional<Language> parse(String lang, List<Problem.FieldError> errors) {
        if (lang == null || lang.isBlank()) {
            return Optional.empty();
        }
        Optional<Language> language = Language.fromCode(lang);
        if (language.isEmpty()) {
            errors.add(new Problem.FieldError(NAME, "must be fr or en"));
        }
        return language;
    }
}
