package org.codecred.sources;

import org.codecred.rules.RuleTableException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ICD-10-CM order files ("Code Descriptions in Tabular Order") as CMS and NCHS publish them, one
 * per fiscal year and, some years, one for the April 1 update: {@code icd10cm_order_2026.txt},
 * {@code icd10cm-order-2026.txt}, {@code icd10cm-order-April-2025.txt}. Fixed width (1-based columns):
 * 1–5 order number, 7–13 the code without its dot, 15 the flag (0 a header, not valid on a claim;
 * 1 billable), 17–76 the short description, 78– the long one.
 *
 * <p>Fiscal year N runs from 1 October N−1 to 30 September N. An April file of year N is in force from
 * 1 April N to 30 September N, and the base file of FY N then only to 31 March N. A diagnosis is judged
 * by the file whose window holds the line's date of service.
 */
public final class Icd10cmOrderFiles implements PublishedSource.PublishedData {

    public static final String KIND = "ICD-10-CM order file";
    /** The names CMS gives the file: base and April editions, {@code _} or {@code -}. */
    static final Pattern NAME = Pattern.compile(
            "(?i)^icd10cm[-_]order[-_](?:(april)[-_])?(\\d{4})(?:[-_](april))?[^/]*\\.txt$");

    /** One file: its fiscal year, the days it is in force, and each code with its flag (true: billable). */
    public record OrderFile(SourceFile source, int fiscalYear, boolean april, LocalDate from, LocalDate to,
                            Map<String, Boolean> billable) {

        /** How a message names the file: {@code FY2026 (icd10cm_order_2026.txt)}. */
        public String label() {
            return fiscalYearLabel() + " (" + source.name() + ")";
        }

        /** {@code FY2026}, {@code FY2025 April update}. */
        public String fiscalYearLabel() {
            return "FY" + fiscalYear + (april ? " April update" : "");
        }
    }

    /** What the file of the service date says about a code. */
    public enum Status { BILLABLE, HEADER, ABSENT }

    private static final Icd10cmOrderFiles NONE = new Icd10cmOrderFiles(List.of());

    private final List<OrderFile> files;

    private Icd10cmOrderFiles(List<OrderFile> files) {
        this.files = List.copyOf(files);
    }

    public static Icd10cmOrderFiles none() {
        return NONE;
    }

    /** The order files of the rules folder (none when it holds none); a file that cannot be read stops the run. */
    public static Icd10cmOrderFiles load(Path rulesDir) {
        return read(PublishedSources.ICD10CM.filesIn(rulesDir, rulesDir));
    }

    /** Reads the files; two files for the same window are an error naming both. */
    public static Icd10cmOrderFiles read(List<Path> paths) {
        List<OrderFile> read = new ArrayList<>();
        for (Path path : paths) {
            read.add(readFile(path));
        }
        read.sort(Comparator.comparing(OrderFile::from));
        for (int i = 0; i < read.size(); i++) {
            OrderFile file = read.get(i);
            for (int j = i + 1; j < read.size(); j++) {
                OrderFile other = read.get(j);
                if (other.fiscalYear() == file.fiscalYear() && other.april() == file.april()) {
                    throw new RuleTableException("ICD-10-CM order files " + file.source().name() + " and "
                            + other.source().name() + " are both for " + file.fiscalYearLabel()
                            + ": keep one of them in the rules folder");
                }
            }
        }
        // an April update ends the base file of its fiscal year on 31 March
        List<OrderFile> windows = new ArrayList<>();
        for (OrderFile file : read) {
            boolean updated = !file.april() && read.stream().anyMatch(o -> o.april() && o.fiscalYear() == file.fiscalYear());
            windows.add(updated ? new OrderFile(file.source(), file.fiscalYear(), false, file.from(),
                    LocalDate.of(file.fiscalYear(), 3, 31), file.billable()) : file);
        }
        return new Icd10cmOrderFiles(windows);
    }

    /** The file in force on a date of service, if the rules folder holds it. */
    public Optional<OrderFile> fileFor(LocalDate serviceDate) {
        if (serviceDate != null) {
            for (OrderFile f : files) { // a loop, not a stream: asked for every diagnosis of every line
                if (!serviceDate.isBefore(f.from()) && !serviceDate.isAfter(f.to())) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** What {@code file} says of a code written with or without its dot. */
    public static Status status(OrderFile file, String code) {
        Boolean billable = file.billable().get(code.replace(".", "").trim().toUpperCase(Locale.ROOT));
        return billable == null ? Status.ABSENT : billable ? Status.BILLABLE : Status.HEADER;
    }

    /** The window a file's name gives it; null when the name is not an order file's. */
    static OrderFile window(Path path, SourceFile source, Map<String, Boolean> codes) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(2));
        boolean april = m.group(1) != null || m.group(3) != null;
        LocalDate from = april ? LocalDate.of(year, 4, 1) : LocalDate.of(year - 1, 10, 1);
        return new OrderFile(source, year, april, from, LocalDate.of(year, 9, 30), codes);
    }

    /** The release date a file's name gives: the first day of its window (1 October, or 1 April for an update). */
    static ReleaseDate releaseDate(Path path) {
        OrderFile file = window(path, null, Map.of());
        return file == null ? ReleaseDate.fromName(path)
                : new ReleaseDate(file.from(), "file name (" + file.fiscalYearLabel() + ")");
    }

    private static OrderFile readFile(Path path) {
        Map<String, Boolean> codes = new HashMap<>();
        long number = 0;
        try (BufferedReader in = new BufferedReader(PublishedText.open(path))) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (text.isBlank()) {
                    continue;
                }
                if (text.length() < 15 || !text.substring(0, 5).chars().allMatch(Character::isDigit)
                        || text.charAt(5) != ' ' || text.charAt(13) != ' ') {
                    throw problem(path, number, "is not a line of the order file (order number in columns 1–5,"
                            + " the code in columns 7–13, the flag in column 15)");
                }
                String code = text.substring(6, 13).trim().toUpperCase(Locale.ROOT);
                char flag = text.charAt(14);
                if (!code.matches("[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}")) {
                    throw problem(path, number, "columns 7–13 '" + code + "' is not an ICD-10-CM code without its dot");
                }
                if (flag != '0' && flag != '1') {
                    throw problem(path, number, "column 15 '" + flag + "' is not 0 (header) or 1 (billable)");
                }
                codes.put(code, flag == '1');
            }
        } catch (IOException e) {
            throw new RuleTableException("ICD-10-CM order file " + path + " cannot be read: " + e.getMessage());
        }
        if (codes.isEmpty()) {
            throw new RuleTableException("ICD-10-CM order file " + path + " holds no code: download it again");
        }
        OrderFile file = window(path, SourceFile.of(KIND, path, codes.size()), Map.copyOf(codes));
        if (file == null) {
            throw new RuleTableException("ICD-10-CM order file " + path + ": its name does not say its fiscal year"
                    + " (icd10cm_order_2026.txt, icd10cm-order-April-2025.txt): keep the name CMS gives it");
        }
        return file;
    }

    private static RuleTableException problem(Path path, long line, String what) {
        return new RuleTableException("ICD-10-CM order file " + path + " line " + line + ": " + what
                + "; the file looks damaged: download it again from cms.gov");
    }

    /** The files read, in window order. */
    public List<OrderFile> orderFiles() {
        return files;
    }

    @Override
    public List<SourceFile> files() {
        return files.stream().map(OrderFile::source).toList();
    }

    @Override
    public long rows() {
        return files.stream().mapToLong(f -> f.billable().size()).sum();
    }
}
