package org.codecred.alignment;

import org.codecred.rules.CredentialVocabulary;
import org.codecred.rules.TelehealthRules;

import java.nio.file.Path;
import java.util.List;

/**
 * Every rule table the alignment steps use, loaded once at startup so a bad table stops the run
 * before anything starts (exit 2 with the table's message).
 */
public record AlignmentRules(SpecialtyTable specialties, List<PeerMetric> peers, CredentialVocabulary credentials,
                             TelehealthRules telehealth, CodingFacts codingFacts,
                             TimeDocumentationRule timeDocumentation) {

    public static AlignmentRules load(Path rulesDir) {
        return new AlignmentRules(SpecialtyTable.load(rulesDir), PeerTable.load(rulesDir),
                CredentialVocabulary.load(rulesDir), TelehealthRules.load(rulesDir),
                CodingFacts.of(org.codecred.coding.CodeCatalog.load(rulesDir)),
                new TimeDocumentationRule(org.codecred.coding.CodingSettings.load(rulesDir).timeUndocumentedShare()));
    }
}
