package org.codecred.sources;

import org.codecred.sources.PublishedSource.Root;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The registry of published sources: every file CodeCred reads as its publisher ships it, one
 * entry each. The input check, the credential step, the Sources sheets and run-summary.json loop
 * over these entries; none of them names a source. Adding a published list (a state Medicaid
 * exclusion list) is one entry here, one layout class, one credential rule and one rule id.
 *
 * <p>Order matters: the month's sources are read, recorded and listed in this order.
 */
public final class PublishedSources {

    /** The Sources sheets' words for every file published by CMS or NUCC in the rules folder. */
    public static final String RULE_FILE_AS_PUBLISHED = "rule file (as published by CMS / NUCC)";

    public static final PublishedSource LEIE = new PublishedSource("OIG LEIE", Root.INPUT, "exclusions",
            dir -> ExclusionFiles.of(dir).leie(), "exclusion list (OIG LEIE / SAM)", ReleaseDate::leie,
            ExclusionList.LAYOUT);
    public static final PublishedSource SAM = new PublishedSource("SAM exclusions", Root.INPUT, "exclusions",
            dir -> ExclusionFiles.of(dir).sam(), "exclusion list (OIG LEIE / SAM)", ReleaseDate::fromName,
            SamExclusionList.LAYOUT);
    public static final PublishedSource OPT_OUT = new PublishedSource("Medicare opt-out", Root.INPUT, "optout",
            PublishedSources::csvFiles, "Medicare opt-out list", ReleaseDate::fromName, OptOutList.LAYOUT);
    public static final PublishedSource NPPES = new PublishedSource("NPPES", Root.INPUT, "nppes",
            NppesRegistry::registryFiles, "NPPES registry extract", ReleaseDate::fromName, NppesRegistry.LAYOUT);
    public static final PublishedSource NUCC = new PublishedSource("NUCC taxonomy", Root.RULES, "",
            dir -> named(dir, n -> n.matches("nucc_taxonomy_.*\\.csv")), RULE_FILE_AS_PUBLISHED,
            ReleaseDate::nucc, null);
    public static final PublishedSource CMS_PTP = new PublishedSource("CMS PTP", Root.RULES, "cms",
            dir -> named(dir, n -> n.matches(".*(ccipra|ptp).*")), RULE_FILE_AS_PUBLISHED, ReleaseDate::fromName, null);
    public static final PublishedSource CMS_MUE = new PublishedSource("CMS MUE", Root.RULES, "cms",
            dir -> named(dir, n -> n.matches(".*mue.*")), RULE_FILE_AS_PUBLISHED, ReleaseDate::fromName, null);
    public static final PublishedSource ICD10CM = new PublishedSource(Icd10cmOrderFiles.KIND, Root.RULES, "",
            dir -> named(dir, n -> Icd10cmOrderFiles.NAME.matcher(n).matches()), RULE_FILE_AS_PUBLISHED,
            Icd10cmOrderFiles::releaseDate, null);

    /** Every published source, in reading order. */
    public static final List<PublishedSource> ALL = List.of(LEIE, SAM, NPPES, OPT_OUT, NUCC, CMS_PTP, CMS_MUE, ICD10CM);

    /**
     * The exclusion lists every month must be screened against (42 CFR 455.436: the LEIE and SAM at
     * least monthly): a month without one, or with one released too long before its end, is not a
     * basis for CLEAR.
     */
    public static final List<PublishedSource> SCREENING = List.of(LEIE, SAM);

    private PublishedSources() {
    }

    /** The sources whose files come with each month (exclusion, opt-out and registry lists). */
    public static List<PublishedSource> monthly() {
        return ALL.stream().filter(s -> s.root() == Root.INPUT).toList();
    }

    /** The source of this kind (a CMS file read as PTP and MUE at once is "CMS PTP+MUE": the PTP entry). */
    public static Optional<PublishedSource> byKind(String kind) {
        return ALL.stream().filter(s -> s.kind().equals(kind) || kind.startsWith(s.kind() + "+")).findFirst();
    }

    /** The month-folder names of the monthly sources ({@code exclusions}, {@code optout}, {@code nppes}), once each. */
    public static List<String> monthlyFolders() {
        return monthly().stream().map(PublishedSource::folder).distinct().toList();
    }

    /**
     * The last day a file is the current edition of its source: a CMS table the quarter from its
     * effective date (CMS replaces it every quarter), a NUCC release the half year from its release (a
     * new version every 1 January and 1 July), an ICD-10-CM order file the end of its window (its fiscal
     * year, or its April update); any other file its release day.
     */
    public static java.time.LocalDate currentThrough(SourceFile file) {
        java.time.LocalDate date = file.date();
        if (date == null) {
            return null;
        }
        if (file.kind().startsWith("CMS ")) {
            return date.plusMonths(3).minusDays(1);
        }
        if (file.kind().equals(NUCC.kind())) {
            return date.plusMonths(6).minusDays(1);
        }
        if (file.kind().equals(Icd10cmOrderFiles.KIND)) {
            return java.time.LocalDate.of(date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear(), 9, 30);
        }
        return date;
    }

    /** How the Sources sheets describe the files of a monthly source folder (its first entry's words). */
    public static String labelOfFolder(String folder) {
        return monthly().stream().filter(s -> s.folder().equals(folder)).findFirst().map(PublishedSource::sheetLabel)
                .orElse(folder);
    }

    /** The CSV files of a folder, in name order; none when the folder is absent. */
    public static List<Path> csvFiles(Path dir) {
        return named(dir, n -> n.endsWith(".csv"));
    }

    /** The files of a folder (not its sub-folders) whose lower-case name passes, in name order; none when it is absent. */
    static List<Path> named(Path dir, Predicate<String> lowerCaseName) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> lowerCaseName.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
