package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.vocabulary.Sector;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeTest {
    private static final AttributeValues NORMALIZED = new AttributeValues();

    private static NetworkMember member(String sector, String city, List<String> schools, String company, List<String> pastCompanies) {
        return new NetworkMember("c", TieClass.WEAK, GeographicScale.UNKNOWN, null, null, null, sector, city, schools, company,
                pastCompanies, null);
    }

    @Test
    void employersAreTheCurrentCompanyAndThePastOnesWhicheverIsMissing() {
        assertThat(Attribute.EMPLOYER.of(member(null, null, null, "Atelier", null), NORMALIZED)).containsExactly("atelier");
        assertThat(Attribute.EMPLOYER.of(member(null, null, null, "Atelier", List.of()), NORMALIZED)).containsExactly("atelier");
        assertThat(Attribute.EMPLOYER.of(member(null, null, null, null, List.of("Viadeo", "Société Générale")), NORMALIZED))
                .containsExactly("viadeo", "societe generale");
        assertThat(Attribute.EMPLOYER.of(member(null, null, null, "Atelier", List.of("Viadeo", "ATELIER")), NORMALIZED))
                .as("the same employer written twice is one value").containsExactly("atelier", "viadeo");
        assertThat(Attribute.EMPLOYER.of(member(null, null, null, null, null), NORMALIZED)).isEmpty();
        assertThat(Attribute.EMPLOYER.of(member(null, null, null, null, Arrays.asList(null, "  ")), NORMALIZED))
                .as("blank or missing names are no value").isEmpty();
    }

    @Test
    void singleValuedAttributesIgnoreCaseAndAccents() {
        NetworkMember member = member("Conseil", "Évry", List.of("ESCP"), null, null);
        assertThat(Attribute.SECTOR.of(member("Boulangerie", null, null, null, null), NORMALIZED))
                .as("a sector the vocabulary does not know is compared as a name").isEqualTo(Set.of("boulangerie"));
        assertThat(Attribute.CITY.of(member, NORMALIZED)).isEqualTo(Set.of("evry"));
        assertThat(Attribute.SCHOOL.of(member, NORMALIZED)).isEqualTo(Set.of("escp"));
        assertThat(Attribute.CITY.of(member(null, null, null, null, null), NORMALIZED)).isEmpty();
    }

    @Test
    void theOwnersValuesAreReadFromItsProfile() {
        OwnerProfile owner = new OwnerProfile("Alex", "Coaching", "Coach", "Atelier", List.of("Viadeo"), List.of("ESCP", "HEC"),
                new Location("Paris", "75011", null, null, "FR", null, null), null, "fr", false);
        assertThat(Attribute.EMPLOYER.of(owner)).containsExactly("atelier", "viadeo");
        assertThat(Attribute.SCHOOL.of(owner)).containsExactly("escp", "hec");
        assertThat(Attribute.CITY.of(owner)).containsExactly("paris");
        assertThat(Attribute.SECTOR.of((OwnerProfile) null)).isEmpty();
    }

    @Test
    void sectorsAreTheVocabularysCanonicalSectorsInEitherLanguage() {
        Set<String> consulting = Attribute.SECTOR.of(member("Conseil", null, null, null, null), NORMALIZED);
        assertThat(consulting).hasSize(1);
        assertThat(AttributeValues.sectorOf(consulting.iterator().next())).contains(Sector.CONSULTING);
        for (String spelling : List.of("Consulting", "CONSEIL", "Cabinet de conseil", "conseil en management", "Consultancy")) {
            assertThat(Attribute.SECTOR.of(member(spelling, null, null, null, null), NORMALIZED)).as(spelling).isEqualTo(consulting);
        }
        assertThat(Attribute.SECTOR.of(member("Logiciel", null, null, null, null), NORMALIZED))
                .isEqualTo(Attribute.SECTOR.of(member("Software", null, null, null, null), NORMALIZED))
                .isNotEqualTo(consulting);
        assertThat(Attribute.SECTOR.of(member("  ", null, null, null, null), NORMALIZED)).isEmpty();
        OwnerProfile owner = new OwnerProfile("Alex", "Consulting", null, null, null, null, null, null, "en", false);
        assertThat(Attribute.SECTOR.of(owner)).as("the owner's sector too").isEqualTo(consulting);
    }

    @Test
    void onlySectorsHaveAKnownNumberOfCategories() {
        assertThat(Attribute.SECTOR.categories()).isEqualTo(Sector.values().length);
        assertThat(Attribute.CITY.categories()).isNull();
        assertThat(Attribute.SCHOOL.categories()).isNull();
        assertThat(Attribute.EMPLOYER.categories()).isNull();
    }
}
