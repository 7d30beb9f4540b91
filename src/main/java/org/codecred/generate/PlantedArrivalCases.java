package org.codecred.generate;

import org.codecred.generate.SampleMonthGenerator.Line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims as they really arrive (issue 24), written last and drawing nothing from the random
 * sequence, so every other case stays as it was. Each beside a clean look-alike:
 * <ul>
 * <li>CSV: {@code claims-corrections.csv} (with a {@code claim_frequency} column) replaces a claim of
 *     the clearinghouse file that billed 90837 for 45 minutes (the TIME-UPCODED it had is gone) and
 *     voids another; beside them an original claim of the same provider, day and code that stays;</li>
 * <li>837 (a mixed month): {@code claims-replacements.837} replaces (CLM05-3 7, REF*F8) and voids (8) two
 *     claims of the practice-management 837 (its name sorts after that file's: arrival is in name
 *     order), beside an original claim that stays;</li>
 * <li>a resend: the replacements file dropped again as {@code claims-replacements.x12} — every line of it is an
 *     exact resubmission, counted once (rejected.csv, DUPLICATE-SUBMISSION) — beside the look-alike
 *     of a member seen again on another day, which is a new service.</li>
 * </ul>
 */
final class PlantedArrivalCases {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final SampleMonthGenerator g;

    PlantedArrivalCases(SampleMonthGenerator g) {
        this.g = g;
    }

    void write(ClaimFile clearinghouse, Claim837Writer practiceMgmt) {
        List<Practice> regular = g.practices.stream().filter(p -> !p.planted && !p.isPrescriber()).toList();
        Practice a = regular.get(2);
        Practice b = regular.get(3);
        LocalDate day = g.workingDays().get(11);
        LocalDate adult = day.minusYears(41).minusDays(77);
        if (clearinghouse instanceof SampleMonthGenerator.ClaimWriter) {
            String replaced = g.nextClaimId();
            String voided = g.nextClaimId();
            String kept = g.nextClaimId();
            String m1 = g.nextMemberId();
            String m2 = g.nextMemberId();
            String m3 = g.nextMemberId();
            clearinghouse.write(new Line(replaced, 1, a.npi, a.billingNpi, m1, adult, day, "90837", null, 1, 45, "F41.1", "11", "185.00"));
            clearinghouse.write(new Line(voided, 1, a.npi, a.billingNpi, m2, adult, day, "90834", null, 1, 45, "F41.1", "11", "140.00"));
            List<String> rows = new ArrayList<>();
            rows.add("claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,procedure_code,modifiers,"
                    + "units,minutes,diagnosis_codes,place_of_service,charge,claim_frequency");
            rows.add(csv(replaced, a, m1, adult, day, "90834", "140.00", "7"));
            rows.add(csv(voided, a, m2, adult, day, "90834", "140.00", "8"));
            rows.add(csv(kept, a, m3, adult, day, "90834", "140.00", "1"));
            try {
                Files.write(g.monthDir.resolve("claims-corrections.csv"), rows, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (practiceMgmt != null) {
            String replaced = g.nextClaimId();
            String voided = g.nextClaimId();
            String m1 = g.nextMemberId();
            String m2 = g.nextMemberId();
            practiceMgmt.write(new Line(replaced, 1, b.npi, b.billingNpi, m1, adult, day, "90837", null, 1, null, "F43.10", "11", "185.00"));
            practiceMgmt.write(new Line(voided, 1, b.npi, b.billingNpi, m2, adult, day, "90834", null, 1, null, "F43.10", "11", "140.00"));
            practiceMgmt.endSet();
            try (Claim837Writer portal = new Claim837Writer(g.monthDir.resolve("claims-replacements.837"), g.month, "PORTAL04")) {
                portal.rawSet(claim(b, replaced, m1, adult, day, "90834", "140", "7"), 0);
                portal.rawSet(claim(b, voided, m2, adult, day, "90834", "140", "8"), 0);
                // the look-alike: the same member again, on another day: a new service, not a resend
                portal.rawSet(claim(b, g.nextClaimId(), m1, adult, day.plusDays(7), "90834", "140", "1"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Files.copy(g.monthDir.resolve("claims-replacements.837"), g.monthDir.resolve("claims-replacements.x12"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String csv(String claim, Practice p, String member, LocalDate dob, LocalDate day, String code,
                              String charge, String frequency) {
        return String.join(",", claim, "1", p.npi, p.billingNpi, member, dob.toString(), day.toString(), code, "", "1",
                "45", "F41.1", "11", charge, frequency);
    }

    /** One claim of one line; a replacement or void names the payer's control number of the claim (REF*F8). */
    private static List<String> claim(Practice p, String claim, String member, LocalDate dob, LocalDate day, String code,
                                      String charge, String frequency) {
        List<String> segments = new ArrayList<>(List.of(
                "HL*1**20*1", "NM1*85*2*BEHAVIORAL HEALTH GROUP*****XX*" + p.billingNpi,
                "N3*100 MAIN ST", "N4*BOSTON*MA*021101234", "REF*EI*041234567",
                "HL*2*1*22*0", "SBR*P*18*GRP1******CI", "NM1*IL*1*MEMBER*PATIENT****MI*" + member,
                "DMG*D8*" + dob.format(D8) + "*U", "NM1*PR*2*CODECRED PAYER*****PI*CODECREDPAYER",
                "CLM*" + claim + "*" + charge + "***11:B:" + frequency + "*Y*A*Y*Y"));
        if (!frequency.equals("1")) {
            segments.add("REF*F8*ICN" + claim.substring(1));
        }
        segments.addAll(List.of("HI*ABK:F4310", "NM1*82*1*CLINICIAN*" + p.npi.substring(6) + "****XX*" + p.npi,
                "LX*1", "SV1*HC:" + code + "*" + charge + "*UN*1***1", "DTP*472*D8*" + day.format(D8)));
        return segments;
    }
}
