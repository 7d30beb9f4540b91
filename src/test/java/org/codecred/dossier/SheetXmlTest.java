package org.codecred.dossier;

import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's own renderings of values, against POI's. */
class SheetXmlTest {

    @Test
    void aDatesSerialIsPoisForEveryDayFrom1899To2200() {
        for (LocalDate d = LocalDate.of(1899, 1, 1); d.getYear() <= 2200; d = d.plusDays(1)) {
            assertThat(SheetXml.serial(d)).as("%s", d).isEqualTo(DateUtil.getExcelDate(d.atStartOfDay(), false));
        }
    }

    @Test
    void textIsEscapedOnlyWhereXmlNeedsIt() {
        assertThat(escaped("plain text, 90837: 53 min")).isEqualTo("plain text, 90837: 53 min");
        assertThat(escaped("a & b < c > \"d\"")).isEqualTo("a &amp; b &lt; c &gt; &quot;d&quot;");
        assertThat(escaped("Söhne \u2014 \uD83D\uDE00")).isEqualTo("S&#246;hne &#8212; &#128512;");
        assertThat(escaped("bell\u0007 lone \uD800 cr\r")).isEqualTo("bell? lone ? cr&#13;");
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        SheetXml.escape(out, text);
        return out.toString();
    }
}
