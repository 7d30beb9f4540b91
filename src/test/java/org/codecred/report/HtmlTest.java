package org.codecred.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlTest {

    @Test
    void textAndAttributesAreEscaped() {
        String page = new Html().el("td", "<script>alert('x')</script> & \"q\"").raw("<a href=\"").attr("a\"b<c").raw("\">")
                .toString();
        assertThat(page).isEqualTo("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</td>"
                + "<a href=\"a&quot;b&lt;c\">");
    }

    @Test
    void plainTextIsUnchangedAndNullWritesNothing() {
        assertThat(new Html().text("Muñoz, José 90837").text(null).toString()).isEqualTo("Muñoz, José 90837");
    }

    @Test
    void controlCharactersBecomeAReplacementMark() {
        assertThat(new Html().text("a\u0000b\u001bc\td").toString()).isEqualTo("a\uFFFDb\uFFFDc\td");
    }

    @Test
    void theStyleHashIsTheBase64Sha256OfTheExactContent() {
        // printf 'b{}' | openssl dgst -sha256 -binary | base64
        assertThat(Html.sha256Source("b{}")).isEqualTo("'sha256-7yqHVAesot11p6HczDsgKRipvI5UPgs97z80zNXlans='");
        assertThat(Html.sha256Source("b{}")).isNotEqualTo(Html.sha256Source("b{ }"));
    }

    @Test
    void aPageIsNamedOnlyByADigitsOnlyNpi() {
        assertThat(Links.pageName("1234567893")).isEqualTo("1234567893.html");
        assertThatThrownBy(() -> Links.pageName("../x")).isInstanceOf(IllegalStateException.class);
    }
}
