package org.codecred.coding;

import org.codecred.rules.CodeSet;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
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
import org.codecred.staging.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the CMS NCCI Practitioner PTP files and the Practitioner MUE file dropped unchanged into
 * {@code jobs/rules/cms/}, in every form CMS ships them: Excel workbooks (.xlsx streamed, .xls),
 * tab-separated text ({@code ccipra-v322r0-f1.TXT}, the column titles wrapped over several lines),
 * CSV with line breaks inside quoted cells (the MUE file's first record is a multi-line copyright
 * notice, its first header cell {@code "HCPCS/⏎CPT Code"}), Latin-1 or UTF-8, and .zip files
 * holding any of these. A file's kind is recognized from its header wherever it sits in the first
 * rows; header cells are compared with whitespace and line breaks collapsed.
 *
 * <p>Nothing is skipped silently: a table file that is neither layout stops the run (exit 2), naming
 * the file and why. Hospital-outpatient and DME editions are skipped with a log line (CodeCred checks
 * professional claims). Files are streamed, never read whole: a zip entry may not expand beyond
 * {@link #MAX_ENTRY_BYTES} nor {@link #MAX_RATIO} times its compressed size, and no line may be
 * longer than {@link #MAX_LINE_CHARS} characters, so a zip bomb stops the run instead of the heap.
 */
public final class CmsImport {

    private static final Logger log = LoggerFactory.getLogger(CmsImport.class);

    /** Largest expanded zip entry accepted: the largest CMS PTP part expands to about 100 MB. */
    static final long MAX_ENTRY_BYTES = 1L << 30;
    /** Largest expansion ratio of a zip entry: CMS text compresses about 10 to 20 times. */
    static final long MAX_RATIO = 100;
    /** Longest physical line of a text file: CMS lines are under 1,000 characters. */
    static final int MAX_LINE_CHARS = 1 << 18;
    /** Most physical lines in one CSV record (the MUE notice record has 7). */
    private static final int MAX_RECORD_LINES = 100;

    private static final int HEADER_SEARCH_ROWS = 100;
    private static final Pattern NOT_PRACTITIONER = Pattern.compile("(?i).*(ccioph|outpatient|hospital|dme|facility).*");
    /** Names CMS gives its PTP and MUE tables: a file so named that cannot be read is an error, inside a zip too. */
    private static final Pattern CMS_TABLE_NAME = Pattern.compile("(?i).*(ccipra|ptp|mue).*");
    private static final Pattern DATE_MDY = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{4})");
    private static final Pattern DATE_YMD = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern LEADING_DIGIT = Pattern.compile("^\\s*(\\d)");

    /** What the CMS files hold, ready for {@link PairEdits} and {@link UnitLimits}, and the files they came from. */
    public record Tables(List<PairEdit> pairEdits, List<UnitLimit> unitLimits, List<String> filesRead,
                         List<SourceFile> sources) {
        public static final Tables NONE = new Tables(List.of(), List.of(), List.of(), List.of());
    }

    private final Set<String> relevantCodes;
    private final List<PairEdit> pairEdits = new ArrayList<>();
    private final Set<String> pairKeys = new HashSet<>();
    private final List<MueRow> mueRows = new ArrayList<>();
    private final Set<String> mueKeys = new HashSet<>();
    private final List<String> filesRead = new ArrayList<>();
    private final List<SourceFile> sources = new ArrayList<>();
    /** Per top-level file: the kinds found and rows kept in it and its entries. */
    private final Set<String> kindsOfFile = new TreeSet<>();
    private long rowsOfFile;

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
            importer.kindsOfFile.clear();
            importer.rowsOfFile = 0;
            importer.readFile(name, file);
            if (!importer.kindsOfFile.isEmpty()) {
                importer.sources.add(SourceFile.of("CMS " + String.join("+", importer.kindsOfFile), file, importer.rowsOfFile));
            }
        }
        return new Tables(List.copyOf(importer.pairEdits), importer.unitLimits(), List.copyOf(importer.filesRead),
                List.copyOf(importer.sources));
    }

    private static boolean isTableFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".zip");
    }

    private static boolean notPractitioner(String name) {
        return NOT_PRACTITIONER.matcher(name.substring(name.lastIndexOf('/') + 1)).matches();
    }

    /** A file on disk in the cms folder: every table file there must be readable and recognized. */
    private void readFile(String name, Path file) {
        if (notPractitioner(name)) {
            log.warn("CMS file {} skipped: not a practitioner (professional claims) file", name);
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".zip")) {
                readZip(name, file);
            } else if (lower.endsWith(".xlsx")) {
                readTable(name, parser -> readXlsx(file, parser), true);
            } else {
                readTable(name, parser -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        read(lower, in, parser);
                    }
                }, true);
            }
        } catch (RuleTableException e) {
            throw e;
        } catch (ZipException e) {
            throw new RuleTableException("CMS file " + name + " cannot be read: not a readable zip file ("
                    + e.getMessage() + "); download it again");
        } catch (IOException | RuntimeException e) {
            throw new RuleTableException("CMS file " + name + " cannot be read: " + describe(e));
        }
    }

    /**
     * Each table entry of a zip, streamed with its expansion capped. Entries that are no table (a
     * PDF, a readme) are passed over with a log line; a table entry of either layout is read; any
     * other table entry is an error when its name is one CMS gives its tables.
     */
    private void readZip(String name, Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = name + "!" + entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                if (!isTableFile(lower) || lower.endsWith(".zip")) {
                    log.info("CMS file {}: entry {} is not a table, passed over", name, entry.getName());
                    continue;
                }
                if (notPractitioner(entry.getName())) {
                    log.warn("CMS file {} skipped: not a practitioner (professional claims) file", entryName);
                    continue;
                }
                boolean mustBeTable = CMS_TABLE_NAME.matcher(entry.getName().substring(entry.getName().lastIndexOf('/') + 1)).matches();
                long limit = limitOf(entry);
                if (lower.endsWith(".xlsx")) {
                    Path copy = Files.createTempFile("codecred-cms-", ".xlsx");
                    try {
                        try (InputStream in = new CappedStream(zip.getInputStream(entry), limit, entryName);
                             OutputStream out = Files.newOutputStream(copy)) {
                            in.transferTo(out);
                        }
                        readTable(entryName, parser -> readXlsx(copy, parser), mustBeTable);
                    } finally {
                        Files.deleteIfExists(copy);
                    }
                } else {
                    readTable(entryName, parser -> {
                        try (InputStream in = new CappedStream(zip.getInputStream(entry), limit, entryName)) {
                            read(lower, in, parser);
                        }
                    }, mustBeTable);
                }
            }
        }
    }

    /** What an entry may expand to: at most {@link #MAX_RATIO} times its compressed size, at most {@link #MAX_ENTRY_BYTES}. */
    private static long limitOf(ZipEntry entry) {
        long compressed = entry.getCompressedSize();
        if (compressed <= 0) {
            return MAX_ENTRY_BYTES;
        }
        return Math.min(MAX_ENTRY_BYTES, Math.max(compressed, 1024) * MAX_RATIO);
    }

    private interface TableReader {
        void read(Parser parser) throws Exception;
    }

    /** Reads one table (a file or a zip entry); an unrecognized layout is an error when {@code mustBeTable}, else logged. */
    private void readTable(String name, TableReader reader, boolean mustBeTable) {
        Parser parser = new Parser(name);
        try {
            reader.read(parser);
            parser.finish();
        } catch (RuleTableException e) {
            throw e;
        } catch (ZipException e) {
            throw new RuleTableException("CMS file " + name + " cannot be read: not a readable zip or xlsx file ("
                    + e.getMessage() + "); download it again");
        } catch (Exception e) {
            throw new RuleTableException("CMS file " + name + " cannot be read: " + describe(e));
        }
        if (parser.kind == null) {
            if (mustBeTable) {
                throw new RuleTableException("CMS file " + name + " in the rules' cms folder is neither an NCCI"
                        + " Practitioner PTP file (columns 'Column 1', 'Column 2') nor a Practitioner MUE file"
                        + " (columns 'HCPCS/CPT Code', '... MUE Values'): remove it or drop the file as CMS publishes it");
            }
            log.warn("CMS file {} passed over: no PTP or MUE header in its first {} rows", name, HEADER_SEARCH_ROWS);
            return;
        }
        if (parser.dataRows == 0) {
            throw new RuleTableException("CMS " + parser.kind + " file " + name + " has the " + parser.kind
                    + " header but no data rows: the file is cut short; download it again");
        }
        kindsOfFile.add(parser.kind);
        rowsOfFile += parser.kept;
        String unread = parser.withoutValue == 0 ? "" : ", " + parser.withoutValue + " rows without a numeric MUE value";
        filesRead.add(name + " (" + parser.kind + ", " + parser.kept + " rows kept" + unread + ")");
        log.info("CMS {} file {}: {} rows read, {} kept{}", parser.kind, name, parser.dataRows, parser.kept, unread);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof CharacterCodingException) {
            return "its bytes are not text in the encoding it declares";
        }
        return message == null || message.isBlank() || message.equals("null") ? e.getClass().getSimpleName() : message;
    }

    // ---- readers: each hands rows of cell texts to the parser

    private static void read(String lowerName, InputStream in, Parser parser) throws IOException, CsvException {
        if (lowerName.endsWith(".xls")) {
            readXls(in, parser);
        } else {
            readText(in, parser);
        }
    }

    private static void readXlsx(Path file, Parser parser) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
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

    /**
     * A text table: tab-separated (one record per line, as the PTP .TXT) or comma-separated RFC 4180
     * with line breaks inside quoted cells (as the MUE .csv). The encoding is UTF-8 when the file
     * starts with a byte-order mark or its first 64 KB are valid UTF-8, else Latin-1 (as CMS ships).
     */
    static void readText(InputStream raw, Parser parser) throws IOException, CsvException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 16);
        in.reset();
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (bom) {
            in.skipNBytes(3);
        }
        Charset charset = bom || isUtf8(head) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        char separator = separatorOf(new String(head, StandardCharsets.ISO_8859_1));
        Reader reader = new LineLengthGuard(new InputStreamReader(in, charset));
        parser.startSheet();
        if (separator == '\t') {
            BufferedReader lines = new BufferedReader(reader, 1 << 16);
            String line;
            while ((line = lines.readLine()) != null) {
                parser.row(line.split("\t", -1));
            }
            return;
        }
        try (CSVReader csv = new CSVReaderBuilder(reader)
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(separator).build())
                .withMultilineLimit(MAX_RECORD_LINES)
                .withKeepCarriageReturn(false)
                .build()) {
            String[] record;
            while ((record = csv.readNext()) != null) {
                parser.row(record);
            }
        }
    }

    /** Tab when the first lines hold one (the PTP .TXT), pipe when pipes outnumber commas, else comma. */
    private static char separatorOf(String head) {
        if (head.indexOf('\t') >= 0) {
            return '\t';
        }
        long pipes = head.chars().filter(c -> c == '|').count();
        long commas = head.chars().filter(c -> c == ',').count();
        return pipes > commas ? '|' : ',';
    }

    /** Whether these bytes (a file's first block, possibly cut inside a character) are valid UTF-8. */
    private static boolean isUtf8(byte[] head) {
        int end = head.length;
        // a multi-byte character cut by the block's end is not evidence against UTF-8
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if (b >= 0xC0) {
                end -= back;
                break;
            }
            if (b < 0x80) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
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

    /** Stops a zip entry that expands past its limit: a zip bomb, never a CMS table. */
    static final class CappedStream extends FilterInputStream {
        private final long limit;
        private final String name;
        private long count;

        CappedStream(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new RuleTableException("CMS file " + name + " expands beyond " + limit + " bytes (more than "
                        + MAX_RATIO + " times its compressed size, or over " + (MAX_ENTRY_BYTES >> 20) + " MB):"
                        + " no CMS table is that large or that compressible (a zip bomb?); remove it and download"
                        + " the file again from cms.gov");
            }
        }
    }

    /** Stops a text whose line runs past {@link #MAX_LINE_CHARS}: no CMS table has such lines. */
    static final class LineLengthGuard extends FilterReader {
        private int sinceBreak;

        LineLengthGuard(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                seen((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            for (int i = off; i < off + n; i++) {
                seen(buffer[i]);
            }
            return n;
        }

        private void seen(char c) throws IOException {
            if (c == '\n' || c == '\r') {
                sinceBreak = 0;
            } else if (++sinceBreak > MAX_LINE_CHARS) {
                throw new IOException("a line is longer than " + MAX_LINE_CHARS + " characters: not a table as CMS publishes it");
            }
        }
    }

    // ---- recognizing and reading the two layouts

    /** Recognizes a layout from its header and keeps the rows; one per table file or zip entry. */
    final class Parser {
        final String name;
        String kind;
        int rowsSeen;
        long dataRows;
        int kept;
        int withoutValue;
        /** PTP: the column titles, joined with the lines under them until the first data row. */
        private String[] titles;
        private boolean columnsFound;
        int code1 = -1, code2 = -1, effective = -1, deletion = -1, modifier = -1, rationale = -1;
        int code = -1, value = -1, indicator = -1;
        final LocalDate fileDate;

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
                if (!columnsFound) {
                    if (!isCode(cell(cells, code1)) || !isCode(cell(cells, code2))) {
                        wrapTitles(cells);      // the titles go on over this line (the text edition), or a note row
                        return;
                    }
                    findPtpColumns();
                }
                ptpRow(cells);
            } else {
                mueRow(cells);
            }
        }

        /** End of the table: a PTP header with no data under it must still be complete. */
        void finish() {
            if ("PTP".equals(kind) && !columnsFound) {
                findPtpColumns();
            }
        }

        private void header(String[] cells) {
            int c1 = -1, c2 = -1, hcpcs = -1, mue = -1;
            for (int i = 0; i < cells.length; i++) {
                String h = norm(cells[i]);
                if (h.equals("column 1") || h.startsWith("column 1 ")) {
                    c1 = c1 < 0 ? i : c1;
                } else if (h.equals("column 2") || h.startsWith("column 2 ")) {
                    c2 = c2 < 0 ? i : c2;
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
                titles = new String[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    titles[i] = norm(cells[i]);
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

        private void wrapTitles(String[] cells) {
            if (cells.length > titles.length) {
                String[] wider = new String[cells.length];
                for (int i = 0; i < wider.length; i++) {
                    wider[i] = i < titles.length ? titles[i] : "";
                }
                titles = wider;
            }
            for (int i = 0; i < cells.length; i++) {
                String more = norm(cells[i]);
                if (!more.isEmpty()) {
                    titles[i] = (titles[i] + " " + more).trim();
                }
            }
        }

        private void findPtpColumns() {
            for (int i = 0; i < titles.length; i++) {
                String h = titles[i];
                if (h.startsWith("effective") && effective < 0) {
                    effective = i;
                } else if (h.startsWith("deletion") && deletion < 0) {
                    deletion = i;
                } else if (h.startsWith("modifier") && modifier < 0) {
                    modifier = i;
                } else if (h.contains("rationale") && rationale < 0) {
                    rationale = i;
                }
            }
            if (effective < 0 || deletion < 0 || modifier < 0) {
                throw new RuleTableException("CMS PTP file " + name + ": its header (" + String.join(" | ", titles)
                        + ") lacks 'Effective Date', 'Deletion Date' or 'Modifier'");
            }
            columnsFound = true;
        }

        private void ptpRow(String[] cells) {
            String a = cell(cells, code1).toUpperCase(Locale.ROOT);
            String b = cell(cells, code2).toUpperCase(Locale.ROOT);
            if (!isCode(a) || !isCode(b)) {
                return; // a note row, or a blank line
            }
            dataRows++;
            if (!relevantCodes.contains(a) && !relevantCodes.contains(b)) {
                return;
            }
            LocalDate from = cmsDate(cells, effective, "Effective Date");
            if (from == null) {
                throw problem("Effective Date", cell(cells, effective), "is not a date YYYYMMDD");
            }
            LocalDate deleted = cmsDate(cells, deletion, "Deletion Date");
            String mi = cell(cells, modifier);
            if (mi.endsWith(".0")) {
                mi = mi.substring(0, mi.length() - 2);
            }
            if (!mi.equals("0") && !mi.equals("1") && !mi.equals("9")) {
                throw problem("Modifier", mi, "is not 0, 1 or 9");
            }
            if (!pairKeys.add(a + "|" + b + "|" + from + "|" + deleted + "|" + mi)) {
                return;         // the same edit from another copy of the table (xlsx and text in one zip)
            }
            // the deletion date is the last day the edit is in force: CMS ends edits on quarter ends
            // (20231231, 20260630) and a release effective 2026-07-01 ends its edits at 20260630
            EffectivePeriod period = new EffectivePeriod(from, deleted);
            pairEdits.add(new PairEdit(a, b, Integer.parseInt(mi), period, cell(cells, rationale), "CMS " + shortName()));
            kept++;
        }

        private void mueRow(String[] cells) {
            String c = cell(cells, code).toUpperCase(Locale.ROOT);
            if (!isCode(c)) {
                return;
            }
            dataRows++;
            String v = cell(cells, value);
            int limit;
            try {
                limit = (int) Double.parseDouble(v);
            } catch (NumberFormatException e) {
                withoutValue++;      // counted and logged: CMS leaves some values unpublished
                return;
            }
            Matcher digit = LEADING_DIGIT.matcher(cell(cells, indicator));
            int mai = digit.find() ? Integer.parseInt(digit.group(1)) : 3;
            if (!mueKeys.add(c + "|" + fileDate + "|" + limit + "|" + mai)) {
                return;
            }
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
                if (text.length() != 8) {
                    throw new NumberFormatException(text);
                }
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

    private static boolean isCode(String text) {
        return CodeSet.isCode(text.toUpperCase(Locale.ROOT));
    }

    private static String cell(String[] cells, int index) {
        return index < 0 || index >= cells.length || cells[index] == null ? "" : cells[index].trim();
    }

    /** A header cell compared as a reader sees it: lower case, line breaks and runs of spaces as one space. */
    static String norm(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
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
