package org.codecred.dossier;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders one provider's {@link Dossier} as the packet a credentialing committee reads and signs:
 * one {@link DossierSheet} per sheet, in the contract's order. Plain POI, no Spring; every value
 * from input data goes into a string cell, never a formula.
 *
 * <p>Each sheet is laid out by a {@link SheetWriter}; {@link Engine#TEMPLATE}, the default, streams
 * it into the {@link DossierTemplate} that POI built once. The other engines render it with POI's
 * object model, the reference the template is compared with (WriterComparisonTest).
 */
public final class DossierWorkbook {

    /** The sheets in the contract's order: a new sheet is one class and one line here. */
    static final List<DossierSheet> SHEET_WRITERS = List.of(
            new SummarySheet(),
            new CredentialsSheet(),
            new CodingProfileSheet(),
            new AlignmentSheet(),
            new FindingsSheet(),
            new ClaimLinesSheet(),
            new HistorySheet(),
            new SourcesSheet());

    /** The sheet names in the contract's order. */
    public static final List<String> SHEETS = SHEET_WRITERS.stream().map(WorkbookSheet::name).toList();
    public static final String SUMMARY = SummarySheet.NAME;
    public static final String FINDINGS = FindingsSheet.NAME;
    public static final String CLAIM_LINES = ClaimLinesSheet.NAME;
    public static final String SOURCES = SourcesSheet.NAME;

    /** The committee's decisions, offered as a drop-down in the reviewer block. */
    public static final List<String> DECISIONS = SummarySheet.DECISIONS;
    /** What a reviewer may record against a finding, offered as a drop-down. */
    public static final List<String> DISPOSITIONS = FindingsSheet.DISPOSITIONS;

    /** Claim Lines: title, flag summary, header; the first line is on this row (0-based). */
    static final int FIRST_CLAIM_LINE_ROW = ClaimLinesSheet.FIRST_CLAIM_LINE_ROW;

    /**
     * How the workbook is built. TEMPLATE (the default): each sheet's XML streamed into the shape POI
     * built once ({@link DossierTemplate}), about ten times faster than POI's object model. With POI's
     * object model, which the summary workbook uses and the template is held to: all in memory (XSSF),
     * the sheets that grow with volume streamed (STREAMED), or by the dossier's size (HYBRID: in memory
     * up to {@value #IN_MEMORY_LINES} claim lines and {@value #IN_MEMORY_FINDINGS} findings, streamed
     * above). This is the one place that decides how a workbook is built.
     */
    public enum Engine {
        XSSF, STREAMED, HYBRID, TEMPLATE;

        /**
         * Whether POI streams a sheet of this volume, in a workbook of this many findings and claim lines
         * (TEMPLATE holds a dossier's shape only: a summary workbook asked for it is built as HYBRID).
         */
        boolean streams(WorkbookSheet.Volume volume, int findings, int lines) {
            // a streamed sheet costs a temporary file: small sheets are built in memory
            boolean fewFindings = findings <= IN_MEMORY_FINDINGS;
            boolean inMemory = this == XSSF || this != STREAMED && fewFindings && lines <= IN_MEMORY_LINES;
            return switch (volume) {
                case FIXED -> false;
                case FINDINGS -> !inMemory && !fewFindings;
                case CLAIM_LINES -> !inMemory;
                case MONTH -> this != XSSF;
            };
        }
    }

    /** Up to this many findings the Findings sheet is built in memory rather than streamed. */
    private static final int IN_MEMORY_FINDINGS = 200;
    /**
     * Up to this many claim lines (and few findings) the whole workbook is built in memory and saved
     * once: streaming saves the in-memory part to a temporary package first and copies it into the
     * file after, which costs more than it saves on a small dossier. Measured (DossierBenchmark, writer
     * CPU per dossier, in memory against streamed): 100 lines 25-28 against 31-32 ms, 200 lines 45
     * against 46 ms, 400 lines 84 against 53 ms, 800 lines 142 against 69 ms.
     */
    private static final int IN_MEMORY_LINES = 150;

    private final Engine engine;

    public DossierWorkbook() {
        this(Engine.TEMPLATE);
    }

    public DossierWorkbook(Engine engine) {
        this.engine = engine;
    }

    /** Writes the workbook to {@code file} (the caller moves it into place). */
    public void write(Dossier dossier, Path file) throws IOException {
        write(dossier, RunFacts.unknown(dossier.generated()), file);
    }

    public void write(Dossier dossier, RunFacts run, Path file) throws IOException {
        // buffered: the zip writer hands over each header and deflated block as it goes, one system call each
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            write(dossier, run, out);
        }
    }

    public void write(Dossier dossier, OutputStream out) throws IOException {
        write(dossier, RunFacts.unknown(dossier.generated()), out);
    }

    public void write(Dossier dossier, RunFacts run, OutputStream out) throws IOException {
        String who = dossier.identity();
        String title = "Credentialing dossier " + who;
        String subject = "Credentialing dossier, " + dossier.month();
        String generated = Workbooks.utc(dossier.generated());
        if (engine == Engine.TEMPLATE) {
            List<SheetWriter> sheets = new java.util.ArrayList<>(SHEET_WRITERS.size());
            for (DossierSheet sheet : SHEET_WRITERS) {
                SheetWriter writer = new SheetWriter(sheet.name(), who, generated);
                layOut(sheet, writer, dossier, run);
                sheets.add(writer);
            }
            DossierTemplate.get().write(sheets, new DossierTemplate.Properties(title, subject, dossier.generated()), out);
            return;
        }
        XSSFWorkbook xssf = new XSSFWorkbook();
        Workbooks.describe(xssf, title, subject, dossier.generated());
        Workbooks.Frame frame = new Workbooks.Frame(new Styles(xssf), who, generated);
        int findings = dossier.findings().size();
        int lines = dossier.lines().size();
        Workbooks.write(xssf, frame, SHEET_WRITERS, sheet -> engine.streams(sheet.volume(), findings, lines),
                (sheet, writer) -> layOut(sheet, writer, dossier, run), out);
    }

    /** One sheet's rows, and whether it prints for this dossier. */
    private static void layOut(DossierSheet sheet, SheetWriter writer, Dossier dossier, RunFacts run) {
        sheet.write(writer, dossier, run);
        if (!sheet.printsFor(dossier)) {
            writer.printNothing();
        }
    }
}
