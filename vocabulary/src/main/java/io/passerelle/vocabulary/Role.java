package io.passerelle.vocabulary;

import static io.passerelle.vocabulary.FrenchNoun.feminine;
import static io.passerelle.vocabulary.FrenchNoun.masculine;
import static io.passerelle.vocabulary.EnglishNoun.bare;

import java.util.List;

/**
 * Canonical roles a person may look for or hold. A message names the position ("un poste de
 * product manager", "a product manager role") or the field of work ("la gestion de produit",
 * "product management"); neither names a person with a gendered noun, so no phrasing ever needs
 * "un·e".
 */
public enum Role implements Term {
    PRODUCT_MANAGER("un poste de product manager", "a product manager role", feminine("gestion de produit"), bare("product management"),
            Words.shared("product manager").en("product owner", "product lead").fr("chef de produit", "cheffe de produit", "responsable produit")),
    CTO("un poste de CTO", "a CTO role", feminine("direction technique"), bare("technical leadership"),
            Words.shared("cto").en("chief technology officer").fr("directeur technique", "directrice technique")),
    CEO("un poste de direction générale", "a CEO role", feminine("direction générale"), bare("general management"),
            Words.shared("ceo").en("chief executive officer", "managing director", "general manager")
                    .fr("pdg", "directeur général", "directrice générale", "dg")),
    ENGINEER("un poste en ingénierie", "an engineering role", feminine("ingénierie"), bare("engineering"),
            Words.english("engineer", "engineering").fr("ingénieur", "ingénieure", "ingénierie")),
    DEVELOPER("un poste en développement logiciel", "a software developer role", masculine("développement logiciel"),
            bare("software development"),
            Words.english("developer", "software developer", "software engineer", "software development")
                    .fr("développeur", "développeuse", "développement logiciel")),
    DATA_SCIENTIST("un poste de data scientist", "a data scientist role", feminine("science des données"), bare("data science"),
            Words.shared("data scientist").en("data science").fr("science des données")),
    DESIGNER("un poste de designer", "a design role", masculine("design"), bare("design"),
            Words.shared("designer", "design", "ux designer", "ui designer", "product designer")),
    PROJECT_MANAGER("un poste en gestion de projet", "a project manager role", feminine("gestion de projet"), bare("project management"),
            Words.english("project manager", "project lead").fr("chef de projet", "cheffe de projet", "gestion de projet")),
    RECRUITER("un poste dans le recrutement", "a recruiting role", masculine("recrutement"), bare("recruiting"),
            Words.english("recruiter", "talent acquisition lead", "talent acquisition manager")
                    .fr("recruteur", "recruteuse", "chargé de recrutement", "chargée de recrutement")),
    SALES("un poste commercial", "a sales role", feminine("vente"), bare("sales"),
            Words.english("sales", "business developer", "account executive", "account manager", "sales manager")
                    .fr("vente", "ventes", "commercial", "commerciale", "ingénieur commercial", "ingénieure commerciale")),
    MARKETING("un poste dans le marketing", "a marketing role", masculine("marketing"), bare("marketing"),
            Words.shared("marketing").en("marketing manager").fr("responsable marketing", "chargé de marketing", "chargée de marketing")),
    CONSULTANT("un poste dans le conseil", "a consulting role", masculine("conseil"), bare("consulting"),
            Words.shared("consultant").fr("consultante")),
    COACH("un poste de coach", "a coaching role", masculine("coaching"), bare("coaching"),
            Words.shared("coach")),
    JOURNALIST("un poste de journaliste", "a journalist role", masculine("journalisme"), bare("journalism"),
            Words.english("journalist").fr("journaliste").both("reporter")),
    LAWYER("un poste de juriste", "a legal role", masculine("droit des affaires"), bare("business law"),
            Words.english("lawyer", "attorney", "business lawyer", "legal counsel").fr("avocat", "avocate", "juriste", "avocat d'affaires")),
    ACCOUNTANT("un poste en comptabilité", "an accounting role", feminine("comptabilité"), bare("accounting"),
            Words.english("accountant", "chartered accountant").fr("comptable", "expert-comptable", "experte-comptable"));

    private final String frenchPosition;
    private final String englishPosition;
    private final Label field;
    private final List<Word> words;

    Role(String frenchPosition, String englishPosition, FrenchNoun frenchField, EnglishNoun englishField, Words words) {
        this.frenchPosition = frenchPosition;
        this.englishPosition = englishPosition;
        this.field = new Label(frenchField, englishField);
        this.words = words.list();
    }

    /** The position one applies for: "un poste de product manager", "a product manager role". */
    public String position(Language language) {
        return language == Language.FR ? frenchPosition : englishPosition;
    }

    /** The field of work: "la gestion de produit", "product management". */
    public Label field() {
        return field;
    }

    @Override
    public List<Word> words() {
        return words;
    }
}
