package org.codecred.domain;

/**
 * The psychotherapy time bands of documented session minutes (domain reference 1.0: 16–37, 38–52,
 * 53 or more), for the metrics and the dossier's time-band table. The one copy of these limits in
 * code; the coding rules take their own from {@code codes.csv} (min_minutes / max_minutes).
 */
public enum TimeBand {
    NOT_DOCUMENTED("no-time", "not documented"),
    UNDER_16("under-16", "under 16 min"),
    FROM_16_TO_37("16-37", "16–37 min"),
    FROM_38_TO_52("38-52", "38–52 min"),
    FROM_53("53-plus", "53 min or more");

    private final String id;
    private final String label;

    TimeBand(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** As in metric ids: {@code band:90834:38-52}. */
    public String id() {
        return id;
    }

    /** As shown in the dossier. */
    public String label() {
        return label;
    }

    public static TimeBand of(Integer minutes) {
        if (minutes == null) {
            return NOT_DOCUMENTED;
        }
        if (minutes < 16) {
            return UNDER_16;
        }
        if (minutes <= 37) {
            return FROM_16_TO_37;
        }
        return minutes <= 52 ? FROM_38_TO_52 : FROM_53;
    }
}
