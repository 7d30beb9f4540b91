package org.codecred.alignment;

import org.codecred.domain.ClaimLine;
import org.codecred.rules.TelehealthRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One provider's month, aggregated line by line without keeping the lines: counts by code and time
 * band, visits, members, working days, the visit counts behind each specialty's evidence share.
 * Lines must arrive in encounter order (service date, then member), so one visit's lines are
 * contiguous; {@link #finish()} closes the last visit.
 */
public final class ProviderActivity {

    private final String npi;
    private final List<Specialty> specialties;
    private final CodingFacts facts;
    private final VisitCodes visitCodes;
    private final int[] judged;
    private final int[] evidence;
    private final int[] pattern;
    private long icPrimaryLines;
    private long timedLines;
    private long timedWithoutMinutes;

    private long lines;
    private long individual;
    private final TelehealthRules telehealth;
    private long visits;
    private long individualVisits;
    private long visits90837;
    private long icPrimaryVisits;
    private long icVisits;
    private long telehealthVisits;
    private boolean visitTelehealth;
    private long emVisits;
    private long emVisitsWithAddon;
    private final Set<String> members = new HashSet<>();
    private final Set<LocalDate> days = new HashSet<>();
    private final Map<String, Long> byCode = new TreeMap<>();
    private final Map<String, Long> byBand = new TreeMap<>();

    // the open visit: what its codes and diagnoses showed so far (VisitCodes), its member's age, its longest line
    private LocalDate visitDate;
    private String visitMember;
    private int visitFacts;
    private final long[] visitSpecialtyCodes;
    private final long[] visitPatternCodes;
    private final long[] visitDiagnoses;
    private int visitAge = -1;
    private Integer visitMaxMinutes;

    public ProviderActivity(String npi, List<Specialty> specialties, TelehealthRules telehealth) {
        this(npi, specialties, telehealth, CodingFacts.NONE);
    }

    /** @param facts what the metrics need from the code set (timed codes, 90785 and E/M add-on primaries) */
    public ProviderActivity(String npi, List<Specialty> specialties, TelehealthRules telehealth, CodingFacts facts) {
        this(npi, new VisitCodes(specialties, facts), telehealth);
    }

    /** @param visitCodes the specialties and code facts, with what each code and diagnosis showed (shared by a reader's providers) */
    ProviderActivity(String npi, VisitCodes visitCodes, TelehealthRules telehealth) {
        this.telehealth = telehealth;
        this.visitCodes = visitCodes;
        this.facts = visitCodes.facts();
        this.npi = npi;
        this.specialties = visitCodes.specialties();
        this.visitSpecialtyCodes = new long[visitCodes.words()];
        this.visitPatternCodes = new long[visitCodes.words()];
        this.visitDiagnoses = new long[visitCodes.words()];
        this.judged = new int[specialties.size()];
        this.evidence = new int[specialties.size()];
        this.pattern = new int[specialties.size()];
    }

    public String npi() {
        return npi;
    }

    public void add(ClaimLine line) {
        if (visitDate != null && (!visitDate.equals(line.serviceDate()) || !visitMember.equals(line.memberId()))) {
            closeVisit();
        }
        visitDate = line.serviceDate();
        visitMember = line.memberId();
        String code = line.procedureCode();
        VisitCodes.Code known = visitCodes.code(code);
        visitFacts |= known.facts();
        VisitCodes.or(visitSpecialtyCodes, known.specialty());
        VisitCodes.or(visitPatternCodes, known.pattern());
        for (String dx : line.diagnosisCodes()) {
            VisitCodes.or(visitDiagnoses, visitCodes.diagnosis(dx));
        }
        int age = ageOn(line);
        if (age >= 0) {
            visitAge = age;
        }
        if (line.minutes() != null && (visitMaxMinutes == null || line.minutes() > visitMaxMinutes)) {
            visitMaxMinutes = line.minutes();
        }
        if ((known.facts() & (VisitCodes.INTERACTIVE_COMPLEXITY | VisitCodes.INTERACTIVE_COMPLEXITY_PRIMARY))
                == VisitCodes.INTERACTIVE_COMPLEXITY_PRIMARY) {
            icPrimaryLines++;
        }
        // only files that carry a minutes column can document time (837 lines never do)
        if (line.minutesColumnPresent() && facts.timed(code, line.serviceDate())) {
            timedLines++;
            if (line.minutes() == null) {
                timedWithoutMinutes++;
            }
        }

        lines++;
        members.add(line.memberId());
        days.add(line.serviceDate());
        byCode.merge(code, 1L, Long::sum);
        if (facts.banded(code)) {
            byBand.merge(MetricIds.band(code, facts.bands().of(line.minutes()).id()), 1L, Long::sum);
        }
        if ((known.facts() & VisitCodes.INDIVIDUAL) != 0) {
            individual++;
        }
        if (telehealth.isTelehealthLine(line.placeOfService(), line.modifiers(), line.serviceDate())) {
            visitTelehealth = true;
        }
    }

    /** Closes the last visit; call once after the provider's last line. */
    public ProviderActivity finish() {
        if (visitDate != null) {
            closeVisit();
        }
        return this;
    }

    private void closeVisit() {
        visits++;
        // the peer shares count visits: a session and its add-ons, or two lines of one day, are one visit
        if ((visitFacts & VisitCodes.INDIVIDUAL) != 0) {
            individualVisits++;
            if ((visitFacts & VisitCodes.LONGEST_INDIVIDUAL) != 0) {
                visits90837++;
            }
        }
        if ((visitFacts & VisitCodes.INTERACTIVE_COMPLEXITY_PRIMARY) != 0) {
            icPrimaryVisits++;
            if ((visitFacts & VisitCodes.INTERACTIVE_COMPLEXITY) != 0) {
                icVisits++;
            }
        }
        if (visitTelehealth) {
            telehealthVisits++;
        }
        // E/M visits that may carry a psychotherapy add-on: the add-ons' primaries in codes.csv
        if ((visitFacts & VisitCodes.ADDON_PRIMARY) != 0) {
            emVisits++;
            if ((visitFacts & VisitCodes.ADDON) != 0) {
                emVisitsWithAddon++;
            }
        }
        for (int i = 0; i < specialties.size(); i++) {
            Specialty s = specialties.get(i);
            if (s.judges(visitAge)) {
                judged[i]++;
                if (s.evidencedBy(VisitCodes.has(visitDiagnoses, i), VisitCodes.has(visitSpecialtyCodes, i), visitAge)) {
                    evidence[i]++;
                    if (s.pattern() != null && s.pattern().shownBy(VisitCodes.has(visitPatternCodes, i), visitMaxMinutes)) {
                        pattern[i]++;
                    }
                }
            }
        }
        visitDate = null;
        visitMember = null;
        visitFacts = 0;
        java.util.Arrays.fill(visitSpecialtyCodes, 0);
        java.util.Arrays.fill(visitPatternCodes, 0);
        java.util.Arrays.fill(visitDiagnoses, 0);
        visitAge = -1;
        visitMaxMinutes = null;
        visitTelehealth = false;
    }

    /** Whole years on the service date; -1 when the birth date is missing or after the service date. */
    static int ageOn(ClaimLine line) {
        if (line.memberDob() == null || line.memberDob().isAfter(line.serviceDate())) {
            return -1;
        }
        return java.time.Period.between(line.memberDob(), line.serviceDate()).getYears();
    }

    public long lines() {
        return lines;
    }

    public long visits() {
        return visits;
    }

    /** Judged visits and evidence visits for the specialty at {@code index} in the table order. */
    public int judged(int index) {
        return judged[index];
    }

    public int evidence(int index) {
        return evidence[index];
    }

    public List<Specialty> specialties() {
        return specialties;
    }

    /** Evidence visits of specialty {@code index} that also show its pattern (trauma: extended sessions). */
    public int pattern(int index) {
        return pattern[index];
    }

    /** The pattern share among the evidence visits of specialty {@code index}; null without evidence or pattern. */
    public Double patternShare(int index) {
        return evidence[index] == 0 || specialties.get(index).pattern() == null ? null
                : (double) pattern[index] / evidence[index];
    }

    public long timedLines() {
        return timedLines;
    }

    /** The share of timed lines (from files with a minutes column) that carry no minutes; null without timed lines. */
    public Double timeUndocumentedShare() {
        return timedLines == 0 ? null : (double) timedWithoutMinutes / timedLines;
    }

    public long timedWithoutMinutes() {
        return timedWithoutMinutes;
    }

    /** The evidence share of specialty {@code index}, or null when no visit could be judged. */
    public Double evidenceShare(int index) {
        return judged[index] == 0 ? null : (double) evidence[index] / judged[index];
    }

    private static Double share(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }

    /** Every metric of the provider, in display order. */
    public List<MetricValue> metrics() {
        List<MetricValue> m = new ArrayList<>();
        m.add(new MetricValue(MetricIds.LINES, (double) lines));
        m.add(new MetricValue(MetricIds.MEMBERS, (double) members.size()));
        m.add(new MetricValue(MetricIds.VISITS, (double) visits));
        m.add(new MetricValue(MetricIds.DAYS_WORKED, (double) days.size()));
        m.add(new MetricValue(MetricIds.SERVICES_PER_DAY, days.isEmpty() ? null : (double) lines / days.size()));
        m.add(new MetricValue(MetricIds.VISITS_PER_DAY, days.isEmpty() ? null : (double) visits / days.size()));
        m.add(new MetricValue(MetricIds.MONTHS_ACTIVE, lines == 0 ? 0.0 : 1.0));
        m.add(new MetricValue(MetricIds.INDIVIDUAL_PSYCHOTHERAPY, (double) individual));
        // the shares compared with peers count visits (contract v3)
        m.add(new MetricValue(MetricIds.SHARE_90837, share(visits90837, individualVisits)));
        m.add(new MetricValue(MetricIds.EM_VISITS, (double) emVisits));
        m.add(new MetricValue(MetricIds.EM_ADDON_SHARE, share(emVisitsWithAddon, emVisits)));
        m.add(new MetricValue(MetricIds.TELEHEALTH_SHARE, share(telehealthVisits, visits)));
        m.add(new MetricValue(MetricIds.INTERACTIVE_COMPLEXITY_PRIMARIES, (double) icPrimaryLines));
        m.add(new MetricValue(MetricIds.SHARE_90785, share(icVisits, icPrimaryVisits)));
        m.add(new MetricValue(MetricIds.INDIVIDUAL_PSYCHOTHERAPY_VISITS, (double) individualVisits));
        m.add(new MetricValue(MetricIds.VISITS_90837, (double) visits90837));
        m.add(new MetricValue(MetricIds.EM_VISITS_WITH_ADDON, (double) emVisitsWithAddon));
        m.add(new MetricValue(MetricIds.INTERACTIVE_COMPLEXITY_VISITS, (double) icPrimaryVisits));
        m.add(new MetricValue(MetricIds.VISITS_90785, (double) icVisits));
        m.add(new MetricValue(MetricIds.TELEHEALTH_VISITS, (double) telehealthVisits));
        m.add(new MetricValue(MetricIds.TIMED_LINES, (double) timedLines));
        m.add(new MetricValue(MetricIds.TIME_UNDOCUMENTED_SHARE, timeUndocumentedShare()));
        for (int i = 0; i < specialties.size(); i++) {
            m.add(new MetricValue(MetricIds.evidence(specialties.get(i).id()), evidenceShare(i)));
            if (specialties.get(i).pattern() != null) {
                m.add(new MetricValue(MetricIds.pattern(specialties.get(i).id()), patternShare(i)));
            }
        }
        byCode.forEach((code, n) -> m.add(new MetricValue(MetricIds.code(code), (double) n)));
        byBand.forEach((band, n) -> m.add(new MetricValue(band, (double) n)));
        return m;
    }
}
