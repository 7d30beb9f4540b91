package org.codecred.ingest;

import com.opencsv.RFC4180ParserBuilder;
import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27: the claim-row reader reads the usual forms of each field without a formatter, a regular
 * expression or an exception, and falls back to the general reader for anything else. Whatever a row
 * holds, it must give exactly what the reader gave before (a frozen copy, {@link ReferenceClaimRowParser}):
 * the same accepted values (scale of amounts included) or the same reject, reason and masked raw text.
 */
class ClaimRowParserAgreesWithReferenceTest {

    private static final String HEADER = HostileRowGenerator.CLAIMS_HEADER;
    private static final String GOOD = "C1,1,1234567893,1234567893,MBR0001234,1980-04-02,2026-10-05,90834,95,1,45,F43.10,10,140.00";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    /** Values that sit on an edge of some field's reading: forms the fast paths take, and forms they must leave alone. */
    private static final String[] EDGES = {
            "", " ", "0", "00", "1", "01", "+1", "-1", "-0", "45", " 45 ", "1440", "1441", "99999", "100000", "999999999",
            "1000000000", "2147483647", "2147483648", "99999999999999999999", "1e3", "\u0661\u0662", "\uFF11",
            "2026-10-05", "2026-10-31", "2026-11-31", "2026-02-29", "2024-02-29", "2026-9-05", "2026-10-5", "0000-10-01",
            "+2026-10-05", "20260-10-05", "2026-10-05x", "2026/10/05", "10/5/2026", "10/05/2026", "1/1/2026", "010/05/2026",
            "10/005/2026", "10/05/26", "10/05/02026", "10/05/+2026", "13/05/2026", "2/29/2024", "2/29/2026", "10//2026",
            "/10/2026", "10/5/2026/", "\uFF11\uFF10/05/2026", "2026-10-0\u0665", "1980-04-02", "09/30/2026",
            "140", "140.", "140.0", "140.00", "140.000", ".5", "-0.00", "-5.25", "+5", "1e2", "999999999999.99",
            "1000000000000", "0999999999999", "00000000000001.00", "-999999999999.99", "1,5", "--1", "-", ".", "1.2.3",
            "1234567893", "123456789", "12345678901", "123456789O", "\u0661234567893", "90834", "9083", "908340", "g0834",
            "gt", "GT;59", "gt; 59", "95;", ";95", "95;;59", "95;59;GT;XU", "95;59;GT;XU;25", "X", "XYZ", "ı5", "ſ1",
            "F43.10", "F4310", "f4310", "F43101234", "F4", "Z63.0;F41.1", ";F41.1;", " ; ", "296.32", "F4310;F411;F419;F42;F431;F432;"
                    + "F433;F434;F435;F436;F437;F438;F439", "ABCDEFGHIJKLMNOPQ", "F4310ABCD", "11", "1", "111", "\u0661\u0661",
            "7", "8", "2", "MBR0001234", "mbr0001234", " MBR0001234 ", "MBR0001234;X", "QZ", "QZ123", "QZ1234",
            "\uD83D\uDE00", "x".repeat(65), "日本語",
    };

    @Test
    void everyFieldOnEveryEdgeReadsAsBefore() {
        String[] good = GOOD.split(",", -1);
        for (YearMonth month : new YearMonth[]{OCTOBER, null}) {
            ClaimRowParser parser = new ClaimRowParser(month);
            ReferenceClaimRowParser reference = new ReferenceClaimRowParser(month);
            int line = 2;
            for (int column = 0; column < good.length; column++) {
                for (String edge : EDGES) {
                    if (edge.contains(",")) {
                        continue;
                    }
                    String[] fields = good.clone();
                    fields[column] = edge;
                    agree(parser, reference, HEADER, String.join(",", fields), line++);
                    // the same value in a second column too (a member id standing elsewhere)
                    fields[(column + 4) % fields.length] = edge;
                    agree(parser, reference, HEADER, String.join(",", fields), line++);
                }
            }
        }
    }

    /** The 837 path: the same fields as an 837 service line gives them (absent minutes), through both validators. */
    @Test
    void theValidatorEveryFormatSharesReadsAsBefore() {
        String[] good = {"C1", "1", "1234567893", "1234567893", "MBR0001234", "1980-04-02", "20261005", "90834", "95", "1",
                null, "F4310", "11", "140", "1"};
        for (YearMonth month : new YearMonth[]{OCTOBER, null}) {
            ClaimLineValidator validator = new ClaimLineValidator(month);
            ReferenceClaimLineValidator reference = new ReferenceClaimLineValidator(month);
            for (int field = 0; field < good.length; field++) {
                for (String edge : EDGES) {
                    String[] values = good.clone();
                    values[field] = edge;
                    ClaimFields fields = new ClaimFields(values[0], values[1], values[2], values[3], values[4], values[5],
                            values[6].equals("20261005") ? "2026-10-05" : values[6], values[7], values[8], values[9],
                            values[10], values[11], values[12], values[13], values[14]);
                    assertThat(outcome(() -> validator.validate("claims.837", 7, fields, fields::fieldAlsoHolding)))
                            .as("%s", fields)
                            .isEqualTo(outcome(() -> reference.validate("claims.837", 7, fields, fields::fieldAlsoHolding)));
                }
            }
        }
    }

    @Test
    void headersOfEveryShapeReadAsBefore() {
        ClaimRowParser parser = new ClaimRowParser(OCTOBER);
        ReferenceClaimRowParser reference = new ReferenceClaimRowParser(OCTOBER);
        // columns in another order, optional ones missing, an unknown column, member_id twice, claim_frequency
        agree(parser, reference, "Member_ID,SERVICE_DATE,Procedure_Code,Claim_Id,LINE_NO,Rendering_NPI",
                "MBR0001234,10/05/2026,90837,C9,2,1234567893", 2);
        agree(parser, reference, HEADER + ",note", GOOD + ",MBR0001234", 3);
        agree(parser, reference, HEADER + ",note", GOOD + ",mbr0001234;x", 4);
        agree(parser, reference, HEADER + ",member_id", GOOD + ",MBR0001234", 5);
        agree(parser, reference, HEADER + ",member_id", GOOD + ",OTHER", 6);
        agree(parser, reference, HEADER + ",claim_frequency", GOOD + ",7", 7);
        agree(parser, reference, HEADER + ",claim_frequency", GOOD.replace("2026-10-05", "2026-09-30") + ",8", 8);
        agree(parser, reference, HEADER, GOOD + ",", 9);
        agree(parser, reference, HEADER, GOOD.substring(0, GOOD.lastIndexOf(',')), 10);
        agree(parser, reference, HEADER, "\"C1\"," + GOOD.substring(3), 11);
        agree(parser, reference, HEADER, GOOD.replace("F43.10", "\"F43.10;F41.1\""), 12);
    }

    @Test
    void hostileFilesReadAsBefore(@TempDir Path tmp) throws Exception {
        for (long seed : new long[]{19L, 20261001L, 424242L, 7L, 27L}) {
            Path file = tmp.resolve("claims-" + seed + ".csv");
            Files.write(file, new HostileRowGenerator(seed).claims(3000));
            ClaimRowParser parser = new ClaimRowParser(OCTOBER);
            ReferenceClaimRowParser reference = new ReferenceClaimRowParser(OCTOBER);
            CsvLineReader reader = new CsvLineReader("agree", List.of(file));
            reader.open(new ExecutionContext());
            int rows = 0;
            try {
                RawRow row;
                while ((row = reader.read()) != null) {
                    assertThat(parser.parse(row)).as("seed %d line %d: %s", seed, row.lineNumber(), row.text())
                            .isEqualTo(reference.parse(row));
                    rows++;
                }
            } finally {
                reader.close();
            }
            assertThat(rows).isGreaterThan(2900);
        }
    }

    /** Random short values over the characters the readers care about, through each reader of both. */
    @Test
    void valueReadersAgreeOnRandomValues() {
        Random random = new Random(27);
        String alphabet = "0123456789012345678901234567890123456789-/.+ e\u0661\uFF11aZ;";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = value.toString().trim();
            assertThat(outcome(() -> RowFields.date("d", v, false))).as(v).isEqualTo(outcome(() -> ReferenceRowFields.date("d", v, false)));
            assertThat(outcome(() -> RowFields.integer("i", v, 0, 1440, null)))
                    .as(v).isEqualTo(outcome(() -> ReferenceRowFields.integer("i", v, 0, 1440, null)));
            assertThat(outcome(() -> RowFields.integer("i", v, 1, Integer.MAX_VALUE, 1)))
                    .as(v).isEqualTo(outcome(() -> ReferenceRowFields.integer("i", v, 1, Integer.MAX_VALUE, 1)));
            assertThat(outcome(() -> RowFields.amount("a", v))).as(v).isEqualTo(outcome(() -> ReferenceRowFields.amount("a", v)));
            assertThat(outcome(() -> RowFields.npi("n", v, false))).as(v).isEqualTo(outcome(() -> ReferenceRowFields.npi("n", v, false)));
        }
    }

    /** Every day of four centuries and a few impossible ones, in both forms, as the formatters read them. */
    @Test
    void datesAgreeOnEveryDay() {
        for (int year : new int[]{0, 1, 999, 1900, 1980, 2000, 2024, 2026, 2100, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    for (String v : new String[]{String.format("%04d-%02d-%02d", year, month, day),
                            String.format("%d/%d/%04d", month, day, year), String.format("%02d/%02d/%04d", month, day, year)}) {
                        assertThat(outcome(() -> RowFields.date("d", v, true))).as(v)
                                .isEqualTo(outcome(() -> ReferenceRowFields.date("d", v, true)));
                    }
                }
            }
        }
    }

    @Test
    void aLineWithoutQuotesSplitsAsTheCsvParserSplitsIt() throws Exception {
        Random random = new Random(4180);
        String alphabet = "ab ,,\t;\u00E9\u65E5\uD83D\uDE00x";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = line.toString();
            assertThat(RowFields.plainFields(text)).as("[%s]", text)
                    .containsExactly(new RFC4180ParserBuilder().build().parseLine(text));
        }
    }

    private static void agree(ClaimRowParser parser, ReferenceClaimRowParser reference, String header, String text, int line) {
        RawRow row = new RawRow(new CsvHeader("claims-agree.csv", header.split(",")), line, text);
        IngestResult<ClaimLine> expected = reference.parse(row);
        assertThat(parser.parse(row)).as("[%s] under [%s]", text, header).isEqualTo(expected);
        if (expected instanceof IngestResult.Accepted<ClaimLine> a && a.value().charge() != null) {
            assertThat(((IngestResult.Accepted<ClaimLine>) parser.parse(row)).value().charge().scale())
                    .isEqualTo(a.value().charge().scale());
        }
    }

    private interface Reading {
        Object read() throws UnreadableRow;
    }

    /** The value read (with its type and, for amounts, its scale), or the reason it was not. */
    private static String outcome(Reading reading) {
        try {
            Object value = reading.read();
            return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        } catch (UnreadableRow e) {
            return "rejected: " + e.getMessage();
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
