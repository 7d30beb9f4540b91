package org.codecred.history;

import org.codecred.domain.Verdict;

/**
 * How a provider's verdict moved since the previous completed month, for the summary's change
 * marker: worse (towards HOLD), better (towards CLEAR), unchanged, new on the roster, or nothing
 * to compare with (no earlier completed month).
 */
public enum VerdictChange {
    WORSE("worse"), BETTER("better"), UNCHANGED(""), NEW_PROVIDER("new on roster"), NO_HISTORY("");

    private final String marker;

    VerdictChange(String marker) {
        this.marker = marker;
    }

    /** The text the summary shows. */
    public String marker() {
        return marker;
    }

    /**
     * @param hasHistory whether any month was completed before this one
     * @param previous   the provider's verdict in that month, null when not on its roster
     */
    public static VerdictChange of(boolean hasHistory, Verdict previous, Verdict current) {
        if (!hasHistory || current == null) {
            return NO_HISTORY;
        }
        if (previous == null) {
            return NEW_PROVIDER;
        }
        // enum order is HOLD, REVIEW, CLEAR: a smaller ordinal is a stricter verdict
        int moved = Integer.compare(previous.ordinal(), current.ordinal());
        return moved > 0 ? WORSE : moved < 0 ? BETTER : UNCHANGED;
    }
}
