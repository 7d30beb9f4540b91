package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the rostered providers of one NPI range in NPI order, one item per provider. After each
 * commit it remembers the last provider read; a restart resumes after it, so a committed
 * provider's dossier is never written again.
 */
public class ProviderRangeReader implements ItemStreamReader<Provider> {

    static final String LAST_NPI = "dossier.lastNpi";

    private final ProviderTable providerTable;
    private final YearMonth month;
    private final String fromNpi;
    private final String toNpi;
    private Iterator<Provider> providers;
    private String lastNpi;

    public ProviderRangeReader(ProviderTable providerTable, YearMonth month, String fromNpi, String toNpi) {
        this.providerTable = providerTable;
        this.month = month;
        this.fromNpi = fromNpi;
        this.toNpi = toNpi;
    }

    @Override
    public void open(ExecutionContext context) {
        lastNpi = context.containsKey(LAST_NPI) ? context.getString(LAST_NPI) : null;
        // from the NPI after the last committed one (a restart), else from the start of the range
        String after = lastNpi == null ? "" : lastNpi;
        List<Provider> range = providerTable.range(month, fromNpi, toNpi, after);
        providers = range.iterator();
    }

    @Override
    public Provider read() {
        if (providers == null || !providers.hasNext()) {
            return null;
        }
        Provider next = providers.next();
        lastNpi = next.npi();
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastNpi != null) {
            context.putString(LAST_NPI, lastNpi);
        }
    }

    @Override
    public void close() {
        providers = null;
    }
}
