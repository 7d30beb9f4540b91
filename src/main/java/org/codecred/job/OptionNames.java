package org.codecred.job;

import java.util.List;

/** The options CodeCred itself reads; a misspelt one gets the nearest of them suggested. */
public final class OptionNames {

    /** Every option CodeCred reads (Spring properties, which have a dot, come on top). */
    public static final List<String> ALL =
            List.of("month", "months", "input", "output", "db", "rules", "force", "worker", "help", "version");

    private OptionNames() {
    }

    /** The option {@code name} was probably meant to be (one or two letters off), or null. */
    public static String nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String option : ALL) {
            int d = distance(name, option);
            if (d < bestDistance) {
                best = option;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: the letters to add, drop or change to get from one word to the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
