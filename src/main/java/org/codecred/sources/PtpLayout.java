package org.codecred.sources;

import org.codecred.rules.RuleTableException;

import java.time.LocalDate;
import java.util.Locale;

import static org.codecred.sources.CmsTable.cell;
import static org.codecred.sources.CmsTable.isCode;
import static org.codecred.sources.CmsTable.norm;

/**
 * The NCCI Practitioner PTP layout: columns {@code Column 1}, {@code Column 2}, {@code Effective Date},
 * {@code Deletion Date}, {@code Modifier} (0, 1 or 9), {@code PTP Edit Rationale}; the text edition wraps
 * the column titles over several lines, so the titles are joined until the first data row. Dates are
 * {@code YYYYMMDD}, {@code *} for none; the deletion date is the last day the edit is in force.
 */
final class PtpLayout implements CmsLayout {

    private final CmsTable table;
    private final int code1;
    private final int code2;
    /** The column titles, joined with the lines under them until the first data row. */
    private String[] titles;
    private boolean columnsFound;
    private int effective = -1, deletion = -1, modifier = -1, rationale = -1;

    PtpLayout(CmsTable table, int code1, int code2, String[] header) {
    this.table = table;
    this.code1 = code1;
    this.code2 = code2;
    titles = new String[header.length];
    for (int i = 0; i < header.length; i++) {
        titles[i] = norm(header[i]);
    }
    }

    @Override
    public String kind() {
    return "PTP";
    }

    @Override
    public void row(String[] cells) {
    if (!columnsFound) {
        if (!isCode(cell(cells, code1)) || !isCode(cell(cells, code2))) {
            wrapTitles(cells);      // the titles go on over this line (the text edition), or a note row
            return;
        }
        findPtpColumns();
    }
    ptpRow(cells);
    }

    /** A PTP header with no data under it must still be complete. */
    @Override
    public void finish() {
    if (!columnsFound) {
        findPtpColumns();
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
            throw new RuleTableException("CMS PTP file " + table.name + ": its header (" + String.join(" | ", titles)
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
        table.dataRows++;
        if (!table.tables().keeps(a, b)) {
            return;
        }
        LocalDate from = cmsDate(cells, effective, "Effective Date");
        if (from == null) {
            throw table.problem("Effective Date", cell(cells, effective), "is not a date YYYYMMDD");
        }
        LocalDate deleted = cmsDate(cells, deletion, "Deletion Date");
        String mi = cell(cells, modifier);
        if (mi.endsWith(".0")) {
            mi = mi.substring(0, mi.length() - 2);
        }
        if (!mi.equals("0") && !mi.equals("1") && !mi.equals("9")) {
            throw table.problem("Modifier", mi, "is not 0, 1 or 9");
        }
        // the deletion date is the last day the edit is in force: CMS ends edits on quarter ends
        // (20231231, 20260630) and a release effective 2026-07-01 ends its edits at 20260630;
        // the same edit from another copy of the table (xlsx and text in one zip) is kept once
        if (table.tables().add(new CmsTables.PtpRow(a, b, Integer.parseInt(mi), from, deleted, cell(cells, rationale),
                "CMS " + table.shortName()))) {
            table.kept++;
        }
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
            throw table.problem(column, cell(cells, index), "is not a date YYYYMMDD (or * for none)");
        }
    }
}
