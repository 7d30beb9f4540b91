package org.codecred.alignment;

import org.codecred.domain.Finding;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Peer groups v2: family x claimed specialty where large enough, else the family. */
class PeerGroupsTest {

    private static final PeerMetric SHARE_90837 = new PeerMetric("share-90837", "90837 share", "individual-psychotherapy",
            20, 5, PeerMetric.Method.MAD, 3, 95, 0.10, true);

    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, Double> volumes = new HashMap<>();
    private final Map<String, String> family = new HashMap<>();
    private final Map<String, List<String>> claims = new HashMap<>();

    private void provider(String npi, double share, String... specialties) {
        values.put(npi, share);
        volumes.put(npi, 40.0);
        family.put(npi, "social-worker");
        if (specialties.length > 0) {
            claims.put(npi, List.of(specialties));
        }
    }

    private PeerGroups.Outcome compare() {
        return PeerGroups.compare(SHARE_90837, values, volumes, family, claims);
    }

    @Test
    void aTraumaSpecialistsLongSessionsAreComparedWithTraumaSpecialists() {
        for (int i = 0; i < 8; i++) {
            provider("G" + i, 0.25 + i * 0.01);
        }
        for (int i = 0; i < 5; i++) {
            provider("T" + i, 0.70 + i * 0.02, "trauma");
        }
        // against the whole family T4 would be far out; among 5 trauma specialists it is ordinary
        assertThat(compare().outliers()).isEmpty();
        assertThat(compare().figures()).filteredOn(f -> f.npi().equals("T4")).singleElement()
                .satisfies(f -> assertThat(f.size()).isEqualTo(5));
    }

    @Test
    void aSpecialtyGroupBelowTheMinimumSizeFallsBackToTheFamily() {
        for (int i = 0; i < 8; i++) {
            provider("G" + i, 0.25 + i * 0.01);
        }
        for (int i = 0; i < 4; i++) {
            provider("T" + i, 0.72 + i * 0.02, "trauma");
        }
        List<Finding> outliers = compare().outliers();
        assertThat(outliers).extracting(Finding::providerNpi).containsExactlyInAnyOrder("T0", "T1", "T2", "T3");
        assertThat(outliers.get(0).message()).contains("among 12 social workers;");
    }

    @Test
    void anOutlierAmongItsSpecialtyPeersIsStillFlaggedAndTheGroupIsNamed() {
        for (int i = 0; i < 5; i++) {
            provider("T" + i, 0.30 + i * 0.01, "trauma");
        }
        provider("X", 0.95, "trauma");
        assertThat(compare().outliers()).singleElement().satisfies(f -> {
            assertThat(f.providerNpi()).isEqualTo("X");
            assertThat(f.message()).contains("among 6 social workers claiming trauma");
        });
    }

    @Test
    void withSeveralSpecialtyGroupsTheMostLenientDecides() {
        for (int i = 0; i < 5; i++) {
            provider("T" + i, 0.70 + i * 0.01, "trauma");
            provider("F" + i, 0.20 + i * 0.01, "family-therapy");
        }
        provider("X", 0.74, "trauma", "family-therapy"); // ordinary for trauma, far out for family therapy
        assertThat(compare().outliers()).isEmpty();
    }
}
