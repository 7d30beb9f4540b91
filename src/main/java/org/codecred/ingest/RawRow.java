package org.codecred.ingest;

/**
 * One physical line of an input CSV file, not yet parsed.
 *
 * @param lineNumber   physical line number (the header is line 1)
 * @param text         the line without its line end (bytes that are not UTF-8 shown as U+FFFD)
 * @param problem      why the line cannot be read at all before splitting it (not UTF-8, too long), or null
 * @param previousLine the physical line before this one (null for the first data line): a quoted field
 *                     left open there explains a stray quote here
 */
public record RawRow(CsvHeader header, long lineNumber, String text, String problem, String previousLine) {

    public RawRow(CsvHeader header, long lineNumber, String text) {
        this(header, lineNumber, text, null, null);
    }

    public String file() {
        return header.file();
    }
}
