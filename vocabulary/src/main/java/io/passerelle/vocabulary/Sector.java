package io.passerelle.vocabulary;

import static io.passerelle.vocabulary.FrenchNoun.feminine;
import static io.passerelle.vocabulary.FrenchNoun.femininePlural;
import static io.passerelle.vocabulary.FrenchNoun.masculine;
import static io.passerelle.vocabulary.FrenchNoun.masculinePlural;
import static io.passerelle.vocabulary.EnglishNoun.bare;
import static io.passerelle.vocabulary.EnglishNoun.withThe;

import java.util.List;

/**
 * Canonical sectors: how a message names each in French and English, and the words people type for
 * it in either language. The same entries normalise the sector names of contacts and owners
 * ("Logiciel SaaS" and "Software" are one sector).
 */
public enum Sector implements Term {
    SOFTWARE(masculine("logiciel"), bare("software"),
            Words.english("software", "software publisher", "software publishing", "software development")
                    .fr("logiciel", "logiciels", "édition de logiciels", "éditeur de logiciels", "éditeur logiciel").both("saas")),
    FINTECH(feminine("fintech"), bare("fintech"),
            Words.shared("fintech", "fintechs").en("financial technology", "payments").fr("paiement", "paiements", "technologie financière")),
    FINANCE(feminine("finance"), bare("finance"),
            Words.shared("finance").english("financial services").fr("services financiers")),
    BANKING(feminine("banque"), bare("banking"),
            Words.english("banking", "bank", "banks").fr("banque", "banques", "bancaire", "secteur bancaire")),
    INSURANCE(feminine("assurance"), bare("insurance"),
            Words.english("insurance").fr("assurance", "assurances").both("insurtech")),
    HEALTHCARE(feminine("santé"), bare("healthcare"),
            Words.english("healthcare", "health care", "health", "medical").fr("santé", "médical", "médicale", "médicaux", "médicales", "secteur médical").both("medtech")),
    HEALTH_TECH(feminine("e-santé"), bare("health tech"),
            Words.shared("healthtech").en("health tech", "digital health").fr("e-santé", "esanté", "santé numérique")),
    HUMAN_RESOURCES(femininePlural("ressources humaines"), bare("human resources"),
            Words.english("human resources", "hr", "recruiting", "recruitment", "talent acquisition")
                    .fr("ressources humaines", "rh", "recrutement")),
    MEDIA(masculinePlural("médias"), bare("media"),
            // A journalist's sector is the media, whatever the field they cover.
            Words.shared("media").en("press", "journalism", "news", "journalist", "journalists")
                    .fr("médias", "presse", "journalisme", "journaliste", "journalistes")),
    DIGITAL_MEDIA(masculinePlural("médias numériques"), bare("digital media"),
            Words.english("digital media", "online media").fr("médias numériques", "média numérique", "médias en ligne")),
    DIGITAL(masculine("numérique"), withThe("digital sector"),
            Words.english("digital", "digital sector").fr("numérique", "secteur numérique")),
    ARTIFICIAL_INTELLIGENCE(feminine("intelligence artificielle"), bare("artificial intelligence"),
            // "AI" and "IA" are read in both languages: as a word, "ai" is French too ("j'ai").
            Words.english("artificial intelligence").fr("intelligence artificielle").both("ai", "ia")),
    CYBERSECURITY(feminine("cybersécurité"), bare("cybersecurity"),
            Words.english("cybersecurity", "cyber security").fr("cybersécurité")),
    E_COMMERCE(masculine("e-commerce"), bare("e-commerce"),
            Words.shared("e-commerce", "ecommerce").fr("commerce en ligne").en("online retail")),
    RETAIL(feminine("distribution"), bare("retail"),
            Words.english("retail", "retailing").fr("distribution", "grande distribution", "commerce de détail").both("commerce")),
    FOOD(masculine("agroalimentaire"), withThe("food industry"),
            Words.english("food", "food industry", "food and beverage", "food & beverage", "food processing")
                    .fr("agroalimentaire", "agro-alimentaire", "alimentation", "alimentaire", "industrie agroalimentaire")),
    CONSULTING(masculine("conseil"), bare("consulting"),
            Words.english("consulting", "consultancy", "management consulting").fr("conseil", "cabinet de conseil", "conseil en management")
                    .both("consultant")),
    COACHING(masculine("coaching"), bare("coaching"),
            Words.shared("coaching").fr("accompagnement")),
    ENTREPRENEURSHIP(masculine("entrepreneuriat"), bare("entrepreneurship"),
            Words.english("entrepreneurship", "startups", "start-ups").fr("entrepreneuriat", "création d'entreprise", "jeunes pousses")),
    PUBLIC_SECTOR(masculine("secteur public"), withThe("public sector"),
            Words.english("public sector", "government", "public administration")
                    .fr("secteur public", "fonction publique", "administration publique").both("administration")),
    AEROSPACE(feminine("aéronautique"), bare("aerospace"),
            Words.english("aerospace", "aeronautics").fr("aéronautique", "aérospatial", "aérospatiale")),
    REAL_ESTATE(masculine("immobilier"), bare("real estate"),
            Words.english("real estate").fr("immobilier").both("proptech")),
    ENERGY(feminine("énergie"), withThe("energy sector"),
            Words.english("energy", "energy sector").fr("énergie", "secteur de l'énergie")),
    EDUCATION(feminine("éducation"), bare("education"),
            Words.english("education", "teaching").fr("éducation", "enseignement").both("edtech")),
    TELECOMMUNICATIONS(masculinePlural("télécoms"), bare("telecoms"),
            Words.english("telecommunications", "telecom", "telecoms", "telco").both("telecommunication").fr("télécommunications", "télécoms", "télécom")),
    VENTURE_CAPITAL(masculine("capital-risque"), bare("venture capital"),
            Words.english("venture capital", "private equity").fr("capital-risque", "capital investissement").both("vc")),
    LEGAL_SERVICES(masculine("secteur juridique"), bare("legal services"),
            Words.english("legal services", "legal", "law", "law firm").fr("juridique", "secteur juridique", "droit", "cabinet d'avocats")),
    ACCOUNTING(feminine("comptabilité"), bare("accounting"),
            Words.english("accounting", "accountancy").fr("comptabilité", "expertise comptable", "cabinet comptable").both("audit")),
    MARKETING(masculine("marketing"), bare("marketing"),
            Words.shared("marketing").en("advertising").fr("publicité")),
    TRANSPORT(masculinePlural("transports"), bare("transport"),
            Words.english("transport", "transportation").fr("transports", "transport")),
    LOGISTICS(feminine("logistique"), bare("logistics"),
            Words.english("logistics", "supply chain").fr("logistique", "chaîne logistique")),
    MANUFACTURING(feminine("industrie"), bare("manufacturing"),
            Words.english("manufacturing").fr("industrie", "industrie manufacturière"));

    private final Label label;
    private final List<Word> words;

    Sector(FrenchNoun french, EnglishNoun english, Words words) {
        this.label = new Label(french, english);
        this.words = words.fr(french.text()).en(english.text()).list();
    }

    /** How a message names the sector: "dans la fintech", "in fintech". */
    public Label label() {
        return label;
    }

    @Override
    public List<Word> words() {
        return words;
    }
}
