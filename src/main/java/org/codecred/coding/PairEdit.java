package org.codecred.coding;

import org.codecred.rules.EffectivePeriod;

/**
 * One NCCI procedure-to-procedure edit: when both codes are billed for one member, date and
 * provider, {@code column2} is not payable unless the modifier indicator allows a bypass.
 *
 * @param modifierIndicator 0 never bypassable, 1 bypassable with an NCCI-associated modifier, 9 not applicable
 * @param origin            where the edit comes from, e.g. {@code ncci-ptp.csv line 9} or a CMS file name
 */
public record PairEdit(String column1, String column2, int modifierIndicator, EffectivePeriod period,
                       String rationale, String origin) {
}
