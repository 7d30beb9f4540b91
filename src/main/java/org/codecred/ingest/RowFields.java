package org.codecred.ingest;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one input row, looked up by column name. Every accessor that cannot read its field
 * throws {@link UnreadableRow} with a reason naming the field and the value, which becomes the row's
 * line in rejected.csv.
 */
final class RowFields {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** The bound of an amount: below a trillion. */
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");

    private final CsvHeader header;
    private final String[] fields;

    private RowFields(CsvHeader header, String[] fields) {
        this.header = header;
        this.fields = fields;
    }

    /**
     * Splits the row with the RFC 4180 parser after checking it is one well-formed record on one
     * line: readable bytes, no control character, quotes only around whole fields, every quoted field
     * closed on this line, as many fields as the header.
     */
    static RowFields parse(RawRow row) throws UnreadableRow {
        if (row.problem() != null) {
            throw new UnreadableRow(row.problem());
        }
        String text = row.text();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw new UnreadableRow("the line holds a control character (U+" + String.format("%04X", (int) c)
                        + ") at position " + (i + 1));
            }
            quoted |= c == '"';
        }
        if (!quoted) {
            // the usual line: without a quote it is one record whatever it holds, its fields the text between commas
            String[] fields = plainFields(text);
            if (fields.length != row.header().width()) {
                throw new UnreadableRow("expected " + row.header().width() + " fields as in the header, found " + fields.length);
            }
            return new RowFields(row.header(), fields);
        }
        String shape = shapeProblem(text);
        if (shape != null) {
            if (row.previousLine() != null && oddQuotes(row.previousLine()) && oddQuotes(text)) {
                throw new UnreadableRow("this line continues a quoted field left open on the line before ("
                        + (row.lineNumber() - 1) + "): a line break inside a quoted field is not allowed, a record never "
                        + "spans two lines");
            }
            throw new UnreadableRow(shape);
        }
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        String[] fields;
        try {
            fields = parser.parseLine(text);
        } catch (IOException e) {
            throw new UnreadableRow("the line cannot be split into fields: " + e.getMessage());
        }
        if (fields.length != row.header().width()) {
            throw new UnreadableRow("expected " + row.header().width() + " fields as in the header, found " + fields.length);
        }
        return new RowFields(row.header(), fields);
    }

    /**
     * The fields of a line that holds no quote, as the RFC 4180 parser splits it: the text between
     * commas, untrimmed, "" for an empty field (a line of n commas has n + 1 fields).
     */
    static String[] plainFields(String text) {
        int count = 1;
        for (int i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
            count++;
        }
        String[] fields = new String[count];
        int start = 0;
        for (int f = 0; f < count - 1; f++) {
            int comma = text.indexOf(',', start);
            fields[f] = text.substring(start, comma);
            start = comma + 1;
        }
        fields[count - 1] = text.substring(start);
        return fields;
    }

    /**
     * What makes {@code text} not one RFC 4180 record, or null: a quote inside an unquoted field,
     * text after a closing quote, a quoted field not closed on this line.
     */
    static String shapeProblem(String text) {
        int field = 1;
        int i = 0;
        int n = text.length();
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return "field " + field + ": a quoted field is not closed on this line (a stray quote, or a line "
                                + "break inside quotes: a record never spans two lines)";
                    }
                    if (text.charAt(i) == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                if (i < n && text.charAt(i) != ',') {
                    return "field " + field + ": text after the closing quote (a quote inside a quoted field must be doubled)";
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    if (text.charAt(i) == '"') {
                        return "field " + field + ": a quote inside an unquoted field (quote the whole field and double "
                                + "the quote)";
                    }
                    i++;
                }
            }
            if (i >= n) {
                return null;
            }
            i++; // the comma
            field++;
        }
    }

    private static boolean oddQuotes(String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return (quotes & 1) == 1;
    }

    /**
     * Where each field lies in the line, read leniently (a quote opens a field only at its start;
     * an unclosed quote is taken as a plain character): {start, end} offsets of the field's raw text.
     */
    static List<int[]> fieldSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            int start = i;
            if (i < n && text.charAt(i) == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    if (text.charAt(j) == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            j += 2;
                            continue;
                        }
                        j++;
                        closed = true;
                        break;
                    }
                    j++;
                }
                // an unclosed quote is taken literally: the commas after it still separate fields
                i = closed ? j : i + 1;
            }
            while (i < n && text.charAt(i) != ',') {
                i++;
            }
            spans.add(new int[]{start, i});
            if (i >= n) {
                return spans;
            }
            i++;
        }
    }

    /**
     * The name of a column other than {@code own} (or a {@code ;}-separated item of one) whose value
     * equals {@code value}, ignoring case; null when there is none.
     */
    String columnAlsoHolding(String value, String own) {
        boolean[] ownColumns = new boolean[fields.length];
        for (int i : header.indexesOf(own)) {
            ownColumns[i] = true;
        }
        return columnAlsoHolding(value, ownColumns);
    }

    /**
     * {@link #columnAlsoHolding(String, String)} with the own columns marked: each field is read item by
     * item in place (an item is the text between semicolons, trimmed as {@link String#trim} does),
     * nothing split or copied, since every claim line asks this of each of its fields.
     */
    String columnAlsoHolding(String value, boolean[] ownColumns) {
        int length = value.length();
        for (int i = 0; i < fields.length; i++) {
            if (i < ownColumns.length && ownColumns[i]) {
                continue;
            }
            String field = fields[i];
            int start = 0;
            while (true) {
                int end = field.indexOf(';', start);
                int itemEnd = end < 0 ? field.length() : end;
                int from = start;
                int to = itemEnd;
                while (from < to && field.charAt(from) <= ' ') {
                    from++;
                }
                while (to > from && field.charAt(to - 1) <= ' ') {
                    to--;
                }
                if (to - from == length && field.regionMatches(true, from, value, 0, length)) {
                    return header.nameOf(i);
                }
                if (end < 0) {
                    break;
                }
                start = end + 1;
            }
        }
        return null;
    }

    /** The trimmed value of column {@code index}, or null when the file has no such column ({@code index} < 0). */
    String carried(int index) {
        return index < 0 ? null : fields[index].trim();
    }

    /** The trimmed value, or null when the file has no such column. */
    String carried(String column) {
        return header.has(column) ? text(column) : null;
    }

    /** The trimmed value, or "" when the file has no such column. */
    String text(String column) {
        int i = header.indexOf(column);
        return i < 0 ? "" : fields[i].trim();
    }

    String required(String column) throws UnreadableRow {
        return required(column, text(column));
    }

    String maxLength(String column, String value, int max) throws UnreadableRow {
        if (characters(value) > max) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is longer than " + max + " characters");
        }
        return value;
    }

    String npi(String column, boolean required) throws UnreadableRow {
        return npi(column, text(column), required);
    }

    LocalDate date(String column, boolean required) throws UnreadableRow {
        return date(column, text(column), required);
    }

    Integer integer(String column, int min, int max, Integer fallback) throws UnreadableRow {
        return integer(column, text(column), min, max, fallback);
    }

    BigDecimal amount(String column) throws UnreadableRow {
        return amount(column, text(column));
    }

    // the value readers, shared by every format: a column's trimmed value ("" when empty or absent) in, a typed value out

    static String required(String column, String value) throws UnreadableRow {
        if (value.isEmpty()) {
            throw new UnreadableRow(column + ": required field is empty");
        }
        return value;
    }

    /** 10 digits; the check digit is a rule (NPI-INVALID), not a reading problem. */
    static String npi(String column, String text, boolean required) throws UnreadableRow {
        String value = required ? required(column, text) : text;
        if (!value.isEmpty() && !digits(value, 10)) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is not a 10-digit NPI");
        }
        return value.isEmpty() ? null : value;
    }

    /** {@code YYYY-MM-DD} or {@code MM/DD/YYYY}; null when empty and not required. */
    static LocalDate date(String column, String text, boolean required) throws UnreadableRow {
        String value = required ? required(column, text) : text;
        if (value.isEmpty()) {
            return null;
        }
        boolean us = value.indexOf('/') >= 0;
        LocalDate plain = us ? plainUsDate(value) : plainIsoDate(value);
        if (plain != null) {
            return plain;
        }
        try {
            return LocalDate.parse(value, us ? US : ISO);
        } catch (DateTimeParseException e) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is not a date (YYYY-MM-DD or MM/DD/YYYY)");
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when empty. */
    static Integer integer(String column, String value, int min, int max, Integer fallback) throws UnreadableRow {
        if (value.isEmpty()) {
            return fallback;
        }
        long n = plainWholeNumber(value);
        if (n >= 0) {
            return inRange(column, value, n, min, max);
        }
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            if (value.matches("[+-]?\\d+")) {
                throw new UnreadableRow(column + ": '" + shorten(value) + "' is above " + max);
            }
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is not a whole number");
        }
        return inRange(column, value, n, min, max);
    }

    private static Integer inRange(String column, String value, long n, int min, int max) throws UnreadableRow {
        if (n < min) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is below " + min);
        }
        if (n > max) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is above " + max);
        }
        return (int) n;
    }

    /** A decimal amount with at most 2 decimals; null when empty. */
    static BigDecimal amount(String column, String value) throws UnreadableRow {
        if (value.isEmpty()) {
            return null;
        }
        BigDecimal plain = plainAmount(value);
        if (plain != null) {
            return plain;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.scale() > 2 || amount.abs().compareTo(AMOUNT_LIMIT) >= 0) {
                throw new UnreadableRow(column + ": '" + shorten(value) + "' is not an amount with at most 2 decimals");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is not a decimal number");
        }
    }

    // the usual forms of a value, read without a formatter, a regular expression or an exception; each
    // gives null (or -1) for anything else, which the general reader above then reads or rejects as before

    /** Whether {@code value} is exactly {@code length} ASCII digits (what the pattern {@code \\d{n}} matches). */
    static boolean digits(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of ASCII digits {@code from} to {@code to} of {@code value}, or -1 when one is not a digit. */
    private static long digitsValue(String value, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** {@code YYYY-MM-DD} with four, two and two ASCII digits, an existing day; else null. */
    static LocalDate plainIsoDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        return existingDay((int) digitsValue(value, 0, 4), (int) digitsValue(value, 5, 7), (int) digitsValue(value, 8, 10));
    }

    /** {@code M/D/YYYY} with one or two digits for month and day, four for the year, an existing day; else null. */
    static LocalDate plainUsDate(String value) {
        int first = value.indexOf('/');
        int second = value.indexOf('/', first + 1);
        if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || value.length() - second != 5) {
            return null;
        }
        return existingDay((int) digitsValue(value, second + 1, value.length()), (int) digitsValue(value, 0, first),
                (int) digitsValue(value, first + 1, second));
    }

    private static LocalDate existingDay(int year, int month, int day) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The value of 1 to 9 ASCII digits, no sign; else -1. */
    static long plainWholeNumber(String value) {
        return value.length() > 9 ? -1 : digitsValue(value, 0, value.length());
    }

    /**
     * An amount written as an optional minus, 1 to 12 ASCII digits, and optionally a point and one or
     * two digits; else null. The same value and scale as {@code new BigDecimal(value)}.
     */
    static BigDecimal plainAmount(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        int point = value.indexOf('.');
        int wholeEnd = point < 0 ? value.length() : point;
        int scale = point < 0 ? 0 : value.length() - point - 1;
        if (wholeEnd - start < 1 || wholeEnd - start > 12 || point >= 0 && (scale < 1 || scale > 2)) {
            return null;
        }
        long whole = digitsValue(value, start, wholeEnd);
        long fraction = point < 0 ? 0 : digitsValue(value, point + 1, value.length());
        if (whole < 0 || fraction < 0) {
            return null;
        }
        long unscaled = whole * (scale == 2 ? 100 : scale == 1 ? 10 : 1) + fraction;
        return BigDecimal.valueOf(start == 1 ? -unscaled : unscaled, scale);
    }

    /**
     * A value as a reason quotes it. Values longer than 40 characters are not quoted at all: a
     * reason stays readable, and a long value (a member id in the wrong column, a pasted note) never
     * reaches rejected.csv's reason column.
     */
    static String shorten(String value) {
        return characters(value) <= 40 ? value : "(a value of " + characters(value) + " characters)";
    }

    /**
     * A value's length as a reader counts it: in characters (Unicode code points), so a name of 100
     * characters outside the Basic Multilingual Plane is 100, not the 200 UTF-16 units Java counts.
     * The staging columns are twice as wide as the limits, which holds any such value.
     */
    static int characters(String value) {
        return value.codePointCount(0, value.length());
    }
}
