package org.codecred.coding;

import org.codecred.domain.Finding;

import java.util.List;

/** A rule about all lines of one encounter: one member, date and rendering provider, any claim or file. */
interface EncounterRule {

    /** @param earlier what the provider billed on the earlier dates of the month */
    void check(List<CheckedLine> encounter, EarlierDays earlier, List<Finding> out);
}
