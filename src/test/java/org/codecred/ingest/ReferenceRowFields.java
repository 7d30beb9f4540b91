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

/*
 * A frozen copy of the claim-row reader as it was at 52a6a0a, before issue 27 gave it fast paths: the
 * oracle ClaimRowParserAgreesWithReferenceTest compares the production reader with, value for value and
 * reason for reason. Never change it to make that test pass.
 */
/**
 * The fields of one input row, looked up by column name. Every accessor that cannot read its field
 * throws {@link UnreadableRow} with a reason naming the field and the value, which becomes the row's
 * line in rejected.csv.
 */
final class ReferenceRowFields {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** Compiled once: String.matches compiles its pattern on every call, twice per claim line here. */
    private static final java.util.regex.Pattern NPI = java.util.regex.Pattern.compile("\\d{10}");

    private final CsvHeader header;
    private final String[] fields;

    private ReferenceRowFields(CsvHeader header, String[] fields) {
        this.header = header;
        this.fields = fields;
    }

    /**
     * Splits the row with the RFC 4180 parser after checking it is one well-formed record on one
     * line: readable bytes, no control character, quotes only around whole fields, every quoted field
     * closed on this line, as many fields as the header.
     */
    static ReferenceRowFields parse(RawRow row) throws UnreadableRow {
        if (row.problem() != null) {
            throw new UnreadableRow(row.problem());
        }
        String text = row.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw new UnreadableRow("the line holds a control character (U+" + String.format("%04X", (int) c)
                        + ") at position " + (i + 1));
            }
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
        return new ReferenceRowFields(row.header(), fields);
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
        java.util.Set<Integer> ownColumns = new java.util.HashSet<>(header.indexesOf(own));
        for (int i = 0; i < fields.length; i++) {
            if (ownColumns.contains(i)) {
                continue;
            }
            for (String item : fields[i].split(";", -1)) {
                if (item.trim().equalsIgnoreCase(value)) {
                    return header.nameOf(i);
                }
            }
        }
        return null;
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
        if (!value.isEmpty() && !NPI.matcher(value).matches()) {
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
        try {
            return LocalDate.parse(value, value.contains("/") ? US : ISO);
        } catch (DateTimeParseException e) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is not a date (YYYY-MM-DD or MM/DD/YYYY)");
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when empty. */
    static Integer integer(String column, String value, int min, int max, Integer fallback) throws UnreadableRow {
        if (value.isEmpty()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            if (value.matches("[+-]?\\d+")) {
                throw new UnreadableRow(column + ": '" + shorten(value) + "' is above " + max);
            }
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is not a whole number");
        }
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
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.scale() > 2 || amount.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
                throw new UnreadableRow(column + ": '" + shorten(value) + "' is not an amount with at most 2 decimals");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new UnreadableRow(column + ": '" + shorten(value) + "' is not a decimal number");
        }
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
