package org.codecred.sources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the CMS tables of the rules folder hold, as CMS publishes it: PTP pairs and MUE unit values,
 * each row once however many copies of the table lie in the folder (an xlsx and a text edition in
 * one zip), with the files they came from.
 */
public record CmsTables(List<PtpRow> ptpRows, List<MueRow> mueRows, List<String> filesRead, List<SourceFile> sources) {

    public static final CmsTables NONE = new CmsTables(List.of(), List.of(), List.of(), List.of());

    /**
     * One PTP edit: column 1 and column 2 codes, in force from {@code effective} through {@code deleted}
     * (the last day it is in force; null when still in force).
     */
    public record PtpRow(String column1, String column2, int modifierIndicator, LocalDate effective, LocalDate deleted,
                         String rationale, String origin) {
    }

    /** One MUE value; {@code fileDate} the effective date in the file's name (null when it has none). */
    public record MueRow(String code, int limit, int indicator, LocalDate fileDate, String origin) {
    }

    /** Collects rows as the layouts read them. */
    static final class Builder {
        private final Predicate<String> keepPtpCode;
        private final List<PtpRow> ptp = new ArrayList<>();
        private final Set<String> ptpKeys = new HashSet<>();
        private final List<MueRow> mue = new ArrayList<>();
        private final Set<String> mueKeys = new HashSet<>();
        private final List<String> filesRead = new ArrayList<>();
        private final List<SourceFile> sources = new ArrayList<>();

        Builder(Predicate<String> keepPtpCode) {
            this.keepPtpCode = keepPtpCode;
        }

        boolean keeps(String code1, String code2) {
            return keepPtpCode.test(code1) || keepPtpCode.test(code2);
        }

        /** Whether the row was new (not the same edit from another copy of the table). */
        boolean add(PtpRow row) {
            String key = row.column1() + "|" + row.column2() + "|" + row.effective() + "|" + row.deleted() + "|"
                    + row.modifierIndicator();
            return ptpKeys.add(key) && ptp.add(row);
        }

        boolean add(MueRow row) {
            return mueKeys.add(row.code() + "|" + row.fileDate() + "|" + row.limit() + "|" + row.indicator()) && mue.add(row);
        }

        void fileRead(String description) {
            filesRead.add(description);
        }

        void source(SourceFile file) {
            sources.add(file);
        }

        CmsTables build() {
            return new CmsTables(List.copyOf(ptp), List.copyOf(mue), List.copyOf(filesRead), List.copyOf(sources));
        }
    }
}
