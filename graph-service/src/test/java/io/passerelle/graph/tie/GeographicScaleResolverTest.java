package io.passerelle.graph.tie;

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
}
