package io.passerelle.advice.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.vocabulary.Language;
import io.passerelle.vocabulary.NormalForm;
import io.passerelle.vocabulary.Vocabulary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What no suggested message may do (DOMAIN.md section 5): greet by full name, carry a word of the
 * other language, mark the owner's first person with inclusive-writing dots or a gendered adjective,
 * or tell someone connected more than two years ago, or with any interaction, that they have not
 * talked yet.
 */
final class MessageRules {
    /** "We have not talked yet", in both languages, however phrased. */
    private static final Pattern NEVER_TALKED = Pattern.compile(
            "(sans avoir (encore )?(eu l'occasion d')?échang(é|er)|pas encore (eu l'occasion d')?échang(é|er)|jamais échangé|n'avons pas encore"
                    + "|not had the chance to talk|have not talked|haven't talked|never talked|not (yet )?exchanged|have not spoken)",
            Pattern.CASE_INSENSITIVE);
    /** Adjectives and participles that would give the owner a gender in the first person. */
    private static final Pattern GENDERED_FIRST_PERSON = Pattern.compile(
            "\\b(je suis|je serais|je serai|j'étais|je me suis|nous sommes)\\s+(très |tout |toute |vraiment |si )?"
                    + "(heureux|heureuse|ravi|ravie|intéressé|intéressée|certain|certaine|sûr|sûre|prêt|prête|curieux|curieuse|content|contente"
                    + "|désolé|désolée|convaincu|convaincue|persuadé|persuadée|allé|allée|venu|venue|connus|connues|rencontrés|rencontrées)\\b",
            Pattern.CASE_INSENSITIVE);

    private MessageRules() {
    }

    static void check(Recommendation recommendation, RankableTie tie, RankableTie keyPerson, OwnerProfile owner, Instant now) {
        String text = recommendation.message().text();
        Language language = Language.fromCode(recommendation.message().language()).orElseThrow();
        String name = tie.displayName().strip();
        assertThat(text).as("greets by full name: %s", text)
                .doesNotStartWith("Bonjour " + name).doesNotStartWith("Hello " + name);
        if (name.contains(" ")) {
            assertThat(text).as("names %s in full", name).doesNotContain(name + ",");
        }
        String ownPitch = owner == null || owner.pitch() == null ? "" : owner.pitch();
        String written = text.replace(ownPitch, "");
        assertThat(written).as("inclusive-writing dots in the owner's words: %s", text).doesNotContain("·");
        assertThat(GENDERED_FIRST_PERSON.matcher(written).find()).as("a gendered first person: %s", text).isFalse();
        Language other = language == Language.FR ? Language.EN : Language.FR;
        String words = NormalForm.padded(withoutProperNames(written, tie, keyPerson, owner));
        for (String word : Vocabulary.wordsOnlyIn(other)) {
            assertThat(words).as("the %s-only word \"%s\" in a %s message: %s", other, word, language, text).doesNotContain(" " + word + " ");
        }
        if (claimsNeverTalked(text)) {
            assertThat(recommendation.action()).as("only a first contact says so: %s", text).isEqualTo(Action.REACH_OUT);
            Contact contact = tie.contact();
            assertThat(tie.tie().interactionCount()).as("claims no exchange to a contact with interactions: %s", text).isZero();
            assertThat(contact.connectedOn()).as("claims no exchange without knowing when they connected: %s", text).isNotNull();
            assertThat(contact.connectedOn()).as("claims no exchange to a contact connected more than two years ago: %s", text)
                    .isAfterOrEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(2));
        }
        assertThat(text).as("one precise request: %s", text).contains("?");
    }

    static boolean claimsNeverTalked(String text) {
        return NEVER_TALKED.matcher(text).find();
    }

    /** The text without the names of people, companies and schools, which are the same in any language. */
    private static String withoutProperNames(String text, RankableTie tie, RankableTie keyPerson, OwnerProfile owner) {
        List<String> names = new ArrayList<>();
        for (RankableTie person : new RankableTie[] {tie, keyPerson}) {
            if (person != null) {
                names.add(person.displayName());
                Contact contact = person.contact();
                if (contact != null) {
                    names.add(contact.company());
                    names.addAll(contact.pastCompanies() == null ? List.of() : contact.pastCompanies());
                    names.addAll(contact.schools() == null ? List.of() : contact.schools());
                }
            }
        }
        if (owner != null) {
            names.add(owner.company());
            names.addAll(owner.pastCompanies() == null ? List.of() : owner.pastCompanies());
            names.addAll(owner.schools() == null ? List.of() : owner.schools());
        }
        String result = text;
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                result = result.replace(name, " ");
            }
        }
        return result;
    }
}
