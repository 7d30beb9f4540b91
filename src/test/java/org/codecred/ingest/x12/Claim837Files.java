package org.codecred.ingest.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Made-up 837P files for tests, with a valid envelope (counts and control numbers that match). */
final class Claim837Files {

    private Claim837Files() {
    }

    /** One interchange, one set, one claim 'CL1' of {@code lines} service lines; line n carries LX01 = {@code lx(n)}. */
    static String oneClaim(int lines, IntUnaryOperator lx) {
        return oneClaim(lines, lx, "SUBA001", 2);
    }

    /**
     * As {@link #oneClaim(int, IntUnaryOperator)}, the subscriber's NM109 being {@code memberId}, the file
     * ending with {@code trailers} of GE and IEA (2 both, 1 only GE, 0 none: cut right after SE).
     */
    static String oneClaim(int lines, IntUnaryOperator lx, String memberId, int trailers) {
        List<String> set = new ArrayList<>(List.of(
                "ST*837*0001*005010X222A1",
                "BHT*0019*00*0001*20261101*0930*CH",
                "NM1*41*2*NORTH SHORE BILLING*****46*SUBMITTER01",
                "NM1*40*2*PAYER ONE*****46*PAYER01",
                "HL*1**20*1",
                "NM1*85*2*NORTH SHORE BEHAVIORAL HEALTH*****XX*1234567893",
                "HL*2*1*22*0",
                "SBR*P*18*GRP77******CI",
                "NM1*IL*1*ROE*JORDAN****MI*" + memberId,
                "DMG*D8*19800115*F",
                "CLM*CL1*" + (100 * lines) + "***11:B:1*Y*A*Y*Y",
                "HI*ABK:F331"));
        for (int n = 1; n <= lines; n++) {
            set.add("LX*" + lx.applyAsInt(n));
            set.add("SV1*HC:90834*100*UN*1***1");
            set.add("DTP*472*D8*20261005");
        }
        set.add("SE*" + (set.size() + 1) + "*0001");
        StringBuilder text = new StringBuilder(
                "ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*PAYER01        *261101*0930*^*00501*000000001*0*P*:~\n"
                        + "GS*HC*SUBMITTER01*PAYER01*20261101*0930*1*X*005010X222A1~\n");
        for (String segment : set) {
            text.append(segment).append("~\n");
        }
        if (trailers >= 1) {
            text.append("GE*1*1~\n");
        }
        if (trailers >= 2) {
            text.append("IEA*1*000000001~\n");
        }
        return text.toString();
    }
}
