package org.codecred.dossier;

import org.codecred.dossier.Styles.Kind;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast number text used to size columns is exactly what String.format gives. */
class DisplayNumberTest {

    @Test
    void sameTextAsStringFormatForEveryNumericKind() {
        Random random = new Random(17);
        double[] edges = {0, -0.0, 0.005, 0.015, 1.005, 2.675, 9.995, 99.995, -0.001, -2.5, 0.05, 0.9995,
                1234567.125, 1e15, Double.NaN, Double.POSITIVE_INFINITY};
        for (Kind kind : new Kind[] {Kind.INTEGER, Kind.LINE_NO, Kind.PERCENT, Kind.DECIMAL, Kind.MONEY}) {
            for (double d : edges) {
                assertThat(SheetWriter.displayNumber(kind, d)).as(kind + " " + d).isEqualTo(SheetWriter.formatted(kind, d));
            }
            for (int i = 0; i < 20_000; i++) {
                double d = i % 3 == 0 ? Math.round(random.nextDouble() * 100_000) / 1000.0
                        : (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(8));
                assertThat(SheetWriter.displayNumber(kind, d)).as(kind + " " + d).isEqualTo(SheetWriter.formatted(kind, d));
            }
        }
    }

    @Test
    void sameTextForWholeNumbersAroundAThousand() {
        for (Kind kind : new Kind[] {Kind.INTEGER, Kind.LINE_NO, Kind.PERCENT, Kind.DECIMAL, Kind.MONEY}) {
            for (int i = -5; i <= 1_005; i++) {
                assertThat(SheetWriter.displayNumber(kind, i)).as(kind + " " + i).isEqualTo(SheetWriter.formatted(kind, i));
            }
        }
    }
}
