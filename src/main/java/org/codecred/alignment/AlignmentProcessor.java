package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * alignSpecialties' processor: one provider's month of activity judged against the specialty
 * table (SPECIALTY-UNSUPPORTED, SPECIALTY-UNDECLARED) and its timed lines' documentation
 * (TIME-UNDOCUMENTED-SHARE), with the peer group (credential family) its metrics are compared in.
 */
public final class AlignmentProcessor implements ItemProcessor<ProviderMonth, ProviderAlignment> {

    private final AlignmentRules rules;
    private final SpecialtyJudge judge;

    public AlignmentProcessor(AlignmentRules rules) {
        this.rules = rules;
        this.judge = new SpecialtyJudge(rules.specialties());
    }

    @Override
    public ProviderAlignment process(ProviderMonth item) {
        CredentialFamily family = rules.credentials().family(item.provider().credential());
        SpecialtyJudge.Result result = judge.judge(item.provider(), family, item.activity());
        List<Finding> findings = new ArrayList<>(result.findings());
        rules.timeDocumentation().check(item.provider().npi(), item.activity()).ifPresent(findings::add);
        return new ProviderAlignment(item.provider().npi(), family.id(), item.activity().metrics(), result.rows(),
                findings);
    }
}
