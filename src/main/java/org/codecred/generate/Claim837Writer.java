package org.codecred.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes claim lines as an 837P file (005010X222A1) in the shape clearinghouses send: {@code ~}
 * terminators each followed by a line end, {@code *} and {@code :} separators, one interchange
 * (ISA/GS … GE/IEA) per {@value #SETS_PER_INTERCHANGE} transaction sets, one transaction set per
 * {@value #CLAIMS_PER_SET} claims, counts and control numbers as the envelope requires.
 *
 * <p>Lines arrive one at a time; consecutive lines of one claim id make one CLM. A member under 18
 * on the service date is a dependent: the claim sits under a patient loop (2000C) below a
 * subscriber whose id is the member's with the suffix {@code -S} — so the staged member id is
 * {@code <subscriber id>/<birth date>} as the contract says. Every fourth claim carries its
 * rendering provider at line level (2420A), the others at claim level (2310B).
 */
final class Claim837Writer implements ClaimFile {

    static final int CLAIMS_PER_SET = 500;
    static final int SETS_PER_INTERCHANGE = 20;
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final BufferedWriter out;
    private final YearMonth month;
    private final String sender;
    private final List<SampleMonthGenerator.Line> claim = new ArrayList<>();

    private int interchangeNumber;
    private int setsInInterchange;
    private int setNumber;
    private int claimsInSet;
    private int segmentsInSet;
    private int hl;
    private String billingNpi;
    private int billingHl;
    private boolean open;

    /** @param sender the submitter id (ISA06, GS02, NM1*41), up to 15 characters */
    Claim837Writer(Path file, YearMonth month, String sender) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        this.month = month;
        this.sender = sender;
    }

    @Override
    public void write(SampleMonthGenerator.Line line) {
        if (!claim.isEmpty() && !claim.get(0).claimId().equals(line.claimId())) {
            flushClaim();
        }
        claim.add(line);
    }

    /**
     * A transaction set of its own holding the given loops (HL onwards) exactly as written, with
     * SE01 off by {@code countError} (0 for a correct count): for the planted unreadable cases.
     */
    void rawSet(List<String> segments, int countError) {
        flushClaim();
        if (open) {
            closeSet(0);
        }
        openSet();
        for (String segment : segments) {
            segment(segment);
        }
        closeSet(countError);
    }

    /** Ends the open transaction set, so the next claim starts a new one. */
    void endSet() {
        flushClaim();
        if (open) {
            closeSet(0);
        }
    }

    private void flushClaim() {
        if (claim.isEmpty()) {
            return;
        }
        if (!open || claimsInSet >= CLAIMS_PER_SET) {
            if (open) {
                closeSet(0);
            }
            openSet();
        }
        writeClaim(claim);
        claimsInSet++;
        claim.clear();
    }

    private void openSet() {
        if (interchangeNumber == 0 || setsInInterchange >= SETS_PER_INTERCHANGE) {
            if (interchangeNumber > 0) {
                closeInterchange();
            }
            interchangeNumber++;
            setsInInterchange = 0;
            LocalDate sent = month.atEndOfMonth().plusDays(1);
            segment("ISA*00*          *00*          *ZZ*" + pad(sender) + "*ZZ*" + pad("CODECREDPAYER") + "*"
                    + sent.format(DateTimeFormatter.ofPattern("yyMMdd")) + "*0200*^*00501*" + control9() + "*0*P*:");
            segment("GS*HC*" + sender + "*CODECREDPAYER*" + sent.format(D8) + "*0200*" + interchangeNumber
                    + "*X*005010X222A1");
        }
        setsInInterchange++;
        setNumber++;
        claimsInSet = 0;
        segmentsInSet = 0;
        hl = 0;
        billingNpi = null;
        open = true;
        segment("ST*837*" + String.format("%04d", setNumber) + "*005010X222A1");
        segment("BHT*0019*00*" + sender + setNumber + "*" + month.atEndOfMonth().plusDays(1).format(D8) + "*0200*CH");
        segment("NM1*41*2*" + sender + "*****46*" + sender);
        segment("PER*IC*CLAIMS DESK*TE*6175550100");
        segment("NM1*40*2*CODECRED PAYER*****46*CODECREDPAYER");
    }

    private void closeSet(int countError) {
        segment("SE*" + (segmentsInSet + 1 + countError) + "*" + String.format("%04d", setNumber));
        open = false;
    }

    private void closeInterchange() {
        segment("GE*" + setsInInterchange + "*" + interchangeNumber);
        segment("IEA*1*" + control9());
    }

    private void writeClaim(List<SampleMonthGenerator.Line> lines) {
        SampleMonthGenerator.Line first = lines.get(0);
        String billing = first.billingNpi() != null ? first.billingNpi() : first.renderingNpi();
        if (!billing.equals(billingNpi)) {
            billingNpi = billing;
            billingHl = ++hl;
            segment("HL*" + billingHl + "**20*1");
            segment("PRV*BI*PXC*261QM0801X");
            segment("NM1*85*2*BEHAVIORAL HEALTH GROUP " + billing.substring(6) + "*****XX*" + billing);
            segment("N3*100 MAIN ST");
            segment("N4*BOSTON*MA*021101234");
            segment("REF*EI*04" + billing.substring(3));
        }
        boolean dependent = first.memberDob() != null && Period.between(first.memberDob(), first.serviceDate()).getYears() < 18;
        int subscriberHl = ++hl;
        segment("HL*" + subscriberHl + "*" + billingHl + "*22*" + (dependent ? "1" : "0"));
        segment("SBR*" + (dependent ? "P*" : "P*18*") + "GRP" + billing.substring(5) + "******CI");
        if (dependent) {
            segment("NM1*IL*1*SUBSCRIBER*POLICY****MI*" + first.memberId() + "-S");
            segment("NM1*PR*2*CODECRED PAYER*****PI*CODECREDPAYER");
            segment("HL*" + (++hl) + "*" + subscriberHl + "*23*0");
            segment("PAT*19");
            segment("NM1*QC*1*DEPENDENT*CHILD");
            segment("N3*1 ELM ST");
            segment("N4*BOSTON*MA*02110");
            segment("DMG*D8*" + first.memberDob().format(D8) + "*U");
        } else {
            segment("NM1*IL*1*MEMBER*PATIENT****MI*" + first.memberId());
            segment("N3*1 ELM ST");
            segment("N4*BOSTON*MA*02110");
            if (first.memberDob() != null) {
                segment("DMG*D8*" + first.memberDob().format(D8) + "*U");
            }
            segment("NM1*PR*2*CODECRED PAYER*****PI*CODECREDPAYER");
        }
        Map<String, Integer> pointers = new LinkedHashMap<>();
        for (SampleMonthGenerator.Line line : lines) {
            for (String dx : diagnoses(line)) {
                pointers.putIfAbsent(dx, pointers.size() + 1);
            }
        }
        String claimPos = first.pos() == null ? "11" : first.pos();
        segment("CLM*" + first.claimId() + "*" + total(lines) + "***" + claimPos + ":B:1*Y*A*Y*Y");
        if (!pointers.isEmpty()) {
            StringBuilder hi = new StringBuilder("HI");
            int n = 0;
            for (String dx : pointers.keySet()) {
                if (n++ < 12) {
                    hi.append('*').append(n == 1 ? "ABK:" : "ABF:").append(dx.replace(".", ""));
                }
            }
            segment(hi.toString());
        }
        boolean lineLevelRendering = (first.claimId().hashCode() & 3) == 1;
        if (!lineLevelRendering && !first.renderingNpi().equals(billing)) {
            // 2310B: the claim's rendering provider; a line by someone else names its own in 2420A
            segment("NM1*82*1*CLINICIAN*" + first.renderingNpi().substring(6) + "****XX*" + first.renderingNpi());
            segment("PRV*PE*PXC*101YP2500X");
        }
        for (SampleMonthGenerator.Line line : lines) {
            segment("LX*" + line.lineNo());
            StringBuilder sv1 = new StringBuilder("SV1*HC:").append(line.code());
            if (line.modifiers() != null) {
                for (String m : line.modifiers().split(";")) {
                    sv1.append(':').append(m);
                }
            }
            List<String> lineDx = diagnoses(line);
            StringBuilder ptr = new StringBuilder();
            for (String dx : lineDx.subList(0, Math.min(4, lineDx.size()))) {
                ptr.append(ptr.length() == 0 ? "" : ":").append(pointers.get(dx));
            }
            String pos = line.pos() != null && !line.pos().equals(claimPos) ? line.pos() : "";
            sv1.append('*').append(line.charge() == null ? "0" : line.charge()).append("*UN*")
                    .append(line.units() == null ? 1 : line.units()).append('*').append(pos).append("**").append(ptr);
            segment(trimTrailing(sv1.toString()));
            segment("DTP*472*D8*" + line.serviceDate().format(D8));
            boolean ownRendering = lineLevelRendering ? !line.renderingNpi().equals(billing)
                    : !line.renderingNpi().equals(first.renderingNpi());
            if (ownRendering) {
                segment("NM1*82*1*CLINICIAN*" + line.renderingNpi().substring(6) + "****XX*" + line.renderingNpi());
            }
        }
    }

    private static List<String> diagnoses(SampleMonthGenerator.Line line) {
        if (line.diagnoses() == null || line.diagnoses().isBlank()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String code : line.diagnoses().split(";")) {
            if (!code.isBlank()) {
                codes.add(code.trim());
            }
        }
        return codes;
    }

    private static String total(List<SampleMonthGenerator.Line> lines) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (SampleMonthGenerator.Line line : lines) {
            if (line.charge() != null) {
                sum = sum.add(new java.math.BigDecimal(line.charge()));
            }
        }
        return sum.stripTrailingZeros().toPlainString();
    }

    private static String trimTrailing(String segment) {
        int end = segment.length();
        while (end > 0 && segment.charAt(end - 1) == '*') {
            end--;
        }
        return segment.substring(0, end);
    }

    private void segment(String text) {
        try {
            out.write(text);
            out.write("~\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        segmentsInSet++;
    }

    private String control9() {
        return String.format("%09d", interchangeNumber);
    }

    private static String pad(String id) {
        return String.format("%-15s", id.length() > 15 ? id.substring(0, 15) : id);
    }

    @Override
    public void close() throws IOException {
        try {
            endSet();
            if (interchangeNumber > 0) {
                closeInterchange();
            }
        } finally {
            out.close();
        }
    }
}
