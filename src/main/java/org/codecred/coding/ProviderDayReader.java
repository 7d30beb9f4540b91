package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.staging.ClaimLineTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the month's staged lines in {@link ClaimLineTable#ENCOUNTER_ORDER} and hands them out one
 * provider-day at a time. The saved state is the last provider-day handed out (NPI and date); as
 * state is saved when a chunk commits, a restart re-opens the cursor just after the last committed
 * provider-day (keyset), so no finding is lost or doubled.
 */
public class ProviderDayReader implements ItemStreamReader<ProviderDay> {

    static final String NPI_KEY = "validateCoding.lastNpi";
    static final String DATE_KEY = "validateCoding.lastDate";

    private final DataSource dataSource;
    private final String month;

    private JdbcCursorItemReader<ClaimLine> cursor;
    private ClaimLine next;
    private String lastNpi;
    private LocalDate lastDate;

    public ProviderDayReader(DataSource dataSource, String month) {
        this.dataSource = dataSource;
        this.month = month;
    }

    @Override
    public void open(ExecutionContext context) {
        lastNpi = context.containsKey(NPI_KEY) ? context.getString(NPI_KEY) : null;
        lastDate = context.containsKey(DATE_KEY) ? LocalDate.parse(context.getString(DATE_KEY)) : null;
        String sql = "SELECT " + ClaimLineTable.COLUMNS + " FROM codecred.claim_line WHERE month = ?"
                + (lastNpi == null ? "" : " AND (rendering_npi > ? OR (rendering_npi = ? AND service_date > ?))")
                + " ORDER BY " + ClaimLineTable.ENCOUNTER_ORDER;
        List<Object> args = new ArrayList<>();
        args.add(month);
        if (lastNpi != null) {
            args.add(lastNpi);
            args.add(lastNpi);
            args.add(Date.valueOf(lastDate));
        }
        cursor = new JdbcCursorItemReaderBuilder<ClaimLine>()
                .name("validateCodingCursor")
                .dataSource(dataSource)
                .sql(sql)
                .queryArguments(args)
                .rowMapper(ClaimLineTable.ROW_MAPPER)
                .fetchSize(1000)
                .saveState(false)
                .build();
        cursor.open(new ExecutionContext());
        next = readLine();
    }

    @Override
    public ProviderDay read() {
        if (next == null) {
            return null;
        }
        String npi = next.renderingNpi();
        LocalDate date = next.serviceDate();
        List<ClaimLine> lines = new ArrayList<>();
        while (next != null && next.renderingNpi().equals(npi) && next.serviceDate().equals(date)) {
            lines.add(next);
            next = readLine();
        }
        lastNpi = npi;
        lastDate = date;
        return new ProviderDay(npi, date, lines);
    }

    private ClaimLine readLine() {
        try {
            return cursor.read();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read staged claim lines: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastNpi != null) {
            context.putString(NPI_KEY, lastNpi);
            context.putString(DATE_KEY, lastDate.toString());
        }
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
