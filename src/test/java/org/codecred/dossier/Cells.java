package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.List;

/** Reading workbooks back in tests. */
public final class Cells {

    private static final DataFormatter FORMAT = new DataFormatter(java.util.Locale.ROOT);

    private Cells() {
    }

    /** A cell as a spreadsheet shows it ("" when missing). */
    static String shown(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell c = r == null ? null : r.getCell(column);
        return c == null ? "" : FORMAT.formatCellValue(c);
    }

    static Cell cell(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column);
    }

    /** The value cell beside a label in column A (the Summary sheet's layout). */
    static Cell valueOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row.getCell(1);
            }
        }
        throw new AssertionError("no row labelled " + label + " in " + sheet.getSheetName());
    }

    /** The first row whose column A shows {@code text}, or -1. */
    static int rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (text.equals(shown(sheet, row.getRowNum(), 0))) {
                return row.getRowNum();
            }
        }
        return -1;
    }

    static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** Labels of the rows that give the run's own times: two runs of the same month differ only there. */
    public static final String[] RUN_TIMES = {"Month, generated", "Run started (UTC)", "Run ended (UTC)", "Generated"};

    /** Every cell of every sheet as shown, one line per row, except the given sheet/label rows. */
    public static String dump(Workbook workbook, String... skipLabels) {
        java.util.Set<String> skip = skipLabels == null ? java.util.Set.of() : java.util.Set.of(skipLabels);
        StringBuilder out = new StringBuilder();
        for (Sheet sheet : workbook) {
            out.append("## ").append(sheet.getSheetName()).append('\n');
            for (Row row : sheet) {
                if (skip.contains(shown(sheet, row.getRowNum(), 0))) {
                    continue;
                }
                out.append(row.getRowNum()).append(':');
                for (Cell cell : row) {
                    out.append(cell.getColumnIndex()).append('=').append(FORMAT.formatCellValue(cell)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
