package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the dossier and the summary workbook share as files: the document properties, the print
 * frame of every sheet, and the one place where sheets are built in memory (XSSF) or streamed
 * (SXSSF) and put in order.
 */
final class Workbooks {

    /** Rows SXSSF keeps in memory per streamed sheet. */
    static final int STREAM_WINDOW = 100;
    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Workbooks() {
    }

    /** Writes one sheet's rows through a SheetWriter, which lays them out. */
    @FunctionalInterface
    interface SheetBody<S extends WorkbookSheet> {
        void write(S sheet, SheetWriter out);
    }

    /**
     * Builds the sheets in memory, except those {@code streamed} picks, which are streamed after
     * them; then puts every sheet in the given order and writes the file.
     */
    static <S extends WorkbookSheet> void write(XSSFWorkbook xssf, Frame frame, List<S> sheets, Predicate<S> streamed,
                                                SheetBody<S> body, OutputStream out) throws IOException {
        try {
            List<S> later = new ArrayList<>();
            for (S sheet : sheets) {
                if (streamed.test(sheet)) {
                    later.add(sheet);
                } else {
                    PoiSheet.render(frame.laidOut(sheet, body), xssf.createSheet(sheet.name()), frame.styles());
                }
            }
            if (later.isEmpty()) {
                xssf.write(out);
                return;
            }
            SXSSFWorkbook streaming = fastZip(xssf, STREAM_WINDOW);
            try {
                streaming.setCompressTempFiles(false);
                for (S sheet : later) {
                    PoiSheet.render(frame.laidOut(sheet, body), streaming.createSheet(sheet.name()), frame.styles());
                }
                putInOrder(streaming, sheets);
                streaming.write(out);
            } finally {
                streaming.dispose();
            }
        } finally {
            // not close(): closing a workbook made in memory saves the whole package once more, into
            // memory, only to drop it (about 5 % of a dossier's samples in the profile)
            xssf.getPackage().revert();
        }
    }

    /** Streamed sheets are created after the in-memory ones: put them all in the sheets' order. */
    private static void putInOrder(Workbook workbook, List<? extends WorkbookSheet> sheets) {
        for (int i = 0; i < sheets.size(); i++) {
            workbook.setSheetOrder(sheets.get(i).name(), i);
        }
    }

    /**
     * A streaming workbook whose file is deflated at the fastest level: the sheets' XML still
     * shrinks about tenfold, for a fraction of the default level's CPU (the dossier's largest cost).
     */
    static SXSSFWorkbook fastZip(XSSFWorkbook xssf, int window) {
        return new SXSSFWorkbook(xssf, window) {
            @Override
            protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                    OutputStream out) {
                var zip = super.createArchiveOutputStream(out);
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
                return zip;
            }
        };
    }

    /** Makes a SheetWriter with the workbook's print frame (title, generation time). */
    record Frame(Styles styles, String printTitle, String generatedUtc) {
        SheetWriter of(String name) {
            return new SheetWriter(name, printTitle, generatedUtc);
        }

        /** The sheet written by {@code body} and laid out, ready to render. */
        <S extends WorkbookSheet> SheetWriter laidOut(S sheet, SheetBody<S> body) {
            SheetWriter writer = of(sheet.name());
            body.write(sheet, writer);
            return writer;
        }
    }

    /** Title, subject and creation time of the file (the creation time is the run's, so a rewrite is the same). */
    static void describe(XSSFWorkbook workbook, String title, String subject, LocalDateTime generated) {
        var core = workbook.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setSubjectProperty(subject);
        core.setCreator("CodeCred");
        core.setDescription(SheetWriter.CONFIDENTIAL);
        if (generated != null) {
            Date created = Date.from(generated.toInstant(ZoneOffset.UTC));
            core.setCreated(Optional.of(created));
            core.setModified(Optional.of(created));
        }
    }

    static String utc(LocalDateTime time) {
        return time == null ? "" : time.format(UTC_MINUTE);
    }
}
