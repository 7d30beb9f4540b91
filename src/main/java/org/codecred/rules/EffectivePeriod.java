package org.codecred.rules;

import java.time.LocalDate;

/**
 * The dates a rule table row is in force, both inclusive; an open end is null. Rules look up the
 * rows in force on each service date, so a yearly code update is a data change.
 */
public record EffectivePeriod(LocalDate from, LocalDate to) {

    public static final EffectivePeriod ALWAYS = new EffectivePeriod(null, null);

    public static EffectivePeriod of(RuleTable.Row row) {
        return new EffectivePeriod(row.dateOr("effective_from", null), row.dateOr("effective_to", null));
    }

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
