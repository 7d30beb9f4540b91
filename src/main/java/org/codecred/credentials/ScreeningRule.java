package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.PublishedSource;
import org.codecred.sources.PublishedSources;
import org.codecred.sources.SourceFile;
import org.codecred.sources.SourceFileTable;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * SCREENING-INCOMPLETE (REVIEW), subject the list: an exclusion list the month must be screened
 * against ({@link PublishedSources#SCREENING}: the OIG LEIE and the SAM exclusions) is missing from
 * the month's input, or its newest file was released more than {@value SourceFileTable#STALE_AFTER_DAYS}
 * days before the month's end, judged by the file's own release date (its name; for the LEIE's
 * UPDATED.csv, which carries none, the day it was downloaded). Raised for every rostered provider:
 * a CLEAR never rests on a list that was not screened.
 */
final class ScreeningRule implements CredentialRule {

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        for (PublishedSource list : PublishedSources.SCREENING) {
            String problem = problem(list, sources.lists().get(list).files(), sources.month());
            if (problem != null) {
                results.finding(RuleId.SCREENING_INCOMPLETE, p.npi(), list.kind(), problem);
            }
        }
    }

    /** Why the month was not screened against the list, in an auditor's words; null when it was. */
    static String problem(PublishedSource list, List<SourceFile> files, YearMonth month) {
        if (files.isEmpty()) {
            return "no " + list.kind() + " file in " + list.folderName() + " for " + month + ": the provider was not"
                    + " screened against it; add the current list as published and run the month again";
        }
        SourceFile newest = files.stream().filter(f -> f.date() != null)
                .max(Comparator.comparing(SourceFile::date)).orElse(null);
        if (newest == null) {
            return "the release date of the " + list.kind() + " files (" + String.join(", ", files.stream()
                    .map(SourceFile::name).toList()) + ") is unknown: the screening for " + month + " cannot be shown"
                    + " to be current; download the current list";
        }
        LocalDate end = month.atEndOfMonth();
        long days = ChronoUnit.DAYS.between(newest.date(), end);
        if (days <= SourceFileTable.STALE_AFTER_DAYS) {
            return null;
        }
        return "the newest " + list.kind() + " file, " + newest.name() + ", was released " + newest.date() + " ("
                + newest.dateFrom() + "), " + days + " days before the end of " + month + " (more than "
                + SourceFileTable.STALE_AFTER_DAYS + "): exclusions added since then were not screened;"
                + " download the current list and run the month again";
    }
}
