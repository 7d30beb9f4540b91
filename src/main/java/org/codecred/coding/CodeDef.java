package org.codecred.coding;

import org.codecred.rules.EffectivePeriod;

import java.util.Set;

/**
 * One row of {@code codes.csv}: a procedure code as CodeCred knows it during one period.
 *
 * @param primaries      for an add-on, the codes one of which must be billed with it; empty otherwise
 * @param primariesText  the primaries as written in the table, for messages
 * @param minMinutes     lower end of the code's time band; null when the code is not timed
 * @param maxMinutes     upper end of the band; null when open
 * @param dayMinutes     minutes per unit counted toward the provider's day; null when not counted
 * @param primaryEarlier the add-on's primary may be on an earlier date of the month (same member and
 *                       provider): one evaluation billed over several days
 * @param perUnit        billed per unit or per instrument (96127, ABA): several lines for one member and
 *                       day are normal, their units are summed against the unit limit
 */
public record CodeDef(
        String code,
        String family,
        boolean addon,
        Set<String> primaries,
        String primariesText,
        Integer minMinutes,
        Integer maxMinutes,
        Integer dayMinutes,
        DxCheck dxCheck,
        EffectivePeriod period,
        boolean primaryEarlier,
        boolean perUnit) {

    /** What the diagnosis rules require of a line with this code. */
    public enum DxCheck {
        /** diagnosis required; the primary must be behavioral (F01–F99 or an allowed Z code) */
        BEHAVIORAL,
        /** diagnosis required */
        ANY,
        /** diagnosis required; the primary should be a physical condition, not F01–F99 (health behavior services) */
        PHYSICAL,
        /** not checked */
        NONE
    }

    /** An E/M visit (families {@code em-*} of codes.csv). */
    public boolean isEm() {
        return family.startsWith("em-");
    }

    public boolean timed() {
        return minMinutes != null;
    }

    public boolean fits(int minutes) {
        return minMinutes != null && minutes >= minMinutes && (maxMinutes == null || minutes <= maxMinutes);
    }

    /** The band in words: "38–52 minutes" or "53 minutes or more". */
    public String band() {
        return maxMinutes == null ? minMinutes + " minutes or more" : minMinutes + "–" + maxMinutes + " minutes";
    }
}
