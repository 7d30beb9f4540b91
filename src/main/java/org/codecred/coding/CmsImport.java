package org.codecred.coding;

import org.codecred.ingest.CsvHeader;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.codecred.rules.EffectivePeriod;
import org.codecred.rules.RuleTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the CMS NCCI Practitioner PTP files and the Practitioner MUE file dropped unchanged into
 * {@code jobs/rules/cms/}: Excel workbooks (.xlsx streamed, .xls), CSV or text copies (comma, tab
 * or pipe separated) and .zip files holding any of these. A file's kind is recognized from its
 * header row, wherever it sits in the first rows (CMS puts titles and notes above and below it):
 * PTP by the columns "Column 1" and "Column 2", MUE by an "HCPCS" column and an "MUE Values" column.
 * Hospital-outpatient and DME files are skipped (CodeCred checks professional claims).
 */
public final class CmsImport {

    private static final Logger log = LoggerFactory.getLogger(CmsImport.class);

    private static final int HEADER_SEARCH_ROWS = 100;
    private static final Pattern NOT_PRACTITIONER = Pattern.compile("(?i).*(ccioph|outpatient|hospital|dme|facility).*");
    private static final Pattern DATE_MDY = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{4})");
    private static final Pattern DATE_YMD = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern LEADING_DIGIT = Pattern.compile("^\\s*(\\d)");

    /** What the CMS files hold, ready for {@link PairEdits} and {@link UnitLimits}. */
    public record Tables(List<PairEdit> pairEdits, List<UnitLimit> unitLimits, List<String> filesRead) {
        public static final Tables NONE = new Tables(List.of(), List.of(), List.of());
    }

    private final Set<String> relevantCodes;
    private final List<PairEdit> pairEdits = new ArrayList<>();
    private final List<MueRow> mueRows = new ArrayList<>();
    private final List<String> filesRead = new ArrayList<>();

    private record MueRow(String code, int limit, int indicator, LocalDate fileDate, String origin) {
    }

    private CmsImport(Set<String> relevantCodes) {
        this.relevantCodes = relevantCodes;
    }

    /**
     * @param relevantCodes PTP rows are kept only when one of their codes is here (the code set and
     *                      the hand-kept pairs): the full CMS table has over a million rows
     */
    public static Tables load(Path cmsDir, Set<String> relevantCodes) {
        if (!Files.isDirectory(cmsDir)) {
            return Tables.NONE;
        }
        CmsImport importer = new CmsImport(relevantCodes);
        List<Path> files;
        try (Stream<Path> list = Files.list(cmsDir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RuleTableException("CMS rules folder " + cmsDir + " cannot be read: " + e.getMessage());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!isTableFile(name)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                importer.readEntry(name, file, in, true);
            } catch (IOException e) {
                throw new RuleTableException("CMS file " + file + " cannot be read: " + e.getMessage());
            }
        }
        return new Tables(List.copyOf(importer.pairEdits), importer.unitLimits(), List.copyOf(importer.filesRead));
    }

    private static boolean isTableFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".zip");
    }

    /** @param file the file on disk, or null for a zip entry; {@code topLevel}: an unrecognized layout is an error */
    private void readEntry(String name, Path file, InputStream in, boolean topLevel) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        String shortName = name.substring(name.lastIndexOf('/') + 1);
        if (NOT_PRACTITIONER.matcher(shortName).matches()) {
            log.warn("CMS file {} skipped: not a practitioner (professional claims) file", name);
            return;
        }
        if (lower.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory() && isTableFile(entry.getName())) {
                    byte[] bytes = zip.readAllBytes();
                    readEntry(name + "!" + entry.getName(), null, new ByteArrayInputStream(bytes), false);
                }
            }
            return;
        }
        Parser parser = new Parser(name);
        try {
            if (lower.endsWith(".xlsx")) {
                readXlsx(file, in, parser);
            } else if (lower.endsWith(".xls")) {
                readXls(in, parser);
            } else {
                readText(in, parser);
            }
        } catch (RuleTableException e) {
            throw e;
        } catch (Exception e) {
            throw new RuleTableException("CMS file " + name + " cannot be read: " + e.getMessage());
        }
        if (parser.kind == null) {
            if (topLevel && !lower.endsWith(".txt")) {
                throw new RuleTableException("CMS file " + name + " in the rules' cms folder is neither an NCCI"
                        + " Practitioner PTP file (columns 'Column 1', 'Column 2') nor a Practitioner MUE file"
                        + " (columns 'HCPCS/CPT Code', '... MUE Values'): remove it or drop the file as CMS publishes it");
            }
            log.warn("CMS file {} skipped: no PTP or MUE header found", name);
            return;
        }
        filesRead.add(name + " (" + parser.kind + ", " + parser.kept + " rows kept)");
        log.info("CMS {} file {}: {} rows kept", parser.kind, name, parser.kept);
    }

    // ---- readers: each hands rows of cell texts to the parser

    private static void readXlsx(Path file, InputStream in, Parser parser) throws Exception {
        try (OPCPackage pkg = file != null ? OPCPackage.open(file.toFile(), PackageAccess.READ) : OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    parser.startSheet();
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(parser),
                            new DataFormatter(Locale.US), false));
                    xml.parse(new InputSource(sheet));
                }
            }
        }
    }

    private static void readXls(InputStream in, Parser parser) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.US);
        try (Workbook workbook = WorkbookFactory.create(in)) {
            for (Sheet sheet : workbook) {
                parser.startSheet();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        while (cells.size() < cell.getColumnIndex()) {
                            cells.add("");
                        }
                        cells.add(formatter.formatCellValue(cell));
                    }
                    parser.row(cells.toArray(new String[0]));
                }
            }
        }
    }

    private static void readText(InputStream in, Parser parser) throws IOException {
        RFC4180Parser csv = new RFC4180ParserBuilder().build();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        parser.startSheet();
        String line;
        while ((line = reader.readLine()) != null) {
            line = CsvHeader.withoutBom(line);
            String[] cells;
            if (line.indexOf('\t') >= 0) {
                cells = line.split("\t", -1);
            } else if (line.indexOf('|') >= 0) {
                cells = line.split("\\|", -1);
            } else {
                try {
                    cells = csv.parseLine(line);
                } catch (IOException e) {
                    cells = line.split(",", -1);
                }
            }
            parser.row(cells);
        }
    }

    /** Collects the cells of each streamed row by column letter. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Parser parser;
        private final List<String> cells = new ArrayList<>();

        RowCollector(Parser parser) {
            this.parser = parser;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            parser.row(cells.toArray(new String[0]));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    // ---- recognizing and reading the two layouts

    private final class Parser {
        final String name;
        String kind;
        int rowsSeen;
        int kept;
        int code1 = -1, code2 = -1, effective = -1, deletion = -1, modifier = -1, rationale = -1;
        int code = -1, value = -1, indicator = -1;
        LocalDate fileDate;

        Parser(String name) {
            this.name = name;
            this.fileDate = dateInName(name);
        }

        void startSheet() {
            if (kind == null) {
                rowsSeen = 0;
            }
        }

        void row(String[] cells) {
            rowsSeen++;
            if (kind == null) {
                if (rowsSeen <= HEADER_SEARCH_ROWS) {
                    header(cells);
                }
                return;
            }
            if ("PTP".equals(kind)) {
                ptpRow(cells);
            } else {
                mueRow(cells);
            }
        }

        private void header(String[] cells) {
            int c1 = -1, c2 = -1, hcpcs = -1, mue = -1;
            for (int i = 0; i < cells.length; i++) {
                String h = norm(cells[i]);
                if (h.equals("column 1")) {
                    c1 = i;
                } else if (h.equals("column 2")) {
                    c2 = i;
                } else if (h.contains("hcpcs") && hcpcs < 0) {
                    hcpcs = i;
                } else if (h.contains("mue value")) {
                    mue = i;
                }
            }
            if (c1 >= 0 && c2 >= 0) {
                kind = "PTP";
                code1 = c1;
                code2 = c2;
                for (int i = 0; i < cells.length; i++) {
                    String h = norm(cells[i]);
                    if (h.contains("effective")) {
                        effective = i;
                    } else if (h.contains("deletion")) {
                        deletion = i;
                    } else if (h.startsWith("modifier")) {
                        modifier = i;
                    } else if (h.contains("rationale")) {
                        rationale = i;
                    }
                }
                if (effective < 0 || deletion < 0 || modifier < 0) {
                    throw new RuleTableException("CMS PTP file " + name + " row " + rowsSeen
                            + ": header lacks 'Effective Date', 'Deletion Date' or 'Modifier' (header: "
                            + String.join(" | ", cells) + ")");
                }
            } else if (hcpcs >= 0 && mue >= 0) {
                kind = "MUE";
                code = hcpcs;
                value = mue;
                for (int i = 0; i < cells.length; i++) {
                    if (norm(cells[i]).contains("adjudication indicator")) {
                        indicator = i;
                    }
                }
            }
        }

        private void ptpRow(String[] cells) {
            String a = cell(cells, code1).toUpperCase(Locale.ROOT);
            String b = cell(cells, code2).toUpperCase(Locale.ROOT);
            if (!CodeList.isCode(a) || !CodeList.isCode(b)) {
                return; // a note row under the header, or a blank line
            }
            if (!relevantCodes.contains(a) && !relevantCodes.contains(b)) {
                return;
            }
            LocalDate from = cmsDate(cells, effective, "Effective Date");
            if (from == null) {
                throw problem("Effective Date", cell(cells, effective), "is not a date YYYYMMDD");
            }
            LocalDate deleted = cmsDate(cells, deletion, "Deletion Date");
            String mi = cell(cells, modifier);
            if (!mi.equals("0") && !mi.equals("1") && !mi.equals("9")) {
                throw problem("Modifier", mi, "is not 0, 1 or 9");
            }
            // the deletion date is the first day the edit no longer applies (see the cms README)
            EffectivePeriod period = new EffectivePeriod(from, deleted == null ? null : deleted.minusDays(1));
            pairEdits.add(new PairEdit(a, b, Integer.parseInt(mi), period, cell(cells, rationale), "CMS " + shortName()));
            kept++;
        }

        private void mueRow(String[] cells) {
            String c = cell(cells, code).toUpperCase(Locale.ROOT);
            if (!CodeList.isCode(c)) {
                return;
            }
            String v = cell(cells, value);
            int limit;
            try {
                limit = (int) Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return; // CMS leaves some values unpublished
            }
            Matcher digit = LEADING_DIGIT.matcher(cell(cells, indicator));
            int mai = digit.find() ? Integer.parseInt(digit.group(1)) : 3;
            mueRows.add(new MueRow(c, limit, mai, fileDate, "CMS " + shortName()));
            kept++;
        }

        private LocalDate cmsDate(String[] cells, int index, String column) {
            String text = cell(cells, index).replace("-", "").replace("/", "");
            if (text.isEmpty() || text.equals("*")) {
                return null;
            }
            if (text.endsWith(".0")) {
                text = text.substring(0, text.length() - 2);
            }
            try {
                return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                        Integer.parseInt(text.substring(6, 8)));
            } catch (RuntimeException e) {
                throw problem(column, cell(cells, index), "is not a date YYYYMMDD (or * for none)");
            }
        }

        private RuleTableException problem(String column, String value, String what) {
            return new RuleTableException("CMS file " + name + " row " + rowsSeen + ", column '" + column + "': '"
                    + value + "' " + what);
        }

        private String shortName() {
            return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('!')) + 1);
        }
    }

    private static String cell(String[] cells, int index) {
        return index < 0 || index >= cells.length || cells[index] == null ? "" : cells[index].trim();
    }

    private static String norm(String header) {
        return header == null ? "" : header.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The effective date in a CMS file name such as {@code MCR_MUE_PractitionerServices_Eff_07-01-2024}. */
    static LocalDate dateInName(String name) {
        try {
            Matcher mdy = DATE_MDY.matcher(name);
            if (mdy.find()) {
                return LocalDate.of(Integer.parseInt(mdy.group(3)), Integer.parseInt(mdy.group(1)), Integer.parseInt(mdy.group(2)));
            }
            Matcher ymd = DATE_YMD.matcher(name);
            if (ymd.find()) {
                return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * MUE files carry no row dates: each file is in force from the date in its name until the day
     * before the next file's date (a file without a date in its name: always).
     */
    private List<UnitLimit> unitLimits() {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (MueRow row : mueRows) {
            if (row.fileDate() != null) {
                dates.add(row.fileDate());
            }
        }
        List<UnitLimit> limits = new ArrayList<>();
        for (MueRow row : mueRows) {
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
