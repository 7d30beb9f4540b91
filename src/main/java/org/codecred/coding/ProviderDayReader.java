package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.scaleout.NpiRangePartitioner;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.RenderingNpiTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Hands out the staged lines of one NPI range of the month (one partition of validateCoding) one
 * provider-day at a time, in
 * {@link ClaimLineTable#ENCOUNTER_ORDER}. It walks the month's rendering NPIs ({@link RenderingNpiTable}) in slices, each slice's
 * lines read with one query ({@link ClaimLineTable#forEachLineOf}), so memory stays flat however large
 * the month (slices of a few hundred providers from the database; of about {@value #ENGINE_SLICE_LINES}
 * lines from the staging engine, by the NPIs' line counts). The saved state is the last provider-day handed out (NPI and date); as state is saved when
 * a chunk commits, a restart goes on just after the last committed provider-day, so no finding is lost
 * or doubled.
 */
public class ProviderDayReader implements ItemStreamReader<ProviderDay> {

    static final String NPI_KEY = "validateCoding.lastNpi";
    static final String DATE_KEY = "validateCoding.lastDate";
    /** Rendering NPIs per query from the database: a few tens of thousands of lines, sorted in memory. */
    static final int SLICE = 200;
    /**
     * Lines per query from the staging engine, which keeps no index and so scans the month's NPI
     * column once per query whatever the slice: slices cut by lines, not providers, keep the queries
     * few (about 20 for a 1,000,000-line month) and each slice's lines in memory bounded.
     */
    static final long ENGINE_SLICE_LINES = 50_000;
    /** At most this many NPIs (query parameters) per staging-engine slice. */
    static final int ENGINE_SLICE_NPIS = 2_000;

    private final ClaimLineTable lines;
    private final RenderingNpiTable renderingNpis;
    private final YearMonth month;
    private final java.util.function.Predicate<String> crossDayCode;
    private final java.util.function.Function<List<ClaimLine>, EarlierDays.DayTime> dayTime;
    /** The current NPI's tracked lines of earlier days; rebuilt from the lines on a restart, committed days included. */
    private final EarlierDays.Builder earlier = new EarlierDays.Builder();
    private String earlierNpi;
    private final String fromNpi;
    private final String toNpi;

    private Iterator<java.util.Map.Entry<String, Long>> npis;
    private final Deque<ProviderDay> ready = new ArrayDeque<>();
    private String lastNpi;
    private LocalDate lastDate;

    public ProviderDayReader(ClaimLineTable lines, RenderingNpiTable renderingNpis, YearMonth month) {
        this(lines, renderingNpis, month, code -> false);
    }

    /** @param crossDayCode the codes the cross-day rules ask about ({@link CodingEngine#tracksAcrossDays}) */
    public ProviderDayReader(ClaimLineTable lines, RenderingNpiTable renderingNpis, YearMonth month, java.util.function.Predicate<String> crossDayCode) {
        this(lines, renderingNpis, month, crossDayCode, "0", "9999999999");
    }

    /**
     * The month's provider-days of the rendering NPIs {@code fromNpi..toNpi} (inclusive; one partition).
     * Cross-day context is per NPI, so a range of whole NPIs judges each day as the whole month would.
     */
    public ProviderDayReader(ClaimLineTable lines, RenderingNpiTable renderingNpis, YearMonth month, java.util.function.Predicate<String> crossDayCode,
                             String fromNpi, String toNpi) {
        this(lines, renderingNpis, month, crossDayCode, day -> EarlierDays.DayTime.NONE, fromNpi, toNpi);
    }

    /** @param dayTime a day's timed minutes ({@link CodingEngine#dayTime}), kept for the month's capacity rule */
    public ProviderDayReader(ClaimLineTable lines, RenderingNpiTable renderingNpis, YearMonth month, java.util.function.Predicate<String> crossDayCode,
                             java.util.function.Function<List<ClaimLine>, EarlierDays.DayTime> dayTime,
                             String fromNpi, String toNpi) {
        this.dayTime = dayTime;
        this.lines = lines;
        this.renderingNpis = renderingNpis;
        this.month = month;
        this.crossDayCode = crossDayCode;
        this.fromNpi = fromNpi;
        this.toNpi = toNpi;
    }

    @Override
    public void open(ExecutionContext context) {
        lastNpi = context.containsKey(NPI_KEY) ? context.getString(NPI_KEY) : null;
        lastDate = context.containsKey(DATE_KEY) ? LocalDate.parse(context.getString(DATE_KEY)) : null;
        String resumeFrom = lastNpi == null ? "" : lastNpi;
        npis = renderingNpis.lineCounts(month).entrySet().stream()
                .filter(e -> NpiRangePartitioner.inRange(e.getKey(), fromNpi, toNpi) && e.getKey().compareTo(resumeFrom) >= 0)
                .iterator();
        ready.clear();
        earlier.clear();
        earlierNpi = null;
    }

    @Override
    public ProviderDay read() {
        while (ready.isEmpty() && npis.hasNext()) {
            readSlice();
        }
        ProviderDay day = ready.poll();
        if (day != null) {
            lastNpi = day.npi();
            lastDate = day.date();
        }
        return day;
    }

    /** The provider-days of the next slice of NPIs, less those a previous run already committed. */
    private void readSlice() {
        List<String> slice = new ArrayList<>(SLICE);
        boolean engine = lines.inStagingEngine();
        long sliceLines = 0;
        while (npis.hasNext() && (engine ? sliceLines < ENGINE_SLICE_LINES && slice.size() < ENGINE_SLICE_NPIS : slice.size() < SLICE)) {
            java.util.Map.Entry<String, Long> npi = npis.next();
            slice.add(npi.getKey());
            sliceLines += npi.getValue();
        }
        List<ClaimLine> day = new ArrayList<>();
        lines.forEachLineOf(month, slice, line -> {
            if (!day.isEmpty() && !(day.get(0).renderingNpi().equals(line.renderingNpi())
                    && day.get(0).serviceDate().equals(line.serviceDate()))) {
                offer(day, !day.get(0).renderingNpi().equals(line.renderingNpi()));
            }
            day.add(line);
        });
        if (!day.isEmpty()) {
            offer(day, true); // a slice holds whole NPIs
        }
    }

    /** @param lastOfMonth whether no later day of the same NPI follows (the month-level rules run then) */
    private void offer(List<ClaimLine> day, boolean lastOfMonth) {
        ClaimLine first = day.get(0);
        if (!first.renderingNpi().equals(earlierNpi)) {
            earlier.clear();
            earlierNpi = first.renderingNpi();
        }
        boolean committed = lastNpi != null && first.renderingNpi().equals(lastNpi) && !first.serviceDate().isAfter(lastDate);
        if (!committed) {
            ready.add(new ProviderDay(first.renderingNpi(), first.serviceDate(), day, earlier.snapshot(), lastOfMonth));
        }
        // committed days feed the context too, so a restart judges the next day exactly as a straight run
        earlier.addDay(first.serviceDate(), dayTime.apply(day));
        for (ClaimLine line : day) {
            if (crossDayCode.test(line.procedureCode())) {
                earlier.add(line.memberId(), line.serviceDate(), line.procedureCode());
            }
        }
        day.clear();
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastNpi != null) {
            context.putString(NPI_KEY, lastNpi);
            context.putString(DATE_KEY, lastDate.toString());
        }
    }
}
