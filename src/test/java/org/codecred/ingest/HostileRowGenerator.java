package org.codecred.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates claim and roster files of hostile rows from a seed: random bytes (bytes that are not UTF-8,
 * NUL, CR), quotes anywhere, doubled quotes, line breaks inside quotes, missing and extra fields, very
 * long fields, formulas, numbers that overflow, other encodings. Every member id is distinctive
 * ({@code QZ} and ten letters or digits) and recorded, so a test can look for any of them in outputs.
 */
public final class HostileRowGenerator {

    public static final String CLAIMS_HEADER = "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,"
            + "procedure_code,modifiers,units,minutes,diagnosis_codes,place_of_service,charge";
    public static final String ROSTER_HEADER = "npi,last_name,first_name,credential,license_number,license_state,"
            + "license_expires,taxonomy_code,specialties,date_of_birth";

    private static final String[] CODES = {"90834", "90837", "90791", "99214", "90832", "9083X", "96159", "90785"};
    private static final String[] NPIS = {"1234567893", "1000000004", "1234567890"};
    private static final String[] HOSTILE = {"=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=x", "=HYPERLINK(\"x\")",
            "\u202Eevil", "'", "\\", "\\\"", ";;;;", "NULL", "null", "2147483648", "-2147483649", "99999999999999999999",
            "0", "-1", "1e9", "Ω≈ç√", "日本語", "\uD83D\uDE00"};

    private final Random random;
    private final Set<String> memberIds = new LinkedHashSet<>();

    public HostileRowGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Every member id the generated rows carry. */
    public Set<String> memberIds() {
        return memberIds;
    }

    /** A claims file of {@code rows} generated rows (some of them span two lines or are blank). */
    public byte[] claims(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean crlf = random.nextInt(4) == 0;
        write(out, CLAIMS_HEADER, crlf);
        for (int i = 0; i < rows; i++) {
            List<String> fields = claimFields(i);
            write(out, mutate(fields, 4), crlf);
        }
        return out.toByteArray();
    }

    public byte[] roster(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, ROSTER_HEADER, false);
        for (int i = 0; i < rows; i++) {
            List<String> fields = new ArrayList<>(List.of(pick(NPIS), "Name" + i, "First", pick(new String[]{"LCSW", "MD", "PhD", "LMFT", "X"}),
                    "LIC" + i, pick(new String[]{"MA", "ny", "ZZZ", ""}), "2030-01-0" + (1 + random.nextInt(9)),
                    pick(new String[]{"1041C0700X", "2084P0800X", "bad", ""}), pick(new String[]{"trauma", "trauma;family-therapy",
                            "x".repeat(41) + ";" + "x".repeat(42), ""}), "1980-01-01"));
            write(out, mutate(fields, -1), false);
        }
        return out.toByteArray();
    }

    private List<String> claimFields(int i) {
        String member = "QZ" + token(10);
        memberIds.add(member);
        return new ArrayList<>(List.of("C" + i, Integer.toString(1 + random.nextInt(9)), pick(NPIS), "",
                member, "1980-04-02", random.nextInt(20) == 0 ? "2026-09-30" : "2026-10-" + (10 + random.nextInt(19)),
                pick(CODES), pick(new String[]{"", "95", "GT;59", "XX;YY;ZZ;AA;BB"}), Integer.toString(1 + random.nextInt(4)),
                pick(new String[]{"", "45", "60", "20"}), pick(new String[]{"F41.1", "F4310;Z63.0", "296.32", ""}), "11", "140.00"));
    }

    /** Applies 0 to 3 mutations; returns the row's bytes (which may hold a line break). */
    private byte[] mutate(List<String> fields, int memberColumn) {
        int mutations = random.nextInt(4);
        boolean quoteAll = false;
        byte[] injected = null;
        int injectAt = -1;
        String lineBreakIn = null;
        for (int m = 0; m < mutations; m++) {
            int f = random.nextInt(fields.size());
            switch (random.nextInt(12)) {
                case 0 -> fields.set(f, insert(fields.get(f), "\""));
                case 1 -> fields.set(f, pick(HOSTILE));
                case 2 -> fields.remove(f);
                case 3 -> fields.add(f, token(random.nextInt(6)));
                case 4 -> fields.set(f, "L".repeat(50 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 300)));
                case 5 -> quoteAll = true;
                case 6 -> {
                    injected = randomBytes();
                    injectAt = random.nextInt(fields.size());
                }
                case 7 -> lineBreakIn = memberColumn >= 0 ? "member" : "any";
                case 8 -> {
                    if (memberColumn >= 0 && memberColumn < fields.size()) {
                        // the member id typed into another field as well
                        fields.set(f, fields.get(memberColumn));
                    }
                }
                case 9 -> fields.set(f, fields.get(f) + ",\"" + token(3) + "\"\"" + token(2));
                case 10 -> fields.set(f, " " + fields.get(f) + " ");
                default -> fields.set(f, fields.get(f).replace('0', '\u00E9'));
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String value = fields.get(i);
            boolean quote = quoteAll || value.contains(",") && random.nextBoolean() || random.nextInt(15) == 0;
            if (lineBreakIn != null && i == Math.min(fields.size() - 1, 4)) {
                value = value.substring(0, value.length() / 2) + "\n" + value.substring(value.length() / 2);
                quote = true;
            }
            if (i > 0) {
                text.append(',');
            }
            text.append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        byte[] bytes = random.nextInt(40) == 0 ? text.toString().getBytes(StandardCharsets.ISO_8859_1)
                : random.nextInt(80) == 0 ? text.toString().getBytes(StandardCharsets.UTF_16LE)
                : text.toString().getBytes(StandardCharsets.UTF_8);
        if (injected != null) {
            int at = Math.min(bytes.length, random.nextInt(bytes.length + 1));
            byte[] joined = new byte[bytes.length + injected.length];
            System.arraycopy(bytes, 0, joined, 0, at);
            System.arraycopy(injected, 0, joined, at, injected.length);
            System.arraycopy(bytes, at, joined, at + injected.length, bytes.length - at);
            bytes = joined;
        }
        return bytes;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(4)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && random.nextBoolean()) {
                bytes[i] = (byte) 0xC3;
            }
        }
        return bytes;
    }

    private void write(ByteArrayOutputStream out, String line, boolean crlf) {
        write(out, line.getBytes(StandardCharsets.UTF_8), crlf);
    }

    private void write(ByteArrayOutputStream out, byte[] line, boolean crlf) {
        out.writeBytes(line);
        out.writeBytes(crlf ? new byte[]{'\r', '\n'} : new byte[]{'\n'});
        if (random.nextInt(50) == 0) {
            out.writeBytes(random.nextBoolean() ? new byte[]{'\n'} : new byte[]{' ', '\t', '\r', '\n'});
        }
    }

    private String insert(String value, String what) {
        int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
        return value.substring(0, at) + what + value.substring(at);
    }

    private String token(int length) {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The line numbers of the non-blank physical lines after the header, as a reader must see them. */
    public static List<Long> dataLines(byte[] file) {
        List<Long> lines = new ArrayList<>();
        int start = 0;
        long number = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                if (i == file.length && start == i) {
                    break;
                }
                number++;
                int end = i > start && file[i - 1] == '\r' ? i - 1 : i;
                String text = new String(file, start, end - start, StandardCharsets.UTF_8);
                if (number > 1 && !text.isBlank()) {
                    lines.add(number);
                }
                start = i + 1;
            }
        }
        return lines;
    }
}
