package org.codecred.coding;

import org.codecred.rules.TelehealthRules;
import org.codecred.sources.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every table the coding rules read, loaded once at startup from the rules folder (a table that
 * cannot be used stops the run with exit code 2 and names the file, line and column); {@code cmsFiles}
 * the CMS PTP and MUE files read, for the month's Sources.
 */
public record CodingRules(CodeCatalog codes, PairEdits pairs, UnitLimits units, CredentialScope scope,
                          DiagnosisRules diagnoses, TelehealthRules telehealth, CodingSettings settings,
                          List<SourceFile> cmsFiles) {

    private static final Logger log = LoggerFactory.getLogger(CodingRules.class);

    public static final String CMS_FOLDER = "cms";

    public static CodingRules load(Path rulesDir) {
        CodeCatalog codes = CodeCatalog.load(rulesDir);
        List<PairEdit> handPairs = PairEdits.loadHandTable(rulesDir);
        List<UnitLimit> handUnits = UnitLimits.loadHandTable(rulesDir);
        Set<String> relevant = new HashSet<>(codes.codes());
        relevant.addAll(PairEdits.codesOf(handPairs));
        CmsImport.Tables cms = CmsImport.load(rulesDir.resolve(CMS_FOLDER), relevant);
        if (!cms.filesRead().isEmpty()) {
            log.info("CMS files in force over the hand-kept tables: {}", cms.filesRead());
        }
        return new CodingRules(codes, new PairEdits(handPairs, cms.pairEdits()),
                new UnitLimits(handUnits, cms.unitLimits()), CredentialScope.load(rulesDir),
                DiagnosisRules.load(rulesDir), TelehealthRules.load(rulesDir), CodingSettings.load(rulesDir), cms.sources());
    }
}
