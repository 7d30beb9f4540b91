package org.codecred.alignment;

import org.codecred.domain.Provider;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

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
 * providers, each read with one query through the provider index, ordered by rendering NPI, service
 * date and member: an embedded database builds a whole result in memory, so one query over 10 M
 * lines would not fit, while a slice of providers does. There is never a query per provider. Restart state is
 * the last NPI handed out; a restart goes on after it, so committed providers are neither redone nor doubled.
 */
public final class ProviderActivityReader implements ItemStreamReader<ProviderMonth> {

    static final String LAST_NPI = "alignment.lastNpi";

    private final JdbcTemplate jdbc;
    private final ProviderTable providers;
    private final String month;
    private final List<Specialty> specialties;
    private final int slice;

    private Iterator<Provider> roster;
    private final Deque<ProviderMonth> ready = new ArrayDeque<>();
    private String lastNpi = "";

    public ProviderActivityReader(JdbcTemplate jdbc, ProviderTable providers, String month, List<Specialty> specialties,
                                  int slice) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.month = month;
        this.specialties = List.copyOf(specialties);
        this.slice = slice;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        lastNpi = context.containsKey(LAST_NPI) ? context.getString(LAST_NPI) : "";
        String after = lastNpi;
        roster = providers.all(month).stream().filter(p -> p.npi().compareTo(after) > 0).iterator();
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
            activities.put(p.npi(), new ProviderActivity(p.npi(), specialties));
        }
        // (month, npi) pairs: the embedded database then joins through the provider index instead of
        // filtering every line of the month, so each slice costs its own lines only
        String pairs = String.join(", ", java.util.Collections.nCopies(batch.size(), "(?, ?)"));
        Object[] args = new Object[batch.size() * 2];
        for (int i = 0; i < batch.size(); i++) {
            args[2 * i] = month;
            args[2 * i + 1] = batch.get(i).npi();
        }
        jdbc.query("SELECT " + ClaimLineTable.COLUMNS + " FROM codecred.claim_line"
                        + " WHERE (month, rendering_npi) IN (" + pairs + ")"
                        + " ORDER BY rendering_npi, service_date, member_id",
                (RowCallbackHandler) rs -> activities.get(rs.getString(5)).add(ClaimLineTable.ROW_MAPPER.mapRow(rs, 0)),
                args);
        for (Provider p : batch) {
            ready.add(new ProviderMonth(p, activities.get(p.npi()).finish()));
        }
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putString(LAST_NPI, lastNpi);
    }
}
