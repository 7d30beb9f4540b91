package org.codecred.coding;

import org.codecred.domain.Finding;

import java.util.List;

/** A rule about all lines of one encounter: one member, date and rendering provider, any claim or file. */
interface EncounterRule {

    void check(List<CheckedLine> encounter, List<Finding> out);
}
