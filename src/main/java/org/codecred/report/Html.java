package org.codecred.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A page being written: every text from input data goes through {@link #text} (or an attribute
 * through {@link #attr}), so a provider named {@code <script>} reads as those characters; markup
 * is only ever the page's own constant strings.
 */
final class Html {

    /**
     * No request may leave the report folder: nothing is allowed by default, the page's own script
     * and stylesheet files are ('self'), and no form, frame, base URL or connection.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " base-uri 'none'; form-action 'none'";

    private final StringBuilder out = new StringBuilder(8192);

    /**
     * The head of every page.
     *
     * @param policy     the Content-Security-Policy
     * @param stylesheet relative path of the stylesheet, or null
     * @param script     relative path of the script, or null
     */
    Html head(String title, String policy, String stylesheet, String script) {
        return head(title, policy, stylesheet, script, null);
    }

    /** The head with an inline style (its hash must be in the policy). */
    Html head(String title, String policy, String stylesheet, String script, String inlineStyle) {
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").attr(policy).raw("\">\n");
        raw("<meta name=\"referrer\" content=\"no-referrer\">\n");
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        raw("<title>").text(title).raw("</title>\n");
        if (stylesheet != null) {
            raw("<link rel=\"stylesheet\" href=\"").attr(stylesheet).raw("\">\n");
        }
        if (script != null) {
            raw("<script src=\"").attr(script).raw("\" defer></script>\n");
        }
        if (inlineStyle != null) {
            raw("<style>").raw(inlineStyle).raw("</style>\n");
        }
        return raw("</head>\n");
    }

    /** Markup written by the page itself (never data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text content, escaped; null writes nothing. */
    Html text(Object value) {
        if (value != null) {
            escape(String.valueOf(value));
        }
        return this;
    }

    /** An attribute value (inside double quotes), escaped. */
    Html attr(Object value) {
        return text(value);
    }

    /** {@code <tag>text</tag>}. */
    Html el(String tag, Object text) {
        out.append('<').append(tag).append('>');
        text(text);
        int name = tag.indexOf(' '); // the closing tag without the opening one's attributes
        out.append("</").append(tag, 0, name < 0 ? tag.length() : name).append('>');
        return this;
    }

    /** A link whose href the page computed (a relative path of the report) and whose text is data. */
    Html link(String href, Object text) {
        return raw("<a href=\"").attr(href).raw("\">").text(text).raw("</a>");
    }

    /** A table row of text cells. */
    Html row(Object... cells) {
        raw("<tr>");
        for (Object cell : cells) {
            el("td", cell);
        }
        return raw("</tr>\n");
    }

    /** A table header row. */
    Html headerRow(String... cells) {
        raw("<thead><tr>");
        for (String cell : cells) {
            raw("<th scope=\"col\">").text(cell).raw("</th>");
        }
        return raw("</tr></thead>\n");
    }

    private void escape(String s) {
        if (plain(s)) { // most text: copied whole
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters from a hostile roster would make the page invalid: shown as a replacement mark
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Whether text needs no escaping: no markup character, quote or control character. */
    private static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The CSP source of an inline {@code <style>} element's exact content. */
    static String sha256Source(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
