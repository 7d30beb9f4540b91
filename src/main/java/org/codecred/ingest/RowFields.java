package org.codecred.ingest;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The fields of one input row, looked up by column name. Every accessor that cannot read its field
 * throws {@link Unreadable} with a reason naming the field and the value, which becomes the row's
 * line in rejected.csv.
 */
final class RowFields {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Why a row cannot be read. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final CsvHeader header;
    private final String[] fields;

    private RowFields(CsvHeader header, String[] fields) {
        this.header = header;
        this.fields = fields;
    }

    /** Splits the row with the RFC 4180 parser; a quote that is never closed on this line rejects it. */
    static RowFields parse(RawRow row) throws Unreadable {
        if (row.text().indexOf('\uFFFD') >= 0) {
            throw new Unreadable("the line is not valid UTF-8 text");
        }
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        String[] fields;
        try {
            fields = parser.parseLineMulti(row.text());
        } catch (IOException e) {
            throw new Unreadable("the line cannot be split into fields: " + e.getMessage());
        }
        if (parser.isPending()) {
            throw new Unreadable("a quoted field is not closed on this line (stray or unbalanced quote)");
        }
        if (fields.length != row.header().width()) {
            throw new Unreadable("expected " + row.header().width() + " fields as in the header, found " + fields.length);
        }
        return new RowFields(row.header(), fields);
    }

    /**
     * Fields already split by another reader (an X12 service line mapped to the claim columns):
     * the same checks and accessors as a CSV row, without the CSV split.
     */
    static RowFields of(CsvHeader header, String[] fields) throws Unreadable {
        for (String field : fields) {
            if (field.indexOf('\uFFFD') >= 0) {
                throw new Unreadable("the line is not valid UTF-8 text");
            }
        }
        if (fields.length != header.width()) {
            throw new IllegalArgumentException("expected " + header.width() + " fields, got " + fields.length);
        }
        return new RowFields(header, fields);
    }

    /** The trimmed value, or "" when the file has no such column. */
    String text(String column) {
        int i = header.indexOf(column);
        return i < 0 ? "" : fields[i].trim();
    }

    String required(String column) throws Unreadable {
        String value = text(column);
        if (value.isEmpty()) {
            throw new Unreadable(column + ": required field is empty");
        }
        return value;
    }

    String maxLength(String column, String value, int max) throws Unreadable {
        if (value.length() > max) {
            throw new Unreadable(column + ": '" + shorten(value) + "' is longer than " + max + " characters");
        }
        return value;
    }

    /** 10 digits; the check digit is a rule (NPI-INVALID), not a reading problem. */
    String npi(String column, boolean required) throws Unreadable {
        String value = required ? required(column) : text(column);
        if (!value.isEmpty() && !value.matches("\\d{10}")) {
            throw new Unreadable(column + ": '" + shorten(value) + "' is not a 10-digit NPI");
        }
        return value.isEmpty() ? null : value;
    }

    /** {@code YYYY-MM-DD} or {@code MM/DD/YYYY}; null when empty and not required. */
    LocalDate date(String column, boolean required) throws Unreadable {
        String value = required ? required(column) : text(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, value.contains("/") ? US : ISO);
        } catch (DateTimeParseException e) {
            throw new Unreadable(column + ": '" + shorten(value) + "' is not a date (YYYY-MM-DD or MM/DD/YYYY)");
        }
    }

    /** A whole number ≥ {@code min}; {@code fallback} when empty. */
    Integer integer(String column, int min, Integer fallback) throws Unreadable {
        String value = text(column);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min) {
                throw new Unreadable(column + ": '" + value + "' is below " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Unreadable(column + ": '" + shorten(value) + "' is not a whole number");
        }
    }

    /** A decimal amount with at most 2 decimals; null when empty. */
    BigDecimal amount(String column) throws Unreadable {
        String value = text(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.scale() > 2 || amount.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
                throw new Unreadable(column + ": '" + shorten(value) + "' is not an amount with at most 2 decimals");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new Unreadable(column + ": '" + shorten(value) + "' is not a decimal number");
        }
    }

    /** Values cut so a reason stays readable. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
