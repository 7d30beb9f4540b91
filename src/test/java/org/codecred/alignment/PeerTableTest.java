package org.codecred.alignment;

import org.codecred.rules.RuleTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeerTableTest {

    @Test
    void theShippedTablesHoldTheContractsSettings() {
        assertThat(PeerSettings.load(Fixtures.RULES)).isEqualTo(new PeerSettings(8, 20, 0.05, 3));
        assertThat(PeerTable.load(Fixtures.RULES)).extracting(PeerMetric::metricId).containsExactly("share-90837",
                "em-addon-share", "visits-per-day", "telehealth-share", "share-90785", "days-worked");
        PeerMetric share = PeerTable.load(Fixtures.RULES).get(0);
        assertThat(share.numeratorMetric()).isEqualTo(MetricIds.VISITS_90837);
        assertThat(share.volumeMetric()).isEqualTo(MetricIds.INDIVIDUAL_PSYCHOTHERAPY_VISITS);
        assertThat(share.clinicalFloor()).isEqualTo(0.25);
        assertThat(share.isShare()).isTrue();
    }

    @Test
    void aV2TableStillLoadsItsMinExcessAsTheFloor(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(PeerTable.FILE), "metric,label,volume_metric,min_volume,min_group_size,method,"
                + "mad_multiplier,percentile,min_excess,enabled\n"
                + "share-90837,90837 share,individual-psychotherapy,20,5,mad,3,95,0.10,true\n");
        PeerMetric m = PeerTable.load(dir).get(0);
        assertThat(m.clinicalFloor()).isEqualTo(0.10);
        assertThat(m.enabled()).isFalse(); // no numerator: shown, never tested
        assertThat(PeerSettings.load(dir)).isEqualTo(PeerSettings.DEFAULTS); // no settings file: the contract's
    }

    @Test
    void badValuesStopTheRunNamingTheCell(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(PeerSettings.FILE), "setting,value\nfdr_q,5\n");
        assertThatThrownBy(() -> PeerSettings.load(dir)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("is not a rate between 0 and 1");
        Files.writeString(dir.resolve(PeerSettings.FILE), "setting,value\nmin_group_size,2\n");
        assertThatThrownBy(() -> PeerSettings.load(dir)).hasMessageContaining("at least 3");
        Files.writeString(dir.resolve(PeerSettings.FILE), "setting,value\nwindow,3\n");
        assertThatThrownBy(() -> PeerSettings.load(dir)).hasMessageContaining("not a known setting");
        Files.writeString(dir.resolve(PeerTable.FILE), "metric,numerator_metric,volume_metric,clinical_floor\n"
                + "share-90837,visits:90837,visits:individual-psychotherapy,20\n");
        assertThatThrownBy(() -> PeerTable.load(dir)).hasMessageContaining("write 0.20 for 20 percentage points");
    }
}
