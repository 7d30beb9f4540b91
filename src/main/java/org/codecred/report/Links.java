package org.codecred.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Where the report's files are, and which of them exist: a page links another month's page only
 * when that file is there, so every link of the report leads to a file.
 *
 * <pre>
 * output/index.html                                  every month
 * output/YYYY-MM/report/index.html                   the month
 * output/YYYY-MM/report/providers/NPI.html           one provider in the month
 * output/YYYY-MM/dossiers/NPI-Name.xlsx              the provider's workbook
 * </pre>
 */
final class Links {

    static final String FOLDER = "report";
    static final String PROVIDERS = "providers";
    static final String INDEX = "index.html";

    private final Path outputRoot;

    /** {@code outputRoot}: the folder holding the months' folders ({@code --output}). */
    Links(Path outputRoot) {
        this.outputRoot = outputRoot;
    }

    Path outputRoot() {
        return outputRoot;
    }

    Path reportDir(YearMonth month) {
        return outputRoot.resolve(month.toString()).resolve(FOLDER);
    }

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,15}");

    /** A provider page's file name: the NPI (10 digits, as the roster reader accepts it) and .html. */
    static String pageName(String npi) {
        if (npi == null || !DIGITS.matcher(npi).matches()) {
            throw new IllegalStateException("a provider page is named by its digits-only NPI, not '" + npi + "'");
        }
        return npi + ".html";
    }

    boolean hasIndex(YearMonth month) {
        return Files.isRegularFile(reportDir(month).resolve(INDEX));
    }

    boolean hasProviderPage(YearMonth month, String npi) {
        return Files.isRegularFile(reportDir(month).resolve(PROVIDERS).resolve(pageName(npi)));
    }

    // relative hrefs, from the page that uses them

    /** From a month's index to another month's index. */
    static String indexToIndex(YearMonth other) {
        return "../../" + other + "/" + FOLDER + "/" + INDEX;
    }

    /** From a provider page to the same provider's page of another month. */
    static String pageToPage(YearMonth other, String npi) {
        return "../../../" + other + "/" + FOLDER + "/" + PROVIDERS + "/" + pageName(npi);
    }

    /** From output/index.html to a month's index. */
    static String rootToIndex(YearMonth month) {
        return month + "/" + FOLDER + "/" + INDEX;
    }
}
