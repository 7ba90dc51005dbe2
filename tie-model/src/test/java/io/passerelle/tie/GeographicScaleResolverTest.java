package io.passerelle.tie;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import org.junit.jupiter.api.Test;

class GeographicScaleResolverTest {
    private static final Location OWNER = new Location("Saint-Étienne", "42000", "Loire", "Auvergne-Rhône-Alpes", "FR", null, null);

    private static Location at(String city, String postalCode, String department, String region, String country) {
        return new Location(city, postalCode, department, region, country, null, null);
    }

    @Test
    void findsTheNearestLevelBothLocationsShare() {
        assertThat(GeographicScaleResolver.between(OWNER, at("Saint-Étienne", "42 000", "Loire", "Auvergne-Rhône-Alpes", "FR")))
                .isEqualTo(GeographicScale.NEIGHBOURHOOD);
        assertThat(GeographicScaleResolver.between(OWNER, at("SAINT ETIENNE", "42100", "Loire", null, "FR")))
                .isEqualTo(GeographicScale.CITY);
        assertThat(GeographicScaleResolver.between(OWNER, at("Roanne", "42300", "loire", null, "FR")))
                .isEqualTo(GeographicScale.DEPARTMENT);
        assertThat(GeographicScaleResolver.between(OWNER, at("Lyon", "69001", "Rhône", "auvergne rhone alpes", "FR")))
                .isEqualTo(GeographicScale.REGION);
        assertThat(GeographicScaleResolver.between(OWNER, at("Paris", "75011", "Paris", "Île-de-France", "FR")))
                .isEqualTo(GeographicScale.COUNTRY);
        assertThat(GeographicScaleResolver.between(OWNER, at("Berlin", "10115", null, null, "DE")))
                .isEqualTo(GeographicScale.EUROPE);
        assertThat(GeographicScaleResolver.between(OWNER, at("Montréal", null, null, null, "CA")))
                .isEqualTo(GeographicScale.WORLD);
    }

    @Test
    void theSamePostalCodeInAnotherCountryIsAnotherPlace() {
        assertThat(GeographicScaleResolver.between(OWNER, at(null, "42000", null, null, "DE"))).isEqualTo(GeographicScale.EUROPE);
    }

    @Test
    void isUnknownWhenALocationIsMissingOrNothingCanBeCompared() {
        assertThat(GeographicScaleResolver.between(null, OWNER)).isEqualTo(GeographicScale.UNKNOWN);
        assertThat(GeographicScaleResolver.between(OWNER, null)).isEqualTo(GeographicScale.UNKNOWN);
        assertThat(GeographicScaleResolver.between(OWNER, at("Lyon", null, null, null, null))).isEqualTo(GeographicScale.UNKNOWN);
        assertThat(GeographicScaleResolver.between(at(null, null, null, null, null), at(null, null, null, null, null)))
                .isEqualTo(GeographicScale.UNKNOWN);
    }

    @Test
    void aMatchingCityCountsEvenWhenOneCountryIsMissing() {
        assertThat(GeographicScaleResolver.between(OWNER, at("saint-etienne", null, null, null, null))).isEqualTo(GeographicScale.CITY);
    }

    @Test
    void withinAKilometreIsTheSameNeighbourhoodWhateverThePostalCodes() {
        Location bastille = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", 48.8532, 2.3692);
        Location maraisCloseBy = new Location("Paris", "75004", "Paris", "Île-de-France", "FR", 48.8566, 2.3600);
        Location montmartre = new Location("Paris", "75018", "Paris", "Île-de-France", "FR", 48.8867, 2.3431);
        Location noCoordinates = new Location("Paris", "75004", "Paris", "Île-de-France", "FR", null, null);

        assertThat(GeographicScaleResolver.distanceKm(48.8532, 2.3692, 48.8566, 2.3600)).isBetween(0.7, 0.8);
        assertThat(GeographicScaleResolver.between(bastille, maraisCloseBy)).isEqualTo(GeographicScale.NEIGHBOURHOOD);
        assertThat(GeographicScaleResolver.between(bastille, montmartre)).isEqualTo(GeographicScale.CITY);
        assertThat(GeographicScaleResolver.between(bastille, noCoordinates)).isEqualTo(GeographicScale.CITY);
    }

    @Test
    void haversineDistanceMatchesKnownDistances() {
        // Paris (Notre-Dame) to Lyon (Bellecour): about 392 km as the crow flies.
        assertThat(GeographicScaleResolver.distanceKm(48.8530, 2.3499, 45.7578, 4.8320)).isBetween(388.0, 396.0);
        assertThat(GeographicScaleResolver.distanceKm(10, 20, 10, 20)).isZero();
        // Half the Earth's circumference between antipodes.
        assertThat(GeographicScaleResolver.distanceKm(0, 0, 0, 180)).isBetween(20_000.0, 20_020.0);
    }

    @Test
    void placeNamesIgnoreCaseAndAccents() {
        Location owner = at("Paris", null, "Paris", "Île-de-France", "FR");
        assertThat(GeographicScaleResolver.between(owner, at("paris", null, null, null, "fr"))).isEqualTo(GeographicScale.CITY);
        assertThat(GeographicScaleResolver.between(owner, at("Versailles", null, "Yvelines", "ile-de-france", "FR")))
                .isEqualTo(GeographicScale.REGION);
        assertThat(GeographicScaleResolver.between(owner, at("Paris 12e Arrondissement", null, "PARIS", null, "FR"))).isEqualTo(GeographicScale.DEPARTMENT);
    }

    @Test
    void europeIsTheContinentAsPeopleMeanIt() {
        Location paris = at("Paris", null, null, null, "FR");
        for (String country : new String[] {"DE", "be", "GB", "UK", "CH", "NO", "TR", "UA", "IS", "MC", "VA"}) {
            assertThat(GeographicScaleResolver.between(paris, at("X", null, null, null, country))).as(country).isEqualTo(GeographicScale.EUROPE);
        }
        for (String country : new String[] {"US", "CA", "MA", "JP", "BR", "CN"}) {
            assertThat(GeographicScaleResolver.between(paris, at("X", null, null, null, country))).as(country).isEqualTo(GeographicScale.WORLD);
        }
        assertThat(GeographicScaleResolver.between(at("Berlin", null, null, null, "DE"), at("Madrid", null, null, null, "ES")))
                .isEqualTo(GeographicScale.EUROPE);
        assertThat(GeographicScaleResolver.EUROPEAN_COUNTRIES).contains("FR", "IT", "ES", "PL", "PT", "SE", "FI", "IE", "GR", "RO");
    }
}
