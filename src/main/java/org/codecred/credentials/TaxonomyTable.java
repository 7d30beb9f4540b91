package org.codecred.credentials;

import org.codecred.domain.CredentialFamily;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.rules.RuleTable;
import org.codecred.sources.NuccTaxonomy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which credentials fit which NUCC taxonomy code (behavioral health), from {@code jobs/rules/taxonomies.csv}:
 * a family id (prescriber, psychologist, social-worker, counselor, therapist, behavior-analyst) or a canonical credential
 * of {@code credentials.csv} (MD, NP, LCSW, ...). That is all this hand-kept table says: the codes'
 * labels and which codes are inactive come from the NUCC file as published ({@link NuccTaxonomy}).
 */
public final class TaxonomyTable {

    public static final String FILE = "taxonomies.csv";

    /**
     * One code: {@code fits} holds family ids and canonical credentials as written (empty = no individual
     * credential fits); {@code classification} the NUCC label, or the table's own when NUCC's file lacks the code.
     */
    public record Taxonomy(String code, String classification, List<String> fits) {
    }

    private final Map<String, Taxonomy> byCode;

    private TaxonomyTable(Map<String, Taxonomy> byCode) {
        this.byCode = byCode;
    }

    /** Loads the table; a {@code fits} value that is neither a family nor a known credential is an error naming the cell. */
    public static TaxonomyTable load(Path rulesDir, CredentialVocabulary vocabulary) {
        return load(rulesDir, vocabulary, NuccTaxonomy.none());
    }

    /** Labels from {@code nucc}; a {@code classification} column, if the table keeps one, labels codes NUCC's file lacks. */
    public static TaxonomyTable load(Path rulesDir, CredentialVocabulary vocabulary, NuccTaxonomy nucc) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "code", "fits");
        Map<String, Taxonomy> byCode = new HashMap<>();
        for (RuleTable.Row row : table.rows()) {
            String code = row.required("code").toUpperCase(Locale.ROOT);
            if (!code.matches("[0-9A-Z]{9}X")) {
                throw row.problem("code", code, "is not a 10-character NUCC taxonomy code ending in X");
            }
            List<String> fits = row.list("fits");
            for (String fit : fits) {
                if (!isFamily(fit.toUpperCase(Locale.ROOT)) && !vocabulary.isKnown(fit)) {
                    throw row.problem("fits", fit, "is neither a family (" + org.codecred.domain.CredentialFamily.knownIds()
                            + ") nor a credential of " + CredentialVocabulary.FILE);
                }
            }
            String label = nucc.label(code);
            if (label.isEmpty()) {
                label = row.get("classification");
            }
            if (byCode.put(code, new Taxonomy(code, label.isEmpty() ? "label not in the NUCC file" : label, fits)) != null) {
                throw row.problem("code", code, "appears twice");
            }
        }
        return new TaxonomyTable(Map.copyOf(byCode));
    }

    private static boolean isFamily(String id) {
        try {
            return CredentialFamily.ofId(id) != CredentialFamily.UNKNOWN;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Optional<Taxonomy> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Whether {@code credential} (as written on the roster) fits {@code taxonomy}, by its family or canonical form. */
    public static boolean fits(Taxonomy taxonomy, String credential, CredentialVocabulary vocabulary) {
        String canonical = vocabulary.canonical(credential).toUpperCase(Locale.ROOT);
        String family = vocabulary.family(credential).name();
        for (String fit : taxonomy.fits()) {
            String id = fit.toUpperCase(Locale.ROOT);
            if (id.replace('-', '_').equals(family) || vocabulary.canonical(id).toUpperCase(Locale.ROOT).equals(canonical)) {
                return true;
            }
        }
        return false;
    }
}
