package org.codecred.coding;

import org.codecred.domain.ClaimLine;

import java.time.LocalDate;
import java.util.List;

/**
 * All staged lines of one rendering provider on one service date, across claims and files, in
 * encounter order (member, then file and line): the unit of work of {@code validateCoding}.
 *
 * @param earlier     what the provider billed on the earlier dates of the month, for the cross-day rules
 * @param lastOfMonth whether this is the provider's last day with lines in the month: the month-level
 *                    rules (CAPACITY-IMPLAUSIBLE) judge the provider's days then
 */
public record ProviderDay(String npi, LocalDate date, List<ClaimLine> lines, EarlierDays earlier, boolean lastOfMonth) {

    public ProviderDay {
        lines = List.copyOf(lines);
        earlier = earlier == null ? EarlierDays.NONE : earlier;
    }

    /** A provider-day that closes the provider's month. */
    public ProviderDay(String npi, LocalDate date, List<ClaimLine> lines, EarlierDays earlier) {
        this(npi, date, lines, earlier, true);
    }

    /** The provider's only day of the month. */
    public ProviderDay(String npi, LocalDate date, List<ClaimLine> lines) {
        this(npi, date, lines, EarlierDays.NONE);
    }
}
