package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the rule engine on each provider-day. The roster's NPI → credential map is loaded once when
 * the step starts (no query per line); an NPI not on the roster gets no scope check.
 */
public class CodingProcessor implements ItemProcessor<ProviderDay, List<Finding>>, StepExecutionListener {

    private final CodingEngine engine;
    private final ProviderTable providers;
    private final CredentialVocabulary vocabulary;
    private final YearMonth month;
    private Map<String, Credential> credentials = Map.of();

    public CodingProcessor(CodingEngine engine, ProviderTable providers, CredentialVocabulary vocabulary, YearMonth month) {
        this.engine = engine;
        this.providers = providers;
        this.vocabulary = vocabulary;
        this.month = month;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Map<String, Credential> byNpi = new HashMap<>();
        for (Provider p : providers.all(month)) {
            byNpi.put(p.npi(), new Credential(vocabulary.canonical(p.credential()), vocabulary.family(p.credential()),
                    p.taxonomyCode()));
        }
        credentials = byNpi;
    }

    @Override
    public List<Finding> process(ProviderDay day) {
        return engine.check(day, credentials.get(day.npi()));
    }
}
