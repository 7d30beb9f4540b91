package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * Assembles one provider's {@link Dossier} from the staging tables. The partition's reader hands
 * out its providers in NPI order, so the rows of the next {@link DossierLoader#SLICE} providers of
 * its range are read together, one query per table, and each dossier is taken from that slice; a
 * provider the slice does not hold (the first, the next after a slice, or one asked for again)
 * starts a new slice from it. One assembler per partition (step scope): its slice is its own.
 */
public class DossierAssembler implements ItemProcessor<Provider, Dossier> {

    private final DossierLoader loader;
    private final YearMonth month;
    private final LocalDateTime generated;
    private final String toNpi;
    private DossierLoader.Slice slice;

    /** {@code toNpi}: the last NPI of the partition's range (null: the roster's end). */
    public DossierAssembler(DossierLoader loader, YearMonth month, LocalDateTime generated, String toNpi) {
        this.loader = loader;
        this.month = month;
        this.generated = generated;
        this.toNpi = toNpi;
    }

    @Override
    public Dossier process(Provider provider) {
        if (slice == null || !slice.holds(month, provider.npi())) {
            slice = loader.sliceFrom(month, provider.npi(), toNpi);
        }
        return slice.take(provider, generated);
    }
}
