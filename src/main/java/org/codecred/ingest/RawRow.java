package org.codecred.ingest;

/**
 * One physical line of an input CSV file, not yet parsed.
 *
 * @param lineNumber physical line number (the header is line 1)
 * @param text       the line without its line end
 */
public record RawRow(CsvHeader header, long lineNumber, String text) {

    public String file() {
        return header.file();
    }
}
