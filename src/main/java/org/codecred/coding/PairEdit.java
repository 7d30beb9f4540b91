package org.codecred.coding;

import org.codecred.rules.EffectivePeriod;

/**
 * One NCCI procedure-to-procedure edit: when both codes are billed for one member, date and
 * provider, {@code column2} is not payable unless the modifier indicator allows a bypass.
 *
 * @param modifierIndicator 0 never bypassable, 1 bypassable with an NCCI-associated modifier, 9 not applicable
 * @param origin            where the edit comes from, e.g. {@code ncci-ptp.csv line 9} or a CMS file name
 * @param unverified        "" when the row is sourced; {@code pair} when the edit itself is UNVERIFIED;
 *                          {@code modifier_indicator} when only its modifier indicator is
 */
public record PairEdit(String column1, String column2, int modifierIndicator, EffectivePeriod period,
                       String rationale, String origin, String unverified) {

    /** The hand-kept table's {@code unverified} values: the pair itself, or only its modifier indicator. */
    public static final String PAIR = "pair";
    public static final String MODIFIER_INDICATOR = "modifier_indicator";

    /** An edit from a published source (a CMS PTP file). */
    public PairEdit(String column1, String column2, int modifierIndicator, EffectivePeriod period, String rationale,
                    String origin) {
        this(column1, column2, modifierIndicator, period, rationale, origin, "");
    }
}
