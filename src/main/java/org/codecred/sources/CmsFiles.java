package org.codecred.sources;

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
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.codecred.rules.RuleTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the CMS NCCI Practitioner PTP files and the Practitioner MUE file dropped unchanged into
 * {@code jobs/rules/cms/}, in every form CMS ships them: Excel workbooks (.xlsx streamed, .xls),
 * tab-separated text ({@code ccipra-v322r0-f1.TXT}, the column titles wrapped over several lines),
 * CSV (decoded by the policy of every published file, {@link PublishedText}) with line breaks inside quoted cells (the MUE file's first record is a multi-line copyright
 * notice, its first header cell {@code "HCPCS/⏎CPT Code"}), and .zip files
 * holding any of these. A file's kind is recognized from its header wherever it sits in the first
 * rows ({@link CmsLayout#recognize}: the PTP and the MUE layouts); header cells are compared with whitespace
 * and line breaks collapsed. The layouts turn rows into {@link CmsTables.PtpRow} and {@link CmsTables.MueRow}.
 *
 * <p>Nothing is skipped silently: a table file that is neither layout stops the run (exit 2), naming
 * the file and why. Hospital-outpatient and DME editions are skipped with a log line (CodeCred checks
 * professional claims). Files are streamed, never read whole: a zip entry may not expand beyond
 * {@link #MAX_ENTRY_BYTES} nor {@link #MAX_RATIO} times its compressed size, and no line may be
 * longer than {@link #MAX_LINE_CHARS} characters, so a zip bomb stops the run instead of the heap.
 */
public final class CmsFiles {

    private static final Logger log = LoggerFactory.getLogger(CmsFiles.class);

    /** Largest expanded zip entry accepted: the largest CMS PTP part expands to about 100 MB. */
    public static final long MAX_ENTRY_BYTES = 1L << 30;
    /** Largest expansion ratio of a zip entry: CMS text compresses about 10 to 20 times. */
    public static final long MAX_RATIO = 100;
    /** Longest physical line of a text file: CMS lines are under 1,000 characters. */
    public static final int MAX_LINE_CHARS = 1 << 18;
    /** Most physical lines in one CSV record (the MUE notice record has 7). */
    private static final int MAX_RECORD_LINES = 100;

    static final int HEADER_SEARCH_ROWS = 100;
    private static final Pattern NOT_PRACTITIONER = Pattern.compile("(?i).*(ccioph|outpatient|hospital|dme|facility).*");
    /** Names CMS gives its PTP and MUE tables: a file so named that cannot be read is an error, inside a zip too. */
    private static final Pattern CMS_TABLE_NAME = Pattern.compile("(?i).*(ccipra|ptp|mue).*");

    private final CmsTables.Builder tables;
    /** Per top-level file: the kinds found and rows kept in it and its entries. */
    private final Set<String> kindsOfFile = new TreeSet<>();
    private long rowsOfFile;

    private CmsFiles(Predicate<String> keepPtpCode) {
        this.tables = new CmsTables.Builder(keepPtpCode);
    }

    /**
     * Every PTP and MUE table of the folder (none when it is absent).
     *
     * @param keepPtpCode PTP rows are kept only when one of their codes passes (the code set and the
     *                    hand-kept pairs): the full CMS table has over a million rows
     */
    public static CmsTables read(Path cmsDir, Predicate<String> keepPtpCode) {
        if (!Files.isDirectory(cmsDir)) {
            return CmsTables.NONE;
        }
        CmsFiles reader = new CmsFiles(keepPtpCode);
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
            reader.kindsOfFile.clear();
            reader.rowsOfFile = 0;
            reader.readFile(name, file);
            if (!reader.kindsOfFile.isEmpty()) {
                reader.tables.source(SourceFile.of("CMS " + String.join("+", reader.kindsOfFile), file, reader.rowsOfFile));
            }
        }
        return reader.tables.build();
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
                    read(lower, () -> Files.newInputStream(file), parser);
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
                        read(lower, () -> new CappedStream(zip.getInputStream(entry), limit, entryName), parser);
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
        void read(CmsTable parser) throws Exception;
    }

    /** Reads one table (a file or a zip entry); an unrecognized layout is an error when {@code mustBeTable}, else logged. */
    private void readTable(String name, TableReader reader, boolean mustBeTable) {
        CmsTable parser = new CmsTable(name, tables);
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
        tables.fileRead(name + " (" + parser.kind + ", " + parser.kept + " rows kept" + unread + ")");
        log.info("CMS {} file {}: {} rows read, {} kept{}", parser.kind, name, parser.dataRows, parser.kept, unread);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof CharacterCodingException) {
            return "its bytes are not text in the encoding it declares";
        }
        return message == null || message.isBlank() || message.equals("null") ? e.getClass().getSimpleName() : message;
    }

    private static void read(String lowerName, PublishedText.Bytes bytes, CmsTable parser) throws IOException, CsvException {
        if (lowerName.endsWith(".xls")) {
            try (InputStream in = bytes.open()) {
                readXls(in, parser);
            }
        } else {
            readText(bytes, parser);
        }
    }

    /**
     * A workbook as CMS publishes it: values only. A formula (its cached result could be anything a
     * spreadsheet last computed) or a link to another workbook is refused, naming the file and cell:
     * a rule table is data, not a calculation.
     */
    private static void readXlsx(Path file, CmsTable parser) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            if (!pkg.getPartsByContentType(XSSFRelation.EXTERNAL_LINKS.getContentType()).isEmpty()) {
                throw new RuleTableException("CMS file " + parser.name + " links to another workbook: a CMS table"
                        + " holds values only; download the file again from cms.gov and drop it unchanged");
            }
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    parser.startSheet();
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new ValuesOnly(styles, strings, new RowCollector(parser), parser.name,
                            sheets.getSheetName()));
                    xml.parse(new InputSource(sheet));
                }
            }
        }
    }

    /** The streamed sheet's cells, refusing a cell that holds a formula ({@code <f>} inside {@code <c r="B7">}). */
    private static final class ValuesOnly extends XSSFSheetXMLHandler {
        private final String file;
        private final String sheet;
        private String cell = "";

        ValuesOnly(StylesTable styles, ReadOnlySharedStringsTable strings, SheetContentsHandler rows, String file,
                   String sheet) {
            super(styles, null, strings, rows, new DataFormatter(Locale.US), false);
            this.file = file;
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes)
                throws org.xml.sax.SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("c".equals(name)) {
                cell = attributes.getValue("r") == null ? "" : attributes.getValue("r");
            } else if ("f".equals(name)) {
                throw formula(file, sheet, cell);
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    private static RuleTableException formula(String file, String sheet, String cell) {
        return new RuleTableException("CMS file " + file + ", sheet '" + sheet + "', cell " + cell + " holds a formula,"
                + " not a value: a CMS table holds values only (a formula's result may come from another workbook or an"
                + " edit); download the file again from cms.gov and drop it unchanged");
    }

    private static void readXls(InputStream in, CmsTable parser) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.US);
        try (Workbook workbook = WorkbookFactory.create(in)) {
            for (Sheet sheet : workbook) {
                parser.startSheet();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                            throw formula(parser.name, sheet.getSheetName(), cell.getAddress().formatAsString());
                        }
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
     * with line breaks inside quoted cells (as the MUE .csv), in the encoding {@link PublishedText} tells
     * (read twice: once for the encoding, once for the rows).
     */
    static void readText(PublishedText.Bytes bytes, CmsTable parser) throws IOException, CsvException {
        byte[] head;
        try (InputStream in = bytes.open()) {
            head = in.readNBytes(1 << 16);
        }
        char separator = separatorOf(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1));
        Reader reader = new LineLengthGuard(PublishedText.open(bytes));
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

    /** Collects the cells of each streamed row by column letter. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CmsTable parser;
        private final List<String> cells = new ArrayList<>();

        RowCollector(CmsTable parser) {
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

}
