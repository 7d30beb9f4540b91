package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.scaleout.NpiRangePartitioner;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the rule engine on each provider-day of a slice ({@link org.codecred.job.ItemSlices}). The roster's NPI → credential map of the partition's NPI
 * range is loaded once when the step starts (no query per line); an NPI not on the roster gets no scope check.
 */
public class CodingProcessor implements ItemProcessor<List<ProviderDay>, List<List<Finding>>>, StepExecutionListener {

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

    /** Only the partition's NPI range of the roster, when the step is a partition (its context says which). */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        var context = stepExecution.getExecutionContext();
        List<Provider> roster = context.containsKey(NpiRangePartitioner.FROM_NPI)
                ? providers.range(month, context.getString(NpiRangePartitioner.FROM_NPI),
                        context.getString(NpiRangePartitioner.TO_NPI), "")
                : providers.all(month);
        Map<String, Credential> byNpi = new HashMap<>();
        for (Provider p : roster) {
            byNpi.put(p.npi(), new Credential(vocabulary.canonical(p.credential()), vocabulary.family(p.credential()),
                    p.taxonomyCode()));
        }
        credentials = byNpi;
    }

    /** Each provider-day's findings, in the slice's order. */
    @Override
    public List<List<Finding>> process(List<ProviderDay> days) {
        List<List<Finding>> findings = new ArrayList<>(days.size());
        for (ProviderDay day : days) {
            findings.add(engine.check(day, credentials.get(day.npi())));
        }
        return findings;
    }
}
