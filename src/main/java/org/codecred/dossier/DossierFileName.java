package org.codecred.dossier;

import java.nio.file.Path;
import java.text.Normalizer;

/**
 * The file name of a provider's dossier, {@code <NPI>-<Lastname>.xlsx}, made safe whatever the
 * roster says: only ASCII letters, digits and hyphens survive (accents are dropped, "Müller"
 * becomes "Muller"; separators, dots, control characters and everything else become nothing),
 * and each part is length-capped. So no name can leave {@code dossiers/} or hide as a dot file.
 */
public final class DossierFileName {

    static final int MAX_NAME = 40;
    static final int MAX_NPI = 15;

    private DossierFileName() {
    }

    public static String of(String npi, String lastName) {
        String safeNpi = clean(npi, MAX_NPI);
        String safeName = clean(lastName, MAX_NAME);
        if (safeNpi.isEmpty()) {
            safeNpi = "unknown";
        }
        return (safeName.isEmpty() ? safeNpi : safeNpi + "-" + safeName) + ".xlsx";
    }

    /** The dossier's path inside {@code dossiersDir}; refuses (never happens with {@link #of}) any other place. */
    public static Path resolve(Path dossiersDir, String npi, String lastName) {
        Path base = dossiersDir.toAbsolutePath().normalize();
        Path target = base.resolve(of(npi, lastName)).normalize();
        if (!base.equals(target.getParent())) {
            throw new IllegalStateException("dossier file name would leave " + base + ": " + target);
        }
        return target;
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ascii.length() && out.length() < max; i++) {
            char c = ascii.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if ((c == '-' || c == ' ') && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
