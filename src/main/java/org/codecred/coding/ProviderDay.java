package org.codecred.coding;

import org.codecred.domain.ClaimLine;

import java.time.LocalDate;
import java.util.List;

/**
 * All staged lines of one rendering provider on one service date, across claims and files, in
 * encounter order (member, then file and line): the unit of work of {@code validateCoding}.
 */
public record ProviderDay(String npi, LocalDate date, List<ClaimLine> lines) {

    public ProviderDay {
        lines = List.copyOf(lines);
    }
}
