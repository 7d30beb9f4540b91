package org.codecred.coding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one rendering provider billed for each member on the earlier dates of the month, kept only for
 * the codes the cross-day rules ask about (the primaries of testing add-ons billed over several days,
 * and the diagnostic evaluations): one evaluation may run over several days, and an evaluation
 * repeated within six months is a finding. Immutable: one snapshot per provider-day.
 */
public final class EarlierDays {

    public static final EarlierDays NONE = new EarlierDays(Map.of(), new java.util.TreeMap<>());

    /** A tracked code billed for a member on a date. */
    public record DatedCode(LocalDate date, String code) {
    }

    /**
     * A provider's timed services on one day, counted at each code's minimum minutes (codes.csv day_minutes x units).
     *
     * @param lines the lines that counted
     */
    public record DayTime(long minutes, int lines) {
        public static final DayTime NONE = new DayTime(0, 0);
    }

    private final Map<String, List<DatedCode>> byMember;
    private final java.util.SortedMap<LocalDate, DayTime> dayTimes;

    EarlierDays(Map<String, List<DatedCode>> byMember) {
        this(byMember, new java.util.TreeMap<>());
    }

    EarlierDays(Map<String, List<DatedCode>> byMember, java.util.SortedMap<LocalDate, DayTime> dayTimes) {
        this.byMember = byMember;
        this.dayTimes = java.util.Collections.unmodifiableSortedMap(dayTimes);
    }

    /** The timed minutes of each earlier day of the month that had any, by date. */
    public java.util.SortedMap<LocalDate, DayTime> dayTimes() {
        return dayTimes;
    }

    /** Whether one of {@code codes} was billed for the member on an earlier date of the month. */
    public boolean billed(String memberId, Set<String> codes) {
        for (DatedCode dc : byMember.getOrDefault(memberId, List.of())) {
            if (codes.contains(dc.code())) {
                return true;
            }
        }
        return false;
    }

    /** The latest earlier date of the month on which one of {@code codes} was billed for the member, or null. */
    public LocalDate latest(String memberId, Set<String> codes) {
        LocalDate latest = null;
        for (DatedCode dc : byMember.getOrDefault(memberId, List.of())) {
            if (codes.contains(dc.code()) && (latest == null || dc.date().isAfter(latest))) {
                latest = dc.date();
            }
        }
        return latest;
    }

    /** Accumulates a provider's tracked lines day after day; {@link #snapshot()} before adding a day's lines. */
    static final class Builder {
        private final Map<String, List<DatedCode>> byMember = new HashMap<>();
        private final java.util.TreeMap<LocalDate, DayTime> dayTimes = new java.util.TreeMap<>();
        private int size;

        void add(String memberId, LocalDate date, String code) {
            byMember.computeIfAbsent(memberId, m -> new java.util.ArrayList<>()).add(new DatedCode(date, code));
            size++;
        }

        /** Records a day's timed minutes (a day without timed services is not kept). */
        void addDay(LocalDate date, DayTime time) {
            if (time.lines() > 0) {
                dayTimes.put(date, time);
            }
        }

        EarlierDays snapshot() {
            if (size == 0 && dayTimes.isEmpty()) {
                return NONE;
            }
            Map<String, List<DatedCode>> copy = new HashMap<>();
            byMember.forEach((member, codes) -> copy.put(member, List.copyOf(codes)));
            return new EarlierDays(copy, new java.util.TreeMap<>(dayTimes));
        }

        void clear() {
            byMember.clear();
            dayTimes.clear();
            size = 0;
        }
    }
}
