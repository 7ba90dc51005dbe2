package io.passerelle.vocabulary;

import static io.passerelle.vocabulary.FrenchNoun.feminine;
import static io.passerelle.vocabulary.FrenchNoun.masculine;
import static io.passerelle.vocabulary.FrenchNoun.masculinePlural;
import static io.passerelle.vocabulary.EnglishNoun.bare;

import java.util.List;

/**
 * Subjects an owner follows or writes about (an e-reputation objective's topics, the profile's
 * topics), beyond the sectors of {@link Sector}, which serve as topics too.
 */
public enum Topic implements Term {
    E_REPUTATION(feminine("e-réputation"), bare("online reputation"),
            Words.shared("e-reputation", "ereputation").en("online reputation", "digital reputation")
                    .fr("e-réputation", "réputation en ligne", "réputation numérique")),
    JOB_SEARCH(feminine("recherche d'emploi"), bare("job searching"),
            Words.english("job search", "job searching", "job hunting").fr("recherche d'emploi", "emploi")),
    EMPLOYER_BRAND(feminine("marque employeur"), bare("employer branding"),
            Words.english("employer brand", "employer branding").fr("marque employeur")),
    NETWORKING(masculine("réseautage professionnel"), bare("professional networking"),
            Words.english("digital networking", "online networking", "professional networking").both("networking")
                    .fr("réseautage", "réseautage numérique", "réseau professionnel", "réseaux professionnels")),
    CAREER_TRANSITION(feminine("reconversion professionnelle"), bare("career change"),
            Words.english("career transition", "career transitions", "career change")
                    .fr("reconversion", "reconversion professionnelle", "transition professionnelle")),
    SOCIAL_MEDIA(masculinePlural("réseaux sociaux"), bare("social media"),
            Words.english("social media", "social networks").fr("réseaux sociaux")),
    PERSONAL_BRANDING(feminine("image professionnelle"), bare("personal branding"),
            Words.english("personal branding", "personal brand").fr("image professionnelle", "marque personnelle")),
    LEADERSHIP(masculine("leadership"), bare("leadership"),
            Words.shared("leadership", "management").fr("encadrement")),
    PARTNERSHIPS(masculinePlural("partenariats"), bare("partnerships"),
            Words.english("partnerships", "partnership").fr("partenariats", "partenariat"));

    private final Label label;
    private final List<Word> words;

    Topic(FrenchNoun french, EnglishNoun english, Words words) {
        this.label = new Label(french, english);
        this.words = words.fr(french.text()).en(english.text()).list();
    }

    /** How a message names the topic: "l'e-réputation", "online reputation". */
    public Label label() {
        return label;
    }

    @Override
    public List<Word> words() {
        return words;
    }
}
