package org.codecred.coding;

import org.codecred.rules.EffectivePeriod;
import org.codecred.sources.CmsFiles;
import org.codecred.sources.CmsTables;
import org.codecred.sources.SourceFile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CMS NCCI Practitioner PTP and MUE files of {@code jobs/rules/cms/} as the coding rules use
 * them: the files are read by {@link CmsFiles} (every form CMS ships, zip limits, nothing skipped
 * silently); here their rows become {@link PairEdit}s and {@link UnitLimit}s in force over a period.
 */
public final class CmsImport {

    /** What the CMS files hold, ready for {@link PairEdits} and {@link UnitLimits}, and the files they came from. */
    public record Tables(List<PairEdit> pairEdits, List<UnitLimit> unitLimits, List<String> filesRead,
                         List<SourceFile> sources) {
        public static final Tables NONE = new Tables(List.of(), List.of(), List.of(), List.of());
    }

    private CmsImport() {
    }

    /**
     * @param relevantCodes PTP rows are kept only when one of their codes is here (the code set and
     *                      the hand-kept pairs): the full CMS table has over a million rows
     */
    public static Tables load(Path cmsDir, Set<String> relevantCodes) {
        CmsTables cms = CmsFiles.read(cmsDir, relevantCodes::contains);
        List<PairEdit> pairs = cms.ptpRows().stream()
                .map(r -> new PairEdit(r.column1(), r.column2(), r.modifierIndicator(),
                        new EffectivePeriod(r.effective(), r.deleted()), r.rationale(), r.origin()))
                .toList();
        return new Tables(pairs, unitLimits(cms.mueRows()), cms.filesRead(), cms.sources());
    }

    /**
     * MUE files carry no row dates: each file is in force from the date in its name until the day
     * before the next file's date (a file without a date in its name: always).
     */
    private static List<UnitLimit> unitLimits(List<CmsTables.MueRow> mueRows) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (CmsTables.MueRow row : mueRows) {
            if (row.fileDate() != null) {
                dates.add(row.fileDate());
            }
        }
        List<UnitLimit> limits = new ArrayList<>();
        for (CmsTables.MueRow row : mueRows) {
            EffectivePeriod period = EffectivePeriod.ALWAYS;
            if (row.fileDate() != null) {
                LocalDate next = dates.higher(row.fileDate());
                period = new EffectivePeriod(row.fileDate(), next == null ? null : next.minusDays(1));
            }
            limits.add(new UnitLimit(row.code(), row.limit(), row.indicator(), period, row.origin()));
        }
        return List.copyOf(limits);
    }
}
