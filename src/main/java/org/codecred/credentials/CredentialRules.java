package org.codecred.credentials;

import org.codecred.rules.CredentialVocabulary;

import java.nio.file.Path;

/**
 * The rule tables of the credential checks, loaded once at start-up so that a broken table stops
 * the run before anything starts: {@code credentials.csv} and {@code taxonomies.csv}.
 */
public record CredentialRules(CredentialVocabulary vocabulary, TaxonomyTable taxonomies, Source taxonomySource) {

    public static CredentialRules load(Path rulesDir) {
        CredentialVocabulary vocabulary = CredentialVocabulary.load(rulesDir);
        TaxonomyTable taxonomies = TaxonomyTable.load(rulesDir, vocabulary);
        return new CredentialRules(vocabulary, taxonomies, Source.of(rulesDir.resolve(TaxonomyTable.FILE)));
    }
}
