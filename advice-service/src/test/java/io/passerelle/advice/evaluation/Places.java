package io.passerelle.advice.evaluation;

import io.passerelle.contracts.model.Location;

/** The places of the evaluation networks, with their département (or second-level area) and region. */
final class Places {
    // Auvergne-Rhône-Alpes and the rest of France
    static final Location LYON = fr("Lyon", "69002", "Rhône", "Auvergne-Rhône-Alpes", 45.7578, 4.8320);
    static final Location VILLEURBANNE = fr("Villeurbanne", "69100", "Rhône", "Auvergne-Rhône-Alpes", 45.7719, 4.8902);
    static final Location VALENCE = fr("Valence", "26000", "Drôme", "Auvergne-Rhône-Alpes", 44.9334, 4.8924);
    static final Location GRENOBLE = fr("Grenoble", "38000", "Isère", "Auvergne-Rhône-Alpes", 45.1885, 5.7245);
    static final Location SAINT_ETIENNE = fr("Saint-Étienne", "42000", "Loire", "Auvergne-Rhône-Alpes", 45.4397, 4.3872);
    static final Location PARIS = fr("Paris", "75011", "Paris", "Île-de-France", 48.8566, 2.3522);
    static final Location BOULOGNE = fr("Boulogne-Billancourt", "92100", "Hauts-de-Seine", "Île-de-France", 48.8397, 2.2399);
    static final Location NANTES = fr("Nantes", "44000", "Loire-Atlantique", "Pays de la Loire", 47.2184, -1.5536);
    static final Location MONTPELLIER = fr("Montpellier", "34000", "Hérault", "Occitanie", 43.6108, 3.8767);
    static final Location TOULOUSE = fr("Toulouse", "31000", "Haute-Garonne", "Occitanie", 43.6047, 1.4442);
    static final Location LILLE = fr("Lille", "59000", "Nord", "Hauts-de-France", 50.6292, 3.0573);
    static final Location MARSEILLE = fr("Marseille", "13001", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", 43.2965, 5.3698);
    static final Location BORDEAUX = fr("Bordeaux", "33000", "Gironde", "Nouvelle-Aquitaine", 44.8378, -0.5792);
    static final Location STRASBOURG = fr("Strasbourg", "67000", "Bas-Rhin", "Grand Est", 48.5734, 7.7521);
    static final Location BESANCON = fr("Besançon", "25000", "Doubs", "Bourgogne-Franche-Comté", 47.2378, 6.0241);

    // Bretagne
    static final Location RENNES = fr("Rennes", "35000", "Ille-et-Vilaine", "Bretagne", 48.1173, -1.6778);
    static final Location CESSON_SEVIGNE = fr("Cesson-Sévigné", "35510", "Ille-et-Vilaine", "Bretagne", 48.1211, -1.6031);
    static final Location SAINT_MALO = fr("Saint-Malo", "35400", "Ille-et-Vilaine", "Bretagne", 48.6493, -2.0257);
    static final Location BREST = fr("Brest", "29200", "Finistère", "Bretagne", 48.3904, -4.4861);
    static final Location QUIMPER = fr("Quimper", "29000", "Finistère", "Bretagne", 47.9960, -4.1024);
    static final Location DOUARNENEZ = fr("Douarnenez", "29100", "Finistère", "Bretagne", 48.0925, -4.3289);
    static final Location LANDERNEAU = fr("Landerneau", "29800", "Finistère", "Bretagne", 48.4508, -4.2494);
    static final Location MORLAIX = fr("Morlaix", "29600", "Finistère", "Bretagne", 48.5775, -3.8278);
    static final Location PLOUVIEN = fr("Plouvien", "29860", "Finistère", "Bretagne", 48.5333, -4.4833);
    static final Location LORIENT = fr("Lorient", "56100", "Morbihan", "Bretagne", 47.7482, -3.3702);
    static final Location VANNES = fr("Vannes", "56000", "Morbihan", "Bretagne", 47.6582, -2.7608);
    static final Location PONTIVY = fr("Pontivy", "56300", "Morbihan", "Bretagne", 48.0686, -2.9628);
    static final Location SAINT_BRIEUC = fr("Saint-Brieuc", "22000", "Côtes-d'Armor", "Bretagne", 48.5136, -2.7603);
    static final Location LANNION = fr("Lannion", "22300", "Côtes-d'Armor", "Bretagne", 48.7326, -3.4566);

    // Abroad
    static final Location BERLIN = new Location("Berlin", "10115", "Berlin", "Berlin", "DE", 52.5200, 13.4050);
    static final Location MUNICH = new Location("München", "80331", "Oberbayern", "Bayern", "DE", 48.1351, 11.5820);
    static final Location HAMBURG = new Location("Hamburg", "20095", "Hamburg", "Hamburg", "DE", 53.5511, 9.9937);
    static final Location MILAN = new Location("Milano", "20121", "Città metropolitana di Milano", "Lombardia", "IT", 45.4642, 9.1900);
    static final Location LONDON = new Location("London", "EC1A", "Greater London", "England", "GB", 51.5074, -0.1278);
    static final Location BRUSSELS = new Location("Bruxelles", "1000", "Bruxelles-Capitale", "Bruxelles-Capitale", "BE", 50.8503, 4.3517);
    static final Location GENEVA = new Location("Genève", "1201", "Genève", "Genève", "CH", 46.2044, 6.1432);
    static final Location MONTREAL = new Location("Montréal", "H2X", "Montréal", "Québec", "CA", 45.5017, -73.5673);

    private Places() {
    }

    private static Location fr(String city, String postalCode, String department, String region, double latitude, double longitude) {
        return new Location(city, postalCode, department, region, "FR", latitude, longitude);
    }
}
