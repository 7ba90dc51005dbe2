package io.passerelle.advice.evaluation;

import java.util.List;

/** First and last names for the generated part of the networks. */
final class Names {
    static final List<String> FRENCH_FIRST = List.of(
            "Adrien", "Agathe", "Alice", "Anthony", "Aurélien", "Bastien", "Camille", "Cédric", "Charlotte", "Damien",
            "Delphine", "Elsa", "Émilie", "Fanny", "Florence", "Gaëtan", "Géraldine", "Grégoire", "Jade", "Jérémy",
            "Joséphine", "Laetitia", "Louis", "Manon", "Mathias", "Mélanie", "Morgan", "Noémie", "Océane", "Pauline",
            "Raphaël", "Rémi", "Samuel", "Sébastien", "Solène", "Sylvain", "Valentin", "Victoire", "Xavier", "Zoé");
    static final List<String> FRENCH_LAST = List.of(
            "André", "Arnaud", "Barbier", "Bertrand", "Blanchard", "Boyer", "Brunet", "Carpentier", "Charpentier", "Clément",
            "Colin", "Dufour", "Dupuis", "Fleury", "Fournier", "Gaillard", "Gautier", "Giraud", "Guérin", "Henry",
            "Joly", "Lacroix", "Laurent", "Leclercq", "Lemaire", "Lopez", "Mallet", "Marie", "Meunier", "Michel",
            "Muller", "Noël", "Perrot", "Picard", "Renaud", "Rolland", "Roussel", "Schmitt", "Simon", "Vincent");
    static final List<String> BRETON_FIRST = List.of(
            "Aela", "Alan", "Anna", "Armel", "Brendan", "Corentin", "Dominique", "Elouan", "Enora", "Erell",
            "Gurvan", "Goulven", "Hervé", "Jakez", "Klervi", "Lénaïg", "Malo", "Maiwenn", "Morvan", "Nolan",
            "Oanez", "Paol", "Riwal", "Soizic", "Tanguy", "Tifenn", "Yoann", "Yuna", "Ewen", "Bleuenn");
    static final List<String> BRETON_LAST = List.of(
            "Le Bris", "Le Gall", "Le Roy", "Le Moal", "Le Cam", "Le Guen", "Le Corre", "Le Floc'h", "Kerhervé", "Kervran",
            "Jaffré", "Pennec", "Le Bourhis", "Quéméner", "Rolland", "Salaün", "Tanguy", "Urvoy", "Bescond", "Cloarec",
            "Derrien", "Guillou", "Henaff", "Inizan", "Lozac'h", "Madec", "Nicolas", "Ollivier", "Pérès", "Rioual");
    static final List<String> GERMAN_FIRST = List.of(
            "Anna", "Ben", "Clara", "David", "Elias", "Felix", "Greta", "Hanna", "Jan", "Johanna",
            "Karl", "Lena", "Leon", "Lukas", "Marie", "Maximilian", "Mia", "Niklas", "Paula", "Sophie");
    static final List<String> GERMAN_LAST = List.of(
            "Becker", "Fischer", "Hartmann", "Keller", "Koch", "Krause", "Lange", "Meyer", "Neumann", "Richter",
            "Schäfer", "Schmid", "Schneider", "Schulz", "Wagner", "Walter", "Werner", "Wolf", "Zimmermann", "Vogt");

    private Names() {
    }
}
