package org.codecred.sources;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Name comparison that ignores case, accents, spaces and punctuation: {@code "Núñez-Paz"},
 * {@code "NUNEZ PAZ"} and {@code "nunezpaz"} are the same key.
 */
public final class Names {

    private Names() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
