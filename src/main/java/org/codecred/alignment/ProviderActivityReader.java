package org.codecred.alignment;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;

import javax.sql.DataSource;
import java.util.Iterator;
import java.util.List;

/**
 * One ordered pass over the month's claim lines (a single cursor ordered by rendering NPI, then
 * service date and member), merged with the roster in NPI order: each item is one rostered provider
 * with its lines aggregated, including providers without lines. Lines of NPIs not on the roster are
 * skipped. Restart state is the last NPI handed out; a restart reopens the cursor after it, so the
 * committed providers are neither redone nor doubled.
 */
public final class ProviderActivityReader implements ItemStreamReader<ProviderMonth> {

    static final String LAST_NPI = "alignment.lastNpi";

    private final DataSource dataSource;
    private final ProviderTable providers;
    private final String month;
    private final List<Specialty> specialties;

    private JdbcCursorItemReader<ClaimLine> cursor;
    private Iterator<Provider> roster;
    private ClaimLine pending;
    private boolean cursorDone;
    private String lastNpi = "";

    public ProviderActivityReader(DataSource dataSource, ProviderTable providers, String month, List<Specialty> specialties) {
        this.dataSource = dataSource;
        this.providers = providers;
        this.month = month;
        this.specialties = List.copyOf(specialties);
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        lastNpi = context.containsKey(LAST_NPI) ? context.getString(LAST_NPI) : "";
        String after = lastNpi;
        roster = providers.all(month).stream().filter(p -> p.npi().compareTo(after) > 0).iterator();
        cursor = new JdbcCursorItemReaderBuilder<ClaimLine>()
                .name("alignmentClaimCursor")
                .dataSource(dataSource)
                .sql("SELECT " + ClaimLineTable.COLUMNS + " FROM codecred.claim_line WHERE month = ? AND rendering_npi > ?"
                        + " ORDER BY rendering_npi, service_date, member_id")
                .queryArguments(month, after)
                .rowMapper(ClaimLineTable.ROW_MAPPER)
                .fetchSize(1000)
                .saveState(false)
                .verifyCursorPosition(false)
                .build();
        cursor.open(new ExecutionContext());
        pending = null;
        cursorDone = false;
    }

    @Override
    public ProviderMonth read() throws Exception {
        if (!roster.hasNext()) {
            return null;
        }
        Provider provider = roster.next();
        ProviderActivity activity = new ProviderActivity(provider.npi(), specialties);
        ClaimLine line;
        while ((line = peek()) != null) {
            int order = line.renderingNpi().compareTo(provider.npi());
            if (order > 0) {
                break;
            }
            if (order == 0) {
                activity.add(line);
            } // order < 0: a rendering NPI not on the roster; PROVIDER-NOT-ROSTERED is the credential step's
            pending = null;
        }
        lastNpi = provider.npi();
        return new ProviderMonth(provider, activity.finish());
    }

    private ClaimLine peek() throws Exception {
        if (pending == null && !cursorDone) {
            pending = cursor.read();
            cursorDone = pending == null;
        }
        return pending;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putString(LAST_NPI, lastNpi);
    }

    @Override
    public void close() throws ItemStreamException {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
