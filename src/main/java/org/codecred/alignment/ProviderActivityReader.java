package org.codecred.alignment;

import org.codecred.domain.Provider;
import org.codecred.rules.TelehealthRules;
import org.codecred.scaleout.NpiRangePartitioner;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One ordered pass over the month's claim lines, merged with the roster in NPI order: each item is
 * one rostered provider with its lines aggregated (providers without lines included; lines of NPIs
 * not on the roster never read). The pass is cut into slices of {@code slice} consecutive rostered
 * providers, each read with one query ({@link ClaimLineTable#forEachEncounterLineOf}, only the columns the metrics use): an embedded database
 * builds a whole result in memory, so one query over 10 M lines would not fit, while a slice of
 * providers does. There is never a query per provider. Restart state is
 * the last NPI handed out; a restart goes on after it, so committed providers are neither redone nor doubled.
 */
public class ProviderActivityReader implements ItemStreamReader<ProviderMonth> {

    static final String LAST_NPI = "alignment.lastNpi";

    private final ClaimLineTable lines;
    private final ProviderTable providers;
    private final YearMonth month;
    private final TelehealthRules telehealth;
    /** The specialties and code facts, with what each code and diagnosis showed: shared by this reader's providers. */
    private final VisitCodes visitCodes;
    private final int slice;
    private final String fromNpi;
    private final String toNpi;

    private Iterator<Provider> roster;
    private final Deque<ProviderMonth> ready = new ArrayDeque<>();
    private String lastNpi = "";

    /** The rostered providers {@code fromNpi..toNpi} (inclusive; one partition of alignSpecialties). */
    public ProviderActivityReader(ClaimLineTable lines, ProviderTable providers, YearMonth month, List<Specialty> specialties,
                                  TelehealthRules telehealth, int slice) {
        this(lines, providers, month, specialties, telehealth, CodingFacts.NONE, slice);
    }

    /** @param facts what the metrics need from the code set (timed codes, 90785 primaries) */
    public ProviderActivityReader(ClaimLineTable lines, ProviderTable providers, YearMonth month, List<Specialty> specialties,
                                  TelehealthRules telehealth, CodingFacts facts, int slice) {
        this(lines, providers, month, specialties, telehealth, facts, slice, "0", "9999999999");
    }

    /** The rostered providers {@code fromNpi..toNpi} (inclusive; one partition of alignSpecialties). */
    public ProviderActivityReader(ClaimLineTable lines, ProviderTable providers, YearMonth month, List<Specialty> specialties,
                                  TelehealthRules telehealth, CodingFacts facts, int slice, String fromNpi, String toNpi) {
        this.telehealth = telehealth;
        this.visitCodes = new VisitCodes(specialties, facts);
        this.fromNpi = fromNpi;
        this.toNpi = toNpi;
        this.lines = lines;
        this.providers = providers;
        this.month = month;
        this.slice = slice;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        lastNpi = context.containsKey(LAST_NPI) ? context.getString(LAST_NPI) : "";
        String after = lastNpi;
        roster = providers.all(month).stream()
                .filter(p -> NpiRangePartitioner.inRange(p.npi(), fromNpi, toNpi) && p.npi().compareTo(after) > 0)
                .iterator();
        ready.clear();
    }

    @Override
    public ProviderMonth read() {
        if (ready.isEmpty()) {
            readSlice();
        }
        ProviderMonth next = ready.poll();
        if (next != null) {
            lastNpi = next.provider().npi();
        }
        return next;
    }

    /** The next {@code slice} rostered providers and all their lines, in one query. */
    private void readSlice() {
        List<Provider> batch = new ArrayList<>();
        while (batch.size() < slice && roster.hasNext()) {
            batch.add(roster.next());
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<String, ProviderActivity> activities = new HashMap<>();
        for (Provider p : batch) {
            activities.put(p.npi(), new ProviderActivity(p.npi(), visitCodes, telehealth));
        }
        lines.forEachEncounterLineOf(month, batch.stream().map(Provider::npi).toList(),
                line -> activities.get(line.renderingNpi()).add(line));
        for (Provider p : batch) {
            ready.add(new ProviderMonth(p, activities.get(p.npi()).finish()));
        }
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putString(LAST_NPI, lastNpi);
    }
}
