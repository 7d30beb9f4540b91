package org.codecred.coding;

import org.codecred.rules.EffectivePeriod;

/**
 * The most units of a code for one member, date and provider.
 *
 * @param adjudicationIndicator 1 = line edit (each line on its own); 2 or 3 = date-of-service edit (lines added up)
 * @param origin                {@code unit-limits.csv line N} or the CMS file name
 * @param unverified            the hand-kept table marks the limit UNVERIFIED (findings on it are at most WARNING)
 */
public record UnitLimit(String code, int limit, int adjudicationIndicator, EffectivePeriod period, String origin,
                        boolean unverified) {

    /** A limit from a published source (a CMS MUE file). */
    public UnitLimit(String code, int limit, int adjudicationIndicator, EffectivePeriod period, String origin) {
        this(code, limit, adjudicationIndicator, period, origin, false);
    }

    public boolean perLine() {
        return adjudicationIndicator == 1;
    }
}
