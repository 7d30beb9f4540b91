package org.codecred.coding;

import org.codecred.domain.ClaimLine;

/**
 * A claim line with the code set row in force on its service date.
 *
 * @param code null when the procedure code is unknown on that date
 */
public record CheckedLine(ClaimLine line, CodeDef code) {
}
