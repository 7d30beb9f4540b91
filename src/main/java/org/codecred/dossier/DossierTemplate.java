package org.codecred.dossier;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The shape every dossier shares, built once with POI and then copied into each file: the styles
 * part (every cell style a {@link SheetWriter} can ask for, each at a fixed index), the package's
 * fixed parts, and each kind of chart as POI draws it, its data ranges and caches left open. A
 * dossier is then its sheets' XML ({@link SheetXml}) and its charts' data streamed into a zip
 * around these bytes: the same workbook as POI's object model writes, for a fraction of the time
 * (docs/performance.md). Thread-safe: build it once ({@link #get()}) and share it.
 */
final class DossierTemplate {

    private static final DossierTemplate SHARED = new DossierTemplate();

    private static final String PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final StyleIndex styles;
    private final Deflated stylesXml;
    private final Deflated appXml;
    private final Deflated packageRels;
    private final Map<ChartKey, ChartTemplate> charts = new ConcurrentHashMap<>();

    static DossierTemplate get() {
        return SHARED;
    }

    private DossierTemplate() {
        try (XSSFWorkbook xssf = new XSSFWorkbook()) {
            Styles made = new Styles(xssf);
            int[][][] index = new int[Kind.values().length][Fill.values().length][2];
            for (Kind kind : Kind.values()) {
                for (Fill fill : Fill.values()) {
                    for (int quoted = 0; quoted < 2; quoted++) {
                        index[kind.ordinal()][fill.ordinal()][quoted] = made.of(kind, fill, quoted == 1).getIndex();
                    }
                }
            }
            styles = new StyleIndex(index);
            xssf.createSheet("Template");
            Map<String, byte[]> parts = parts(xssf);
            stylesXml = Deflated.of("xl/styles.xml", parts);
            appXml = Deflated.of("docProps/app.xml", parts);
            packageRels = Deflated.of("_rels/.rels", parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of each cell style in the template's styles part. */
    record StyleIndex(int[][][] index) {
        int of(Kind kind, Fill fill, boolean quoted) {
            return index[kind.ordinal()][fill.ordinal()][quoted ? 1 : 0];
        }
    }

    /**
     * A fixed part deflated once: each dossier copies its compressed bytes into the zip as they are
     * (the styles part alone is about as large as a dossier's sheets together).
     */
    private record Deflated(String name, byte[] compressed, long size, long crc) {
        static Deflated of(String name, Map<String, byte[]> parts) throws IOException {
            byte[] bytes = parts.get(name);
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true); // raw deflate, as a zip entry holds it
            try (var out = new java.util.zip.DeflaterOutputStream(compressed, deflater)) {
                out.write(bytes);
            } finally {
                deflater.end();
            }
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new Deflated(name, compressed.toByteArray(), bytes.length, crc.getValue());
        }

        void copyInto(ZipArchiveOutputStream zip) throws IOException {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            entry.setSize(size);
            entry.setCompressedSize(compressed.length);
            entry.setCrc(crc);
            zip.addRawArchiveEntry(entry, new ByteArrayInputStream(compressed));
        }
    }

    /** The document properties of a workbook: title, subject, and creation time (null: now). */
    record Properties(String title, String subject, LocalDateTime created) {
    }

    /** Writes a workbook of the given laid-out sheets, in order, the first one selected. */
    void write(List<SheetWriter> sheets, Properties properties, OutputStream target) throws IOException {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target);
        zip.setLevel(Deflater.BEST_SPEED); // the XML still shrinks about tenfold, for a fraction of the default's CPU
        StringBuilder xml = new StringBuilder(64 * 1024);
        List<String> drawings = new ArrayList<>();
        int chartCount = 0;
        StringBuilder names = new StringBuilder();
        for (int s = 0; s < sheets.size(); s++) {
            SheetWriter sheet = sheets.get(s);
            List<SheetChart> sheetCharts = sheet.charts();
            String drawingId = sheetCharts.isEmpty() ? null : "rId1";
            List<SheetXml.ExternalLink> links = new ArrayList<>();
            xml.setLength(0);
            SheetXml.write(xml, sheet, s == 0, styles, drawingId, links);
            put(zip, "xl/worksheets/sheet" + (s + 1) + ".xml", xml);
            if (drawingId != null || !links.isEmpty()) {
                xml.setLength(0);
                xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"")
                        .append(PACKAGE_RELS).append("\">");
                if (drawingId != null) {
                    drawings.add("drawing" + (drawings.size() + 1));
                    relationship(xml, drawingId, "../drawings/" + drawings.get(drawings.size() - 1) + ".xml", "drawing", null);
                }
                for (SheetXml.ExternalLink link : links) {
                    relationship(xml, link.relationshipId(), link.target(), "hyperlink", "External");
                }
                xml.append("</Relationships>");
                put(zip, "xl/worksheets/_rels/sheet" + (s + 1) + ".xml.rels", xml);
            }
            if (drawingId != null) {
                String drawing = drawings.get(drawings.size() - 1);
                writeDrawing(zip, xml, sheet, drawing, chartCount);
                for (SheetChart chart : sheetCharts) {
                    chartCount++;
                    xml.setLength(0);
                    chart(sheet.name(), chart.drawer()).write(xml, sheet, chart);
                    put(zip, "xl/charts/chart" + chartCount + ".xml", xml);
                }
            }
            definedNames(names, sheet, s);
        }
        writeWorkbook(zip, xml, sheets, names);
        writeContentTypes(zip, xml, sheets.size(), drawings.size(), chartCount);
        writeCore(zip, xml, properties);
        appXml.copyInto(zip);
        packageRels.copyInto(zip);
        stylesXml.copyInto(zip);
        zip.finish();
    }

    private void writeDrawing(ZipArchiveOutputStream zip, StringBuilder xml, SheetWriter sheet, String drawing, int chartsBefore)
            throws IOException {
        List<SheetChart> sheetCharts = sheet.charts();
        xml.setLength(0);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\"")
                .append(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"")
                .append(" xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"").append(DOC_RELS).append("\">");
        for (int i = 0; i < sheetCharts.size(); i++) {
            SheetChart c = sheetCharts.get(i);
            xml.append("<xdr:twoCellAnchor editAs=\"twoCell\">");
            anchorPoint(xml, "from", c.fromColumn(), c.fromRow());
            anchorPoint(xml, "to", c.toColumn(), c.toRow());
            xml.append("<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id=\"").append(i).append("\" name=\"Diagramm").append(i)
                    .append("\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"")
                    .append(Units.pixelToEMU((int) widthInPixels(sheet, c))).append("\" cy=\"")
                    .append(Units.pixelToEMU((int) heightInPixels(sheet, c)))
                    .append("\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
                    .append("<c:chart r:id=\"rId").append(i + 1).append("\"/></a:graphicData></a:graphic></xdr:graphicFrame>")
                    .append("<xdr:clientData/></xdr:twoCellAnchor>");
        }
        xml.append("</xdr:wsDr>");
        put(zip, "xl/drawings/" + drawing + ".xml", xml);
        xml.setLength(0);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"").append(PACKAGE_RELS).append("\">");
        for (int i = 0; i < sheetCharts.size(); i++) {
            relationship(xml, "rId" + (i + 1), "../charts/chart" + (chartsBefore + i + 1) + ".xml", "chart", null);
        }
        xml.append("</Relationships>");
        put(zip, "xl/drawings/_rels/" + drawing + ".xml.rels", xml);
    }

    private static void anchorPoint(StringBuilder xml, String which, int column, int row) {
        xml.append("<xdr:").append(which).append("><xdr:col>").append(column).append("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>")
                .append(row).append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:").append(which).append('>');
    }

    /** The chart frame's width as POI computes it from the columns it covers. */
    private static double widthInPixels(SheetWriter sheet, SheetChart chart) {
        int[] widths = sheet.widths();
        double pixels = 0;
        for (int c = chart.fromColumn(); c < chart.toColumn(); c++) {
            float units = c < widths.length ? widths[c] : 8 * 256;
            pixels += (float) (units / 256.0 * Units.DEFAULT_CHARACTER_WIDTH);
        }
        return pixels;
    }

    /** The chart frame's height as POI computes it from the rows it covers. */
    private static double heightInPixels(SheetWriter sheet, SheetChart chart) {
        Map<Integer, Double> heights = new HashMap<>();
        for (SheetWriter.PendingRow row : sheet.rows()) {
            if (row.index >= chart.fromRow() && row.index < chart.toRow()) {
                heights.put(row.index, row.height > 0 ? (short) ((float) row.height * 20) / 20.0
                        : (double) (float) TextMetrics.lineHeight(TextMetrics.BODY_POINTS));
            }
        }
        double pixels = 0;
        for (int r = chart.fromRow(); r < chart.toRow(); r++) {
            double points = heights.getOrDefault(r, (double) (float) TextMetrics.lineHeight(TextMetrics.BODY_POINTS));
            pixels += Units.toEMU(points) / (double) Units.EMU_PER_PIXEL;
        }
        return pixels;
    }

    /** Print titles, the autofilter's range and the print area, as POI names them. */
    private static void definedNames(StringBuilder names, SheetWriter sheet, int index) {
        String quoted = SheetNameFormatter.format(sheet.name());
        if (sheet.repeatedRow() >= 0) {
            int row = sheet.repeatedRow() + 1;
            definedName(names, "_xlnm.Print_Titles", index, false, quoted + "!$" + row + ":$" + row);
        }
        SheetWriter.Range filter = sheet.autoFilter();
        if (filter != null) {
            definedName(names, "_xlnm._FilterDatabase", index, true, new CellRangeAddress(filter.firstRow(), filter.lastRow(),
                    filter.firstColumn(), filter.lastColumn()).formatAsString(sheet.name(), true));
        }
        SheetWriter.Range area = sheet.printArea();
        if (area != null) {
            definedName(names, "_xlnm.Print_Area", index, false, quoted + "!" + absolute(area.firstRow(), area.firstColumn())
                    + ":" + absolute(area.lastRow(), area.lastColumn()));
        }
    }

    private static String absolute(int row, int column) {
        return new CellReference(row, column, true, true).formatAsString();
    }

    private static void definedName(StringBuilder names, String name, int sheet, boolean hidden, String reference) {
        names.append("<definedName name=\"").append(name).append("\" localSheetId=\"").append(sheet).append('"');
        if (hidden) {
            names.append(" hidden=\"true\"");
        }
        names.append('>');
        SheetXml.escape(names, reference);
        names.append("</definedName>");
    }

    private static void writeWorkbook(ZipArchiveOutputStream zip, StringBuilder xml, List<SheetWriter> sheets, StringBuilder names)
            throws IOException {
        xml.setLength(0);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"").append(SheetXml.MAIN)
                .append("\" xmlns:r=\"").append(DOC_RELS).append("\"><workbookPr date1904=\"false\"/>")
                .append("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int s = 0; s < sheets.size(); s++) {
            xml.append("<sheet name=\"");
            SheetXml.escape(xml, sheets.get(s).name());
            xml.append("\" r:id=\"rId").append(s + 2).append("\" sheetId=\"").append(s + 1).append("\"/>");
        }
        xml.append("</sheets>");
        if (!names.isEmpty()) {
            xml.append("<definedNames>").append(names).append("</definedNames>");
        }
        xml.append("</workbook>");
        put(zip, "xl/workbook.xml", xml);
        xml.setLength(0);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"").append(PACKAGE_RELS).append("\">");
        relationship(xml, "rId1", "styles.xml", "styles", null);
        for (int s = 0; s < sheets.size(); s++) {
            relationship(xml, "rId" + (s + 2), "worksheets/sheet" + (s + 1) + ".xml", "worksheet", null);
        }
        xml.append("</Relationships>");
        put(zip, "xl/_rels/workbook.xml.rels", xml);
    }

    private static void writeContentTypes(ZipArchiveOutputStream zip, StringBuilder xml, int sheets, int drawings, int charts)
            throws IOException {
        String type = "application/vnd.openxmlformats-officedocument.";
        xml.setLength(0);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" Extension=\"rels\"/>")
                .append("<Default ContentType=\"application/xml\" Extension=\"xml\"/>");
        override(xml, type + "extended-properties+xml", "/docProps/app.xml");
        override(xml, "application/vnd.openxmlformats-package.core-properties+xml", "/docProps/core.xml");
        for (int c = 1; c <= charts; c++) {
            override(xml, type + "drawingml.chart+xml", "/xl/charts/chart" + c + ".xml");
        }
        for (int d = 1; d <= drawings; d++) {
            override(xml, type + "drawing+xml", "/xl/drawings/drawing" + d + ".xml");
        }
        override(xml, type + "spreadsheetml.styles+xml", "/xl/styles.xml");
        override(xml, type + "spreadsheetml.sheet.main+xml", "/xl/workbook.xml");
        for (int s = 1; s <= sheets; s++) {
            override(xml, type + "spreadsheetml.worksheet+xml", "/xl/worksheets/sheet" + s + ".xml");
        }
        xml.append("</Types>");
        put(zip, "[Content_Types].xml", xml);
    }

    private static void override(StringBuilder xml, String contentType, String part) {
        xml.append("<Override ContentType=\"").append(contentType).append("\" PartName=\"").append(part).append("\"/>");
    }

    private static void writeCore(ZipArchiveOutputStream zip, StringBuilder xml, Properties properties) throws IOException {
        LocalDateTime created = properties.created() != null ? properties.created() : LocalDateTime.now(ZoneOffset.UTC);
        String time = created.format(W3CDTF);
        xml.setLength(0);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><cp:coreProperties")
                .append(" xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
                .append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(time).append("</dcterms:created>")
                .append("<dc:creator>CodeCred</dc:creator><dc:description>");
        SheetXml.escape(xml, SheetWriter.CONFIDENTIAL);
        xml.append("</dc:description><dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(time).append("</dcterms:modified><dc:subject>");
        SheetXml.escape(xml, properties.subject());
        xml.append("</dc:subject><dc:title>");
        SheetXml.escape(xml, properties.title());
        xml.append("</dc:title></cp:coreProperties>");
        put(zip, "docProps/core.xml", xml);
    }

    private static void relationship(StringBuilder xml, String id, String target, String type, String mode) {
        xml.append("<Relationship Id=\"").append(id).append("\" Target=\"");
        SheetXml.escape(xml, target);
        xml.append("\" Type=\"").append(DOC_RELS).append('/').append(type).append('"');
        if (mode != null) {
            xml.append(" TargetMode=\"").append(mode).append('"');
        }
        xml.append("/>");
    }

    private static void put(ZipArchiveOutputStream zip, String name, CharSequence xml) throws IOException {
        put(zip, name, xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void put(ZipArchiveOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    /** Every part of a POI workbook as written, by name. */
    private static Map<String, byte[]> parts(XSSFWorkbook xssf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        xssf.write(bytes);
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private ChartTemplate chart(String sheetName, SheetChart.Drawer drawer) {
        return charts.computeIfAbsent(new ChartKey(sheetName, drawer), DossierTemplate::drawOnce);
    }

    private record ChartKey(String sheetName, SheetChart.Drawer drawer) {
    }

    /** Draws the chart once with POI on an empty sheet of the same name and keeps its XML as a template. */
    private static ChartTemplate drawOnce(ChartKey key) {
        try (XSSFWorkbook xssf = new XSSFWorkbook()) {
            XSSFSheet sheet = xssf.createSheet(key.sheetName());
            PoiSheet.draw(new SheetChart(key.drawer(), 0, 0, 0, 0, 1, 1), sheet);
            return ChartTemplate.of(new String(parts(xssf).get("xl/charts/chart1.xml"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A chart's XML as POI writes it, cut around each series' categories ({@code c:cat}) and values
     * ({@code c:val}); a dossier fills each cut with its cell range and the cells' values (the cache a
     * reader shows before it recalculates), as POI fills them.
     */
    private record ChartTemplate(List<String> between, List<Data> data) {

        private static final Pattern DATA = Pattern.compile("<c:(cat|val)>.*?<c:f>(.*?)</c:f>.*?</c:\\1>", Pattern.DOTALL);
        private static final Pattern REF = Pattern.compile("(.*)!\\$([A-Z]+)\\$\\d+(:\\$[A-Z]+\\$\\d+)?");

        /** One series' categories (text) or values (numbers) from one column. */
        private record Data(boolean text, String sheetPrefix, int column) {
        }

        static ChartTemplate of(String xml) {
            List<String> between = new ArrayList<>();
            List<Data> data = new ArrayList<>();
            Matcher m = DATA.matcher(xml);
            int at = 0;
            while (m.find()) {
                between.add(xml.substring(at, m.start()));
                Matcher ref = REF.matcher(m.group(2));
                if (!ref.matches()) {
                    throw new IllegalStateException("unexpected chart reference " + m.group(2));
                }
                data.add(new Data(m.group(1).equals("cat"), ref.group(1), CellReference.convertColStringToIndex(ref.group(2))));
                at = m.end();
            }
            between.add(xml.substring(at));
            return new ChartTemplate(between, data);
        }

        void write(StringBuilder out, SheetWriter sheet, SheetChart chart) {
            Map<Integer, SheetWriter.PendingRow> rows = new HashMap<>();
            for (SheetWriter.PendingRow row : sheet.rows()) {
                if (row.index >= chart.firstRow() && row.index <= chart.lastRow()) {
                    rows.put(row.index, row);
                }
            }
            for (int i = 0; i < data.size(); i++) {
                out.append(between.get(i));
                Data d = data.get(i);
                String tag = d.text() ? "str" : "num";
                out.append(d.text() ? "<c:cat>" : "<c:val>").append("<c:").append(tag).append("Ref><c:f>");
                String column = CellReference.convertNumToColString(d.column());
                String range = "$" + column + "$" + (chart.firstRow() + 1)
                        + (chart.lastRow() > chart.firstRow() ? ":$" + column + "$" + (chart.lastRow() + 1) : "");
                SheetXml.escape(out, d.sheetPrefix() + "!" + range);
                out.append("</c:f><c:").append(tag).append("Cache>");
                int points = chart.lastRow() - chart.firstRow() + 1;
                StringBuilder pts = new StringBuilder();
                for (int p = 0; p < points; p++) {
                    Object value = valueAt(rows.get(chart.firstRow() + p), d.column());
                    if (d.text() ? value instanceof String : value instanceof Double) {
                        pts.append("<c:pt idx=\"").append(p).append("\"><c:v>");
                        SheetXml.escape(pts, value.toString());
                        pts.append("</c:v></c:pt>");
                    }
                }
                if (!pts.isEmpty()) {
                    out.append("<c:ptCount val=\"").append(points).append("\"/>").append(pts);
                }
                out.append("</c:").append(tag).append("Cache></c:").append(tag).append("Ref>").append(d.text() ? "</c:cat>" : "</c:val>");
            }
            out.append(between.get(data.size()));
        }

        private static Object valueAt(SheetWriter.PendingRow row, int column) {
            if (row != null) {
                for (SheetWriter.PendingCell cell : row.cells) {
                    if (cell.column == column) {
                        return cell.value instanceof String s && s.isEmpty() ? null : cell.value;
                    }
                }
            }
            return null;
        }
    }
}
