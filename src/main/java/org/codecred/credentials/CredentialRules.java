package org.codecred.credentials;

import org.codecred.rules.CredentialVocabulary;
import org.codecred.sources.NuccTaxonomy;
import org.codecred.sources.SourceFile;

import java.nio.file.Path;

/**
 * The rule tables of the credential checks, loaded once at start-up so that a broken table stops
 * the run before anything starts: {@code credentials.csv}, {@code taxonomies.csv} and the NUCC
 * taxonomy file as published ({@code nucc_taxonomy_*.csv}).
 */
public record CredentialRules(CredentialVocabulary vocabulary, TaxonomyTable taxonomies, SourceFile taxonomySource,
                              NuccTaxonomy nucc) {

    public static CredentialRules load(Path rulesDir) {
        CredentialVocabulary vocabulary = CredentialVocabulary.load(rulesDir);
        NuccTaxonomy nucc = NuccTaxonomy.load(rulesDir);
        TaxonomyTable taxonomies = TaxonomyTable.load(rulesDir, vocabulary, nucc);
        return new CredentialRules(vocabulary, taxonomies, SourceFile.cited(rulesDir.resolve(TaxonomyTable.FILE)), nucc);
    }
}
