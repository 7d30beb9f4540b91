package org.codecred.domain;

import org.codecred.coding.CodeCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeBandsTest {

    private static final TimeBands TABLE = TimeBands.ofRungs(
            CodeCatalog.load(Path.of("src/test/resources/rules")).rungs(CodeCatalog.PSYCHOTHERAPY));

    @Test
    void theBandsAreTheRungsOfThePsychotherapyLadderInCodesCsv() {
        assertThat(TABLE.all()).extracting(TimeBands.Band::id)
                .containsExactly("no-time", "under-16", "16-37", "38-52", "53-plus");
        assertThat(TABLE.all()).extracting(TimeBands.Band::label)
                .containsExactly("not documented", "under 16 min", "16–37 min", "38–52 min", "53 min or more");
    }

    @Test
    void minutesFallInTheBandWhoseRungTheyReach() {
        assertThat(TABLE.of(null).id()).isEqualTo("no-time");
        assertThat(TABLE.of(15).id()).isEqualTo("under-16");
        assertThat(TABLE.of(16).id()).isEqualTo("16-37");
        assertThat(TABLE.of(37).id()).isEqualTo("16-37");
        assertThat(TABLE.of(38).id()).isEqualTo("38-52");
        assertThat(TABLE.of(52).id()).isEqualTo("38-52");
        assertThat(TABLE.of(53).id()).isEqualTo("53-plus");
        assertThat(TABLE.of(180).index()).isEqualTo(4);
    }

    @Test
    void anotherLadderGivesOtherBands() {
        TimeBands bands = TimeBands.ofRungs(List.of(20, 45));
        assertThat(bands.all()).extracting(TimeBands.Band::id).containsExactly("no-time", "under-20", "20-44", "45-plus");
        assertThat(bands.of(44).id()).isEqualTo("20-44");
        assertThatThrownBy(() -> TimeBands.ofRungs(List.of(45, 20))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCrossMonthCodesAreTheEvaluationsAndTheTestingBaseCodes() {
        CodeCatalog codes = CodeCatalog.load(Path.of("src/test/resources/rules"));
        assertThat(codes.crossDayCodes()).containsExactlyInAnyOrder("90791", "90792", "96130", "96132", "96136", "96138");
    }
}
