package org.codecred.rules;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.codecred.ingest.CsvHeader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An editable rule table under {@code jobs/rules/}: a CSV file with a header row, matched
 * case-insensitively. Lines starting with {@code #} are comments, so users can annotate tables.
 * Every problem is reported as a {@link RuleTableException} naming file, line and column.
 */
public final class RuleTable {

    private final Path file;
    private final List<Row> rows;

    private RuleTable(Path file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** Reads {@code file}, requiring every column in {@code required}. */
    public static RuleTable load(Path file, String... required) {
        if (!Files.isReadable(file)) {
            throw new RuleTableException("rule table " + file + " is missing or unreadable");
        }
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(in)
                     .withCSVParser(new RFC4180ParserBuilder().build())
                     .withMultilineLimit(1)
                     .build()) {
            CsvHeader header = null;
            String[] fields;
            while ((fields = csv.readNext()) != null) {
                long line = csv.getLinesRead();
                if (isCommentOrBlank(fields)) {
                    continue;
                }
                if (header == null) {
                    header = new CsvHeader(file.toString(), fields);
                    for (String column : required) {
                        if (!header.has(column.toLowerCase(Locale.ROOT))) {
                            throw new RuleTableException("rule table " + file + " line " + line
                                    + ": missing column '" + column + "' (header: " + String.join(",", fields) + ")");
                        }
                    }
                    continue;
                }
                rows.add(new Row(file, line, header, fields));
            }
            if (header == null) {
                throw new RuleTableException("rule table " + file + " has no header row");
            }
        } catch (IOException | CsvException e) {
            throw new RuleTableException("rule table " + file + " cannot be read: " + e.getMessage());
        }
        return new RuleTable(file, List.copyOf(rows));
    }

    private static boolean isCommentOrBlank(String[] fields) {
        return (fields.length == 1 && fields[0].isBlank()) || fields[0].stripLeading().startsWith("#");
    }

    public Path file() {
        return file;
    }

    public List<Row> rows() {
        return rows;
    }

    /** One data row; accessors trim values and report bad ones with file, line and column. */
    public static final class Row {
        private final Path file;
        private final long line;
        private final CsvHeader header;
        private final String[] fields;

        Row(Path file, long line, CsvHeader header, String[] fields) {
            this.file = file;
            this.line = line;
            this.header = header;
            this.fields = fields;
        }

        public long line() {
            return line;
        }

        /** The trimmed value, or "" when the column is absent or the row is short. */
        public String get(String column) {
            int index = header.indexOf(column.toLowerCase(Locale.ROOT));
            if (index < 0 || index >= fields.length) {
                return "";
            }
            return fields[index].trim();
        }

        public String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw problem(column, value, "a value is required");
            }
            return value;
        }

        /** An integer, or {@code fallback} when empty. */
        public int intOr(String column, int fallback) {
            String value = get(column);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw problem(column, value, "not a whole number");
            }
        }

        public double doubleOr(String column, double fallback) {
            String value = get(column);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw problem(column, value, "not a number");
            }
        }

        /** An ISO date ({@code YYYY-MM-DD}), or {@code fallback} when empty. */
        public LocalDate dateOr(String column, LocalDate fallback) {
            String value = get(column);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw problem(column, value, "not a date YYYY-MM-DD");
            }
        }

        /** A list written with {@code ;} between values; empty when the cell is empty. */
        public List<String> list(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (String part : value.split(";")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
            return values;
        }

        public RuleTableException problem(String column, String value, String what) {
            return new RuleTableException("rule table " + file + " line " + line + ", column '" + column
                    + "': '" + value + "' " + what);
        }
    }
}
