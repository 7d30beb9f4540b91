package org.codecred.alignment;

/**
 * The ids of the per-provider metrics in {@code provider_metric} (and the subject of PEER-OUTLIER).
 * Per-code and per-band counts use {@code code:<code>} and {@code band:<code>:<band>}; each
 * specialty's evidence share uses {@code evidence:<specialty>}.
 */
public final class MetricIds {

    public static final String LINES = "lines";
    public static final String MEMBERS = "members";
    public static final String VISITS = "visits";
    public static final String DAYS_WORKED = "days-worked";
    public static final String SERVICES_PER_DAY = "services-per-day";
    public static final String INDIVIDUAL_PSYCHOTHERAPY = "individual-psychotherapy";
    public static final String SHARE_90837 = "share-90837";
    public static final String EM_VISITS = "em-visits";
    public static final String EM_ADDON_SHARE = "em-addon-share";
    public static final String TELEHEALTH_SHARE = "telehealth-share";
    /** Lines of the codes 90785 (interactive complexity) may be added to. */
    public static final String INTERACTIVE_COMPLEXITY_PRIMARIES = "interactive-complexity-primaries";
    /** 90785 lines per line of a code it may be added to. */
    public static final String SHARE_90785 = "share-90785";
    /** Visits per worked day (a member seen on a day is one visit, however many lines): peer-compared. */
    public static final String VISITS_PER_DAY = "visits-per-day";
    /** 1 for a month with claim lines: the months days worked are averaged over. */
    public static final String MONTHS_ACTIVE = "months-active";
    // visit counts behind the peer shares (numerators and denominators, kept in history for the window)
    public static final String INDIVIDUAL_PSYCHOTHERAPY_VISITS = "visits:individual-psychotherapy";
    public static final String VISITS_90837 = "visits:90837";
    public static final String EM_VISITS_WITH_ADDON = "visits:em-with-addon";
    public static final String INTERACTIVE_COMPLEXITY_VISITS = "visits:interactive-complexity";
    public static final String VISITS_90785 = "visits:90785";
    public static final String TELEHEALTH_VISITS = "visits:telehealth";
    /** Timed lines (codes.csv) from files with a minutes column, and the share of them without minutes. */
    public static final String TIMED_LINES = "timed-lines";
    public static final String TIME_UNDOCUMENTED_SHARE = "time-undocumented-share";

    private MetricIds() {
    }

    public static String code(String code) {
        return "code:" + code;
    }

    public static String band(String code, String band) {
        return "band:" + code + ":" + band;
    }

    public static String evidence(String specialty) {
        return "evidence:" + specialty;
    }

    /** The share of a specialty's evidence visits that show its pattern (trauma: extended sessions). */
    public static String pattern(String specialty) {
        return "pattern:" + specialty;
    }

    /** Shares are stored as fractions and shown as percentages. */
    public static boolean isShare(String metricId) {
        return metricId.contains("share") || metricId.startsWith("evidence:") || metricId.startsWith("pattern:");
    }
}
