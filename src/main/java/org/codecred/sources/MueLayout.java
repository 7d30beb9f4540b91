package org.codecred.sources;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.codecred.sources.CmsTable.cell;
import static org.codecred.sources.CmsTable.isCode;

/**
 * The Practitioner MUE layout: {@code HCPCS/CPT Code}, {@code Practitioner Services MUE Values},
 * {@code MUE Adjudication Indicator} (its leading digit: 1 line edit, 2 policy, 3 date of service;
 * 3 when absent), {@code MUE Rationale}. A value CMS leaves unpublished is counted, not read.
 */
final class MueLayout implements CmsLayout {

    private static final Pattern LEADING_DIGIT = Pattern.compile("^\\s*(\\d)");

    private final CmsTable table;
    private final int code;
    private final int value;
    private final int indicator;

    MueLayout(CmsTable table, int code, int value, int indicator) {
    this.table = table;
    this.code = code;
    this.value = value;
    this.indicator = indicator;
    }

    @Override
    public String kind() {
    return "MUE";
    }

    @Override
    public void row(String[] cells) {
        String c = cell(cells, code).toUpperCase(Locale.ROOT);
        if (!isCode(c)) {
            return;
        }
        table.dataRows++;
        String v = cell(cells, value);
        int limit;
        try {
            limit = (int) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            table.withoutValue++;      // counted and logged: CMS leaves some values unpublished
            return;
        }
        Matcher digit = LEADING_DIGIT.matcher(cell(cells, indicator));
        int mai = digit.find() ? Integer.parseInt(digit.group(1)) : 3;
        if (table.tables().add(new CmsTables.MueRow(c, limit, mai, table.fileDate, "CMS " + table.shortName()))) {
            table.kept++;
        }
    }
}
