package org.codecred.generate;

import org.codecred.generate.SampleMonthGenerator.Line;

import java.time.LocalDate;
import java.util.List;

/**
 * The verdict inputs and false alarms of issue 25 (contract v3), each on one provider beside a clean
 * look-alike, billed in the latest month only. Providers are added after every other case's and their lines
 * written last, drawing nothing from the random sequence, so every other case stays as it was:
 * <ul>
 * <li>Hargrove (LPC): three days over 12 hours of timed services: CAPACITY-IMPLAUSIBLE, REVIEW; Ashgrove (LPC):
 *     two such days: two DAILY-TIME-IMPLAUSIBLE warnings, CLEAR;</li>
 * <li>Aldana (BCBA) bills ABA, several 97153 lines a day: a known credential in scope, CLEAR; Penrose (RBT)
 *     bills 97153: in scope, but a supervised credential (CREDENTIAL-SUPERVISED, REVIEW);</li>
 * <li>Haddad (LSCSW, Kansas): a known credential, crisis visits with R45.851 and an evaluation with Z03.89:
 *     CLEAR;</li>
 * <li>Corbin (LPC) bills TMS: SCOPE-LICENSE WARNING (payer-dependent: no verdict effect); Rutledge (MD) bills
 *     TMS: clean;</li>
 * <li>Kimura (MD) scores two instruments (96127) for one member a day, does not claim medication management:
 *     no DUPLICATE-LINE, no SPECIALTY-UNDECLARED, CLEAR;</li>
 * <li>Beaumont (LCSW): one coding error in 8 lines, CLEAR; Merriweather (LCSW): 3 in 8, REVIEW;</li>
 * <li>Ravensworth (LCAS) claims substance use, billing only mental-health H codes: UNSUPPORTED; Fairweather
 *     (LCAS) with substance-use H codes: SUPPORTED.</li>
 * </ul>
 */
final class PlantedVerdictCases {

    private final SampleMonthGenerator g;

    Practice capacity;
    Practice twoLongDays;
    Practice behaviorAnalyst;
    Practice technician;
    Practice kansas;
    Practice counselorTms;
    Practice physicianTms;
    Practice instruments;
    Practice oneError;
    Practice threeErrors;
    Practice mentalHealthHCodes;
    Practice substanceUseHCodes;

    PlantedVerdictCases(SampleMonthGenerator g) {
        this.g = g;
    }

    void addProviders() {
        capacity = add("Hargrove", "Ada", "LPC", null, "");
        twoLongDays = add("Ashgrove", "Ruth", "LPC", null, "");
        behaviorAnalyst = add("Aldana", "Marco", "BCBA", "103K00000X", "aba;adhd-neurodevelopmental;child-adolescent");
        technician = add("Penrose", "Lia", "RBT", "103K00000X", "aba;adhd-neurodevelopmental;child-adolescent");
        kansas = add("Haddad", "Samir", "LSCSW", "1041C0700X", "");
        counselorTms = add("Corbin", "Wes", "LPC", null, "");
        physicianTms = add("Rutledge", "Anne", "MD", null, "interventional-psychiatry");
        instruments = add("Kimura", "Ken", "MD", null, "");
        oneError = add("Beaumont", "Lou", "LCSW", null, "");
        threeErrors = add("Merriweather", "Rita", "LCSW", null, "");
        mentalHealthHCodes = add("Ravensworth", "Ivy", "LCAS", "101YA0400X", "substance-use");
        substanceUseHCodes = add("Fairweather", "Owen", "LCAS", "101YA0400X", "substance-use");
    }

    private Practice add(String last, String first, String credential, String taxonomy, String specialties) {
        Practice p = new Practice();
        p.planted = true;
        p.npi = g.nextNpi();
        p.lastName = last;
        p.firstName = first;
        p.dateOfBirth = LocalDate.of(1976, 3, 1).plusDays(g.practices.size() * 89L);
        p.licenseNumber = "LIC" + (800000 + g.practices.size());
        p.licenseExpires = g.month.atEndOfMonth().plusYears(2);
        p.as(credential, taxonomy, specialties);
        g.practices.add(p);
        return p;
    }

    /**
     * Every case works on at most four days with few lines, so that no planted provider enters a peer group
     * (services per day needs 5 days worked, the shares 20 lines): the peer figures of the others stay as they were.
     */
    void billLines() {
        if (!g.month.equals(g.latest)) {
            // lines in the latest month only (member ids repeat across generated months); the providers are
            // on every month's roster, so an NPI is the same provider in every month's history
            return;
        }
        List<LocalDate> days = g.workingDays();
        // each long day: 7 x 90837 + 10 x 90834 + 2 x 90832 = 783 minutes (13.1 h) at the codes' minimum minutes
        for (int day : new int[]{1, 6, 11}) {
            longDay(capacity, days.get(day));
        }
        for (int day : new int[]{1, 6}) {
            longDay(twoLongDays, days.get(day));
        }
        routine(twoLongDays, 12, days.get(8), days.get(9));

        // ABA: assessment and protocol modification by the analyst, treatment in several 97153 lines a day
        for (int i = 0; i < 12; i++) {
            LocalDate day = days.get(i % 4);
            Practice.Member child = member(8);
            String claim = g.nextClaimId();
            write(behaviorAnalyst, claim, 1, child, day, i % 4 == 0 ? "97151" : "97155", null, "F84.0", 2);
            write(behaviorAnalyst, claim, 2, child, day, "97153", null, "F84.0", 4);
            write(behaviorAnalyst, claim, 3, child, day, "97153", null, "F84.0", 4);
            String other = g.nextClaimId();
            write(technician, other, 1, child, day, "97153", null, "F84.0", 4);
            write(technician, other, 2, child, day, "97153", null, "F84.0", 4);
        }

        // a Kansas clinical social worker: routine therapy, crisis visits coded with suicidal ideation, and an
        // evaluation that ruled a disorder out
        routine(kansas, 12, days.get(2), days.get(3), days.get(4), days.get(5));
        visit(kansas, days.get(3), "90839", 65, "R45.851");
        visit(kansas, days.get(4), "90839", 70, "R45.851");
        visit(kansas, days.get(5), "90791", null, "Z03.89");

        // TMS by a counselor (3 of 15 lines) and by a physician
        routine(counselorTms, 12, days.get(2), days.get(3), days.get(4), days.get(5));
        for (int i = 0; i < 3; i++) {
            visit(counselorTms, days.get(2 + i), "90868", null, "F33.1");
        }
        for (int i = 0; i < 12; i++) {
            visit(physicianTms, days.get(i % 4), i == 0 ? "90867" : "90868", null, "F33.2");
        }

        // a psychiatrist's medication visits, each with two scored instruments (PHQ-9 and GAD-7) on two lines
        for (int i = 0; i < 12; i++) {
            Practice.Member m = member(45);
            String claim = g.nextClaimId();
            LocalDate day = days.get(i % 4);
            write(instruments, claim, 1, m, day, "99214", null, "F33.1", 1);
            write(instruments, claim, 2, m, day, "96127", null, "F33.1", 1);
            write(instruments, claim, 3, m, day, "96127", null, "F33.1", 1);
        }

        // one 90837 of 45 minutes (TIME-UPCODED) in 8 lines; three in 8
        for (int i = 0; i < 8; i++) {
            visit(oneError, days.get(i % 4), "90837", i == 0 ? 45 : 55, "F41.1");
            visit(threeErrors, days.get(i % 4), "90837", i < 3 ? 45 : 55, "F41.1");
        }

        // substance use claimed: community psychiatric supportive treatment and skills training (mental
        // health) against substance-use group counseling and intensive outpatient care
        for (int i = 0; i < 12; i++) {
            visit(mentalHealthHCodes, days.get(i % 4), i % 2 == 0 ? "H0036" : "H2014", null, "F41.1");
            visit(substanceUseHCodes, days.get(i % 4), i % 2 == 0 ? "H0005" : "H0015", null, "F41.1");
        }
    }

    private void longDay(Practice p, LocalDate day) {
        for (int i = 0; i < 19; i++) {
            String code = i < 7 ? "90837" : i < 17 ? "90834" : "90832";
            visit(p, day, code, code.equals("90837") ? 55 : code.equals("90834") ? 45 : 30, "F41.1");
        }
    }

    /** Ordinary clean individual therapy on the given days. */
    private void routine(Practice p, int visits, LocalDate... on) {
        for (int i = 0; i < visits; i++) {
            String code = i % 3 == 0 ? "90837" : i % 3 == 1 ? "90834" : "90832";
            int minutes = code.equals("90837") ? 55 : code.equals("90834") ? 45 : 30;
            visit(p, on[i % on.length], code, minutes, i % 2 == 0 ? "F33.1" : "F41.1");
        }
    }

    private void visit(Practice p, LocalDate day, String code, Integer minutes, String dx) {
        write(p, g.nextClaimId(), 1, member(38), day, code, minutes, dx, 1);
    }

    /** A member with a fixed birth date: nothing is drawn from the random sequence. */
    private Practice.Member member(int age) {
        return new Practice.Member(g.nextMemberId(), g.month.atDay(1).minusYears(age).minusDays(40));
    }

    private void write(Practice p, String claim, int lineNo, Practice.Member m, LocalDate day, String code,
                       Integer minutes, String dx, int units) {
        g.claims1.write(new Line(claim, lineNo, p.npi, p.billingNpi, m.id(), m.dob(), day, code, null, units, minutes,
                dx, "11", Practice.charge(code)));
    }
}
