package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.LocalDateTime;
import java.time.YearMonth;

/** Assembles one provider's {@link Dossier} from the staging tables. */
public class DossierAssembler implements ItemProcessor<Provider, Dossier> {

    private final DossierLoader loader;
    private final YearMonth month;
    private final LocalDateTime generated;

    public DossierAssembler(DossierLoader loader, YearMonth month, LocalDateTime generated) {
        this.loader = loader;
        this.month = month;
        this.generated = generated;
    }

    @Override
    public Dossier process(Provider provider) {
        return loader.load(month, provider, generated);
    }
}
