package org.codecred.coding;

import org.codecred.rules.RuleTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A cell naming procedure codes: one code, a list {@code a;b}, or a numeric range {@code 90832-90838}. */
final class CodeList {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern RANGE = Pattern.compile("(\\d{5})-(\\d{5})");
    /** A HCPCS range of one letter: {@code H0001-H0050}. */
    private static final Pattern LETTER_RANGE = Pattern.compile("([A-Z])(\\d{4})-([A-Z])(\\d{4})");

    private CodeList() {
    }

    static List<String> expand(RuleTable.Row row, String column) {
        List<String> codes = new ArrayList<>();
        for (String part : row.list(column)) {
            String value = part.toUpperCase(Locale.ROOT).replace(" ", "");
            var range = RANGE.matcher(value);
            var letterRange = LETTER_RANGE.matcher(value);
            if (letterRange.matches() && letterRange.group(1).equals(letterRange.group(3))) {
                int from = Integer.parseInt(letterRange.group(2));
                int to = Integer.parseInt(letterRange.group(4));
                if (to < from) {
                    throw row.problem(column, part, "is not a range from a lower to a higher code");
                }
                for (int c = from; c <= to; c++) {
                    codes.add(letterRange.group(1) + String.format("%04d", c));
                }
            } else if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                if (to < from || to - from > 5000) {
                    throw row.problem(column, part, "is not a range from a lower to a higher code (at most 5000 codes)");
                }
                for (int c = from; c <= to; c++) {
                    codes.add(String.format("%05d", c));
                }
            } else if (CODE.matcher(value).matches()) {
                codes.add(value);
            } else {
                throw row.problem(column, part, "is not a 5-character code or a range like 90832-90838");
            }
        }
        return codes;
    }

    static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }
}
