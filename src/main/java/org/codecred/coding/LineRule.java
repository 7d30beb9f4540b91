package org.codecred.coding;

import org.codecred.domain.Finding;

import java.util.List;

/** A rule about one line on its own. */
interface LineRule {

    /** @param credential the rendering provider's credential; null when not rostered or not known */
    void check(CheckedLine line, Credential credential, List<Finding> out);
}
