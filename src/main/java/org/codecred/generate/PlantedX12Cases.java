package org.codecred.generate;

import org.codecred.generate.SampleMonthGenerator.Line;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The 837 file's own cases, written after everything else (they draw nothing from the random
 * sequence, so the CSV cases stay as they were):
 * <ul>
 * <li>two dependents on one policy, same provider, day and code: two members (subscriber id plus
 *     birth date), so no DUPLICATE-LINE — the look-alike that would fire if the subscriber's id
 *     alone were the member;</li>
 * <li>a claim whose second line names its own rendering provider (2420A) beside the claim's (2310B);</li>
 * <li>three unreadable cases: a service line without a diagnosis pointer, a dependent without a
 *     birth date, a transaction set whose SE01 count is wrong (its line is not loaded).</li>
 * </ul>
 */
final class PlantedX12Cases {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final SampleMonthGenerator g;
    private final Claim837Writer file;

    PlantedX12Cases(SampleMonthGenerator g, Claim837Writer file) {
        this.g = g;
        this.file = file;
    }

    void write() {
        List<Practice> regular = g.practices.stream().filter(p -> !p.planted && !p.isPrescriber()).limit(2).toList();
        Practice a = regular.get(0);
        Practice b = regular.get(1);
        LocalDate day = g.workingDays().get(9);
        file.endSet();

        String family = g.nextMemberId();
        for (LocalDate dob : List.of(day.minusYears(10).minusDays(40), day.minusYears(7).minusDays(100))) {
            file.write(new Line(g.nextClaimId(), 1, a.npi, a.billingNpi, family, dob, day, "90834", null, 1, null,
                    "F41.1", "11", "140.00"));
        }
        String shared = g.nextClaimId();
        String member = g.nextMemberId();
        LocalDate adult = day.minusYears(34).minusDays(12);
        file.write(new Line(shared, 1, a.npi, a.billingNpi, member, adult, day, "90834", null, 1, null, "F43.10", "11", "140.00"));
        file.write(new Line(shared, 2, b.npi, a.billingNpi, member, adult, day, "90834", null, 1, null, "F43.10", "11", "140.00"));
        file.write(new Line(g.nextClaimId(), 1, a.npi, a.billingNpi, g.nextMemberId(), adult, day, "90832", null, 1, null,
                null, "11", "95.00"));
        file.endSet();

        String subscriber = g.nextMemberId() + "-S";
        file.rawSet(List.of(
                "HL*1**20*1", "NM1*85*2*BEHAVIORAL HEALTH GROUP*****XX*" + a.billingNpi,
                "N3*100 MAIN ST", "N4*BOSTON*MA*021101234", "REF*EI*041234567",
                "HL*2*1*22*1", "SBR*P**GRP1******CI", "NM1*IL*1*SUBSCRIBER*POLICY****MI*" + subscriber,
                "NM1*PR*2*CODECRED PAYER*****PI*CODECREDPAYER",
                "HL*3*2*23*0", "PAT*19", "NM1*QC*1*DEPENDENT*CHILD",
                "CLM*" + g.nextClaimId() + "*140***11:B:1*Y*A*Y*Y", "HI*ABK:F411",
                "LX*1", "SV1*HC:90834*140*UN*1***1", "DTP*472*D8*" + day.format(D8)), 0);
        file.rawSet(List.of(
                "HL*1**20*1", "NM1*85*2*BEHAVIORAL HEALTH GROUP*****XX*" + a.billingNpi,
                "N3*100 MAIN ST", "N4*BOSTON*MA*021101234", "REF*EI*041234567",
                "HL*2*1*22*0", "SBR*P*18*GRP1******CI", "NM1*IL*1*MEMBER*PATIENT****MI*" + g.nextMemberId(),
                "DMG*D8*" + adult.format(D8) + "*U", "NM1*PR*2*CODECRED PAYER*****PI*CODECREDPAYER",
                "CLM*" + g.nextClaimId() + "*140***11:B:1*Y*A*Y*Y", "HI*ABK:F411",
                "NM1*82*1*CLINICIAN*" + a.npi.substring(6) + "****XX*" + a.npi,
                "LX*1", "SV1*HC:90834*140*UN*1***1", "DTP*472*D8*" + day.format(D8)), 2);
    }
}
