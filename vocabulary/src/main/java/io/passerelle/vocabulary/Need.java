package io.passerelle.vocabulary;

import static io.passerelle.vocabulary.FrenchNoun.feminine;
import static io.passerelle.vocabulary.FrenchNoun.femininePlural;
import static io.passerelle.vocabulary.FrenchNoun.masculine;
import static io.passerelle.vocabulary.FrenchNoun.masculinePlural;
import static io.passerelle.vocabulary.EnglishNoun.bare;
import static io.passerelle.vocabulary.EnglishNoun.withThe;

import java.util.List;

/**
 * What a founder lacks (DOMAIN.md section 3): what a message says the owner is looking for
 * ("des investisseurs", "investors") and the subject to talk about ("le financement", "funding").
 * "Associé" alone is a partner in a firm, not a co-founder: only "associé fondateur" is.
 */
public enum Need implements Term {
    LEGAL("des conseils juridiques", "legal advice", femininePlural("questions juridiques"), withThe("legal side of a new company"),
            Words.english("legal", "lawyer", "law firm", "attorney", "company law", "legal counsel", "legal advice")
                    .fr("juridique", "avocat", "avocate", "juriste", "droit des affaires", "conseil juridique", "conseils juridiques")),
    FINANCE("des conseils en finance et en comptabilité", "advice on finance and accounting",
            feminine("finance d'une jeune entreprise"), withThe("finances of a new company"),
            Words.shared("finance", "cfo").en("financial", "accounting", "accountant", "chartered accountant")
                    .fr("financier", "financière", "comptable", "expert-comptable", "comptabilité", "daf")),
    INVESTORS("des investisseurs", "investors", masculine("financement"), bare("funding"),
            Words.english("investor", "investors", "investment", "investment manager", "venture capital", "business angel", "angel investor",
                    "seed funding", "funding").both("vc")
                    .fr("investisseur", "investisseurs", "investisseuse", "capital-risque", "financement", "levée de fonds")),
    MENTOR("un mentor", "a mentor", masculine("mentorat"), bare("mentoring"),
            Words.shared("mentor", "mentors").en("mentoring", "advisor", "adviser").fr("mentorat", "parrain", "marraine")),
    CO_FOUNDER("une personne avec qui cofonder l'entreprise", "a co-founder", feminine("recherche d'un associé fondateur"),
            withThe("search for a co-founder"),
            Words.english("co-founder", "cofounder", "co-founders", "cofounders")
                    .fr("cofondateur", "co-fondateur", "cofondatrice", "co-fondatrice", "associé fondateur", "associée fondatrice",
                            "associés fondateurs")),
    SUPPLIERS("des fournisseurs", "suppliers", masculine("approvisionnement"), bare("sourcing"),
            Words.english("supplier", "suppliers", "manufacturer", "subcontractor", "contract manufacturer", "wholesaler")
                    .fr("fournisseur", "fournisseurs", "fabricant", "sous-traitant", "grossiste")),
    FIRST_CUSTOMERS("mes premiers clients", "my first customers", masculinePlural("premiers clients"), withThe("first customers"),
            Words.english("first customers", "first clients", "early adopters", "early adopter").fr("premiers clients", "premières clientes"));

    private final String frenchSought;
    private final String englishSought;
    private final Label subject;
    private final List<Word> words;

    Need(String frenchSought, String englishSought, FrenchNoun frenchSubject, EnglishNoun englishSubject, Words words) {
        this.frenchSought = frenchSought;
        this.englishSought = englishSought;
        this.subject = new Label(frenchSubject, englishSubject);
        this.words = words.list();
    }

    /** What the owner looks for: "des investisseurs", "investors". */
    public String sought(Language language) {
        return language == Language.FR ? frenchSought : englishSought;
    }

    /** What to talk about: "le financement", "funding". */
    public Label subject() {
        return subject;
    }

    @Override
    public List<Word> words() {
        return words;
    }
}
