package org.codecred.generate;

import org.codecred.generate.SampleMonthGenerator.ClaimWriter;
import org.codecred.generate.SampleMonthGenerator.Line;

import java.time.LocalDate;
import java.util.List;

/**
 * One case of every rule of the contract's catalog, each beside a clean look-alike that must not
 * fire, plus unreadable rows for rejected.csv. Every planted provider is named here, so a reader of
 * this class knows exactly which findings the sample month should show and why.
 */
final class PlantedCases {

    private final SampleMonthGenerator g;
    private final LocalDate d1;
    private final LocalDate d2;
    private final LocalDate d3;

    Practice codingLab;      // LCSW: time, code, diagnosis, telehealth, duplicate, units, pair, add-on cases
    Practice prescriber;     // NP: E/M add-on cases
    Practice otherPrescriber; // MD: bills the E/M that does not count for the NP's add-on
    Practice scope;          // LCSW billing E/M and 90792
    Practice longDay;        // LPC with an implausible day and a plausible one
    Practice outlier;        // LPC billing only 90837
    Practice unsupported;    // LCSW claiming trauma with no trauma evidence
    Practice undeclared;     // LMHC doing substance-use work without claiming it
    Practice fewLines;       // LMFT with too few lines to judge
    Practice weakEvidence;   // LCSW claiming group therapy with only a little group work
    // v2 (December 2026): behaviours a clinician would accept, each beside a clean look-alike
    Practice psychiatrist;     // MD: hospital, G2211, telehealth E/M and 96127 lines: CLEAR
    Practice testingTwoDays;   // PhD: one testing evaluation over two days: CLEAR
    Practice testingLab;       // PsyD: testing add-on without base, professional + technician same day, HBAI diagnoses
    Practice prescribingPsych; // PhD with the prescribing taxonomy: 90863 is in scope
    Practice scopeAlone;       // PhD without it: one 90863 is a SCOPE-LICENSE ERROR, REVIEW on its own
    Practice undocumented;     // LPC: 3 of 20 timed lines without minutes; HBAI by a counselor (WARNING)
    Practice noExpiry;         // LCSW without a license expiry on the roster
    Practice unknownCredential; // LMSW: a credential the table does not know
    Practice traumaShort;      // LCSW claiming trauma: PTSD visits, never an extended session
    Practice traumaLong;       // LCSW claiming trauma with extended sessions
    Practice couplesSelfPay;   // LMFT claiming couples therapy with no couples visit in the claims
    Practice badNpi, expired, expiring, expiringLater, excludedByNpi, excludedByName, excludedAccented,
            reinstated, namesake, registryName, registryDeactivated, registryTaxonomy, registryLicense,
            registryMissing, taxonomyMismatch, deactivatedAfterLastLine, reactivated, possibleExcluded, pendingExclusion,
            samExcluded, samEnded, samUnconfirmed, optedOut, optOutEnded, inactiveTaxonomy;
    String unrosteredNpi;
    String unrosteredBadNpi;

    PlantedCases(SampleMonthGenerator g) {
        this.g = g;
        List<LocalDate> days = g.workingDays();
        this.d1 = days.get(2);
        this.d2 = days.get(3);
        this.d3 = days.get(4);
    }

    void addProviders() {
        codingLab = add("Harrow", "Quinn", "LCSW", null, "");
        prescriber = add("Okafor", "Lena", "NP", null, "medication-management");
        otherPrescriber = add("Brandt", "Tobias", "MD", null, "medication-management");
        scope = add("Vance", "Maris", "LCSW", null, "");
        longDay = add("Lindqvist", "Rory", "LPC", null, "");
        outlier = add("Castellanos", "Ines", "LPC", null, "");
        unsupported = add("Ferreira", "Dana", "LCSW", null, "trauma;family-therapy");
        undeclared = add("Nakamura", "Theo", "LMHC", null, "group-therapy");
        fewLines = add("Abernathy", "Cole", "LMFT", null, "family-therapy");
        weakEvidence = add("Okonkwo", "Bea", "LCSW", null, "group-therapy");
        psychiatrist = add("Ashford", "Miriam", "MD", null, "medication-management");
        testingTwoDays = add("Pruitt", "Helena", "PhD", null, "psychological-testing");
        testingLab = add("Lindgren", "Oskar", "PsyD", null, "");
        prescribingPsych = add("Quiroga", "Elena", "PhD", "103TP0016X", "");
        scopeAlone = add("Voss", "Adrian", "PhD", null, "");
        undocumented = add("Tillman", "Rosa", "LPC", null, "");
        noExpiry = add("Kerr", "Declan", "LCSW", null, "");
        noExpiry.licenseExpires = null;
        unknownCredential = add("Mbeki", "Thandi", "LMSW", "104100000X", "");
        traumaShort = add("Yates", "Corinne", "LCSW", null, "trauma");
        traumaLong = add("Zamora", "Luis", "LCSW", null, "trauma");
        couplesSelfPay = add("Whitcomb", "Nora", "LMFT", null, "couples-therapy");

        badNpi = add("Quill", "Avery", "LCSW", null, "");
        badNpi.npi = badNpi.npi.substring(0, 9) + (char) ('0' + (badNpi.npi.charAt(9) - '0' + 1) % 10);
        badNpi.inRegistry = false;
        expired = add("Rasmussen", "Elise", "PsyD", null, "");
        expired.licenseExpires = g.latest.atDay(20); // earlier months: expiring
        expiring = add("Whitlock", "Jonah", "LMFT", null, "");
        expiring.licenseExpires = g.latest.atEndOfMonth().plusDays(45);
        expiringLater = add("Delgado", "Mara", "LMFT", null, "");
        expiringLater.licenseExpires = g.latest.atEndOfMonth().plusDays(120);
        excludedByNpi = add("Stroud", "Nolan", "LCSW", null, "");
        excludedByName = add("Marchetti", "Sofia", "LPC", null, "");
        excludedByName.dateOfBirth = LocalDate.of(1979, 3, 14);
        excludedAccented = add("Muñoz", "José", "LMHC", null, "");
        excludedAccented.dateOfBirth = LocalDate.of(1970, 5, 5);
        reinstated = add("Pemberton", "Cyrus", "LCSW", null, "");
        namesake = add("Oduya", "Grace", "LMHC", null, "");
        namesake.dateOfBirth = LocalDate.of(1985, 7, 2);
        registryName = add("Lambert", "Hugo", "PhD", null, "");
        registryName.registryLastName = "LAMBERT-KING";
        registryDeactivated = add("Ivers", "Petra", "LCSW", null, "");
        registryDeactivated.registryDeactivated = LocalDate.of(2025, 3, 1);
        registryTaxonomy = add("Sato", "Kenji", "LPC", null, "");
        registryTaxonomy.registryTaxonomy = "101YM0800X";
        registryLicense = add("Holloway", "June", "LMFT", null, "");
        registryLicense.registryLicense = "LIC999999";
        registryMissing = add("Bexley", "Arlo", "LCSW", null, "");
        registryMissing.inRegistry = false;
        taxonomyMismatch = add("Greer", "Simone", "LCSW", "2084P0800X", "");
        // published sources: NPPES deactivation, OIG advice, SAM.gov, Medicare opt-out, NUCC code set
        deactivatedAfterLastLine = add("Kowalczyk", "Irena", "LCSW", null, "");
        deactivatedAfterLastLine.registryDeactivated = g.workingDays().get(12);   // after its last line (see billLines)
        reactivated = add("Ellery", "Naomi", "LCSW", null, "");
        reactivated.registryDeactivated = LocalDate.of(2024, 2, 1);
        reactivated.registryReactivated = LocalDate.of(2024, 4, 15);
        possibleExcluded = add("Thibodeaux", "Renee", "LPC", null, "");
        possibleExcluded.dateOfBirth = null;                      // no birth date on the roster: name only
        pendingExclusion = add("Yarrow", "Dmitri", "LMHC", null, "");
        samExcluded = add("Ostrander", "Alba", "LCSW", null, "");
        samEnded = add("Faircloth", "Milo", "LPC", null, "");
        samUnconfirmed = add("Brannock", "Tess", "LMFT", null, "");
        optedOut = add("Ashby", "Corinne", "PhD", null, "");
        optOutEnded = add("Vantongeren", "Lev", "PhD", null, "");
        inactiveTaxonomy = add("Carrow", "Edith", "PhD", "103TE1000X", "");

        unrosteredNpi = g.nextNpi();
        String base = g.nextNpi();
        unrosteredBadNpi = base.substring(0, 9) + (char) ('0' + (base.charAt(9) - '0' + 3) % 10);
    }

    private Practice add(String last, String first, String credential, String taxonomy, String specialties) {
        Practice p = new Practice();
        p.planted = true;
        p.npi = g.nextNpi();
        p.lastName = last;
        p.firstName = first;
        p.dateOfBirth = LocalDate.of(1975, 6, 1).plusDays(g.practices.size() * 97L);
        p.licenseNumber = "LIC" + (700000 + g.practices.size());
        p.licenseExpires = g.month.atEndOfMonth().plusYears(2);
        p.as(credential, taxonomy, specialties);
        g.practices.add(p);
        return p;
    }

    void billLines() {
        plantCodingLab();
        plantAddOns();
        plantScope();
        plantLongDay();
        plantAlignment();
        plantVersion2();
        for (Practice p : List.of(badNpi, expired, expiring, expiringLater, excludedByNpi, excludedByName,
                excludedAccented, reinstated, namesake, registryName, registryDeactivated, registryTaxonomy,
                registryLicense, registryMissing, taxonomyMismatch, reactivated, possibleExcluded, pendingExclusion,
                samExcluded, samEnded, samUnconfirmed, optedOut, optOutEnded, inactiveTaxonomy)) {
            routine(p, 12);
        }
        routine(deactivatedAfterLastLine, 5);       // lines on working days 0, 2, 4, 6, 8 only
        Practice stranger = new Practice();
        stranger.npi = unrosteredNpi;
        routine(stranger, 6);
        stranger.npi = unrosteredBadNpi;
        routine(stranger, 3);
    }

    /** Time, code, diagnosis, telehealth, duplicate, unit and pair cases on one LCSW, each beside a clean look-alike. */
    private void plantCodingLab() {
        Practice p = codingLab;
        // TIME-UPCODED at 45 and 37 minutes; 53 and 38 are clean
        visit(p, d1, "90837", 45, null, "F33.1", "11");
        visit(p, d1, "90837", 53, null, "F33.1", "11");
        visit(p, d1, "90834", 37, null, "F41.1", "11");
        visit(p, d1, "90834", 38, null, "F41.1", "11");
        // TIME-BELOW-MINIMUM at 15 minutes (psychotherapy) and 25 (family); 16 and 26 are clean
        visit(p, d2, "90832", 15, null, "F41.1", "11");
        visit(p, d2, "90832", 16, null, "F41.1", "11");
        visit(p, d2, "90847", 25, null, "F32.1", "11");
        visit(p, d2, "90847", 26, null, "F32.1", "11");
        // TIME-UNDERCODED: 90832 at 60 and 90834 at 53; 90834 at 52 is clean
        visit(p, d2, "90832", 60, null, "F33.1", "11");
        visit(p, d2, "90834", 53, null, "F33.1", "11");
        visit(p, d2, "90834", 52, null, "F33.1", "11");
        // TIME-MISSING on a timed code; an untimed evaluation without minutes is clean
        visit(p, d3, "90834", null, null, "F41.1", "11");
        visit(p, d3, "90791", null, null, "F41.1", "11");
        // CODE-UNKNOWN: a code that never existed and one deleted in 2013; a diagnosis without its dot is clean
        visit(p, d3, "90835", 45, null, "F41.1", "11");
        visit(p, d3, "90806", 45, null, "F41.1", "11");
        visit(p, d3, "90834", 45, null, "F411", "11");
        LocalDate d4 = g.workingDays().get(5);
        // DX-MISSING, DX-INVALID (ICD-9), DX-NOT-BEHAVIORAL; an allowed Z code and an F primary are clean
        visit(p, d4, "90834", 45, null, null, "11");
        visit(p, d4, "90834", 45, null, "296.32", "11");
        visit(p, d4, "90834", 45, null, "I10", "11");
        visit(p, d4, "90834", 45, null, "Z63.0", "11");
        visit(p, d4, "90834", 45, null, "F43.10;I10", "11");
        LocalDate d5 = g.workingDays().get(6);
        // TELEHEALTH-MODIFIER (since 2024): a telehealth modifier on an in-person place; home telehealth without a
        // modifier, and 95, 93 and GT at a telehealth place, are clean
        visit(p, d5, "90834", 45, "95", "F41.1", "11");
        visit(p, d5, "90834", 45, null, "F41.1", "10");
        visit(p, d5, "90834", 45, "95", "F41.1", "10");
        visit(p, d5, "90834", 45, "93", "F41.1", "02");
        visit(p, d5, "90834", 45, "GT", "F41.1", "02");
        LocalDate d6 = g.workingDays().get(7);
        // DUPLICATE-LINE: the same service on two claims, one in each file
        Practice.Member twice = member(p, 35);
        line(g.claims1, p, g.nextClaimId(), 1, twice, d6, "90834", 45, null, "F41.1", "11", 1);
        line(g.claims2, p, g.nextClaimId(), 1, twice, d6, "90834", 45, null, "F41.1", "11", 1);
        // UNITS-EXCEED: three units of a once-a-day code
        Practice.Member units = member(p, 40);
        line(g.claims1, p, g.nextClaimId(), 1, units, d6, "90834", 45, null, "F41.1", "11", 3);
        LocalDate d7 = g.workingDays().get(8);
        // NCCI-PTP: evaluation with psychotherapy (never bypassable); family with individual therapy
        // without a modifier fires, with 59 it is clean
        encounter(p, d7, new String[][]{{"90791", null, null}, {"90834", "45", null}});
        encounter(p, d7, new String[][]{{"90846", "50", null}, {"90834", "45", "59"}});
        encounter(p, d7, new String[][]{{"90846", "50", null}, {"90834", "45", null}});
        // ADDON-WITHOUT-PRIMARY: interactive complexity alone; with its primary it is clean
        visit(p, d7, "90785", null, null, "F41.1", "11");
        encounter(p, d7, new String[][]{{"90834", "45", null}, {"90785", null, null}});
        // CODE-UNRECOGNIZED: a valid HCPCS code outside the tables (S9480, a commercial per-diem code) is a warning;
        // a state H code the table lists (H0031) is clean
        visit(p, d7, "S9480", null, null, "F41.1", "11");
        visit(p, d7, "H0031", null, null, "F41.1", "11");
        // DIAG-EVAL-REPEATED: the same member evaluated again four days later; the evaluation of d3 is a first one
        Practice.Member again = member(p, 33);
        line(g.claims1, p, g.nextClaimId(), 1, again, d1, "90791", null, null, "F41.1", "11", 1);
        line(g.claims1, p, g.nextClaimId(), 1, again, d5, "90791", null, null, "F41.1", "11", 1);
    }

    /** Add-on psychotherapy with and without its E/M primary, across claims and providers. */
    private void plantAddOns() {
        Practice np = prescriber;
        encounter(np, d1, new String[][]{{"99214", null, null}, {"90833", "25", null}});
        Practice.Member split = member(np, 44);
        line(g.claims1, np, g.nextClaimId(), 1, split, d1, "90833", 25, null, "F33.1", "11", 1);
        line(g.claims1, np, g.nextClaimId(), 1, split, d1, "99213", null, null, "F33.1", "11", 1);
        visit(np, d1, "90836", 40, null, "F33.1", "11");
        Practice.Member shared = member(np, 51);
        line(g.claims1, np, g.nextClaimId(), 1, shared, d1, "90833", 25, null, "F33.1", "11", 1);
        line(g.claims1, otherPrescriber, g.nextClaimId(), 1, shared, d1, "99213", null, null, "F33.1", "11", 1);
        Practice.Member twoDays = member(np, 29);
        line(g.claims1, np, g.nextClaimId(), 1, twoDays, d1, "99213", null, null, "F41.1", "11", 1);
        line(g.claims1, np, g.nextClaimId(), 1, twoDays, d2, "90833", 20, null, "F41.1", "11", 1);
        visit(np, d2, "90792", null, null, "F31.9", "11");
        // PSYCHOTHERAPY-WITH-EM: an E/M with stand-alone 90834 fires; with the add-on 90833 it is clean
        encounter(np, d3, new String[][]{{"99213", null, null}, {"90834", "45", null}});
        encounter(np, d3, new String[][]{{"99213", null, null}, {"90833", "25", null}});
    }

    /** A social worker billing medical services: evaluation with medical services and an E/M visit. */
    private void plantScope() {
        visit(scope, d1, "90792", null, null, "F32.1", "11");
        visit(scope, d1, "99213", null, null, "F32.1", "11");
        visit(scope, d1, "90834", 45, null, "F32.1", "11");
    }

    /** 19 sessions of 90834 (19 × 38 = 722 minutes) on one day; 18 (684 minutes) on another is plausible. */
    private void plantLongDay() {
        for (int i = 0; i < 19; i++) {
            visit(longDay, d1, "90834", 40, null, "F41.1", "11");
        }
        for (int i = 0; i < 18; i++) {
            visit(longDay, d2, "90834", 40, null, "F41.1", "11");
        }
    }

    private void plantAlignment() {
        List<LocalDate> days = g.workingDays();
        for (int i = 0; i < 60; i++) {
            LocalDate day = days.get(i % days.size());
            visit(outlier, day, "90837", 55 + i % 6, null, "F41.1", "11");
            // claims trauma and family therapy: family work is there, trauma diagnoses are not
            if (i % 3 == 0) {
                visit(unsupported, day, "90847", 50, null, "F32.1", "11");
            } else {
                visit(unsupported, day, "90834", 45, null, i % 2 == 0 ? "F32.1" : "F41.1", "11");
            }
            // claims group therapy (and does it), but most of the diagnoses are substance use
            if (i % 3 == 0) {
                visit(undeclared, day, "90853", 60, null, "F10.20", "11");
            } else {
                visit(undeclared, day, "90834", 45, null, i % 2 == 0 ? "F11.20" : "F10.20", "11");
            }
        }
        // 4 group sessions in 40 visits (10 %): some evidence, below the supported share
        for (int i = 0; i < 40; i++) {
            visit(weakEvidence, days.get(i % days.size()), i % 10 == 0 ? "90853" : "90834", i % 10 == 0 ? 60 : 45,
                    null, "F41.1", "11");
        }
        visit(fewLines, d1, "90847", 50, null, "F32.1", "11");
        visit(fewLines, d2, "90834", 45, null, "F32.1", "11");
        visit(fewLines, d3, "90847", 50, null, "F32.1", "11");
    }

    /** The behaviours of the December 2026 review (domain reference 10.2-10.5), each beside a clean look-alike. */
    private void plantVersion2() {
        List<LocalDate> days = g.workingDays();
        // an ordinary psychiatrist: office E/M with G2211, hospital visits, telehealth E/M at home without a
        // modifier (fine since 2024), 96127 screening instruments, E/M with the psychotherapy add-on
        Practice md = psychiatrist;
        for (int i = 0; i < 24; i++) {
            LocalDate day = days.get(i % days.size());
            Practice.Member m = member(md, 30 + i);
            String claim = g.nextClaimId();
            switch (i % 5) {
                case 0, 1 -> {
                    line(g.fileFor(claim), md, claim, 1, m, day, "99213", null, null, "F33.1", "11", 1);
                    line(g.fileFor(claim), md, claim, 2, m, day, "G2211", null, null, "F33.1", "11", 1);
                }
                case 2 -> line(g.fileFor(claim), md, claim, 1, m, day, "99232", null, null, "F31.9", "21", 1);
                case 3 -> {
                    line(g.fileFor(claim), md, claim, 1, m, day, "99214", null, null, "F41.1", "11", 1);
                    line(g.fileFor(claim), md, claim, 2, m, day, "96127", null, null, "F41.1", "11", 2);
                }
                default -> {
                    if (i % 2 == 0) {
                        line(g.fileFor(claim), md, claim, 1, m, day, "98006", null, null, "F33.1", "10", 1);
                    } else {
                        line(g.fileFor(claim), md, claim, 1, m, day, "99214", null, null, "F33.1", "11", 1);
                        line(g.fileFor(claim), md, claim, 2, m, day, "90833", 25, null, "F33.1", "11", 1);
                    }
                }
            }
        }
        // one testing evaluation over two days (base codes on day 1, add-ons on day 2), and one in a day
        Practice phd = testingTwoDays;
        Practice.Member evaluated = member(phd, 12);
        line(g.claims1, phd, g.nextClaimId(), 1, evaluated, d1, "96136", null, null, "F90.0", "11", 1);
        line(g.claims1, phd, g.nextClaimId(), 1, evaluated, d1, "96130", null, null, "F90.0", "11", 1);
        line(g.claims2, phd, g.nextClaimId(), 1, evaluated, d2, "96137", null, null, "F90.0", "11", 3);
        line(g.claims2, phd, g.nextClaimId(), 1, evaluated, d2, "96131", null, null, "F90.0", "11", 1);
        Practice.Member oneDay = member(phd, 9);
        String claim = g.nextClaimId();
        line(g.fileFor(claim), phd, claim, 1, oneDay, d3, "96136", null, null, "F84.0", "11", 1);
        line(g.fileFor(claim), phd, claim, 2, oneDay, d3, "96137", null, null, "F84.0", "11", 2);
        routine(phd, 20);
        // testing look-alikes that fire: an add-on with no base on any date; professional and technician
        // administration the same day without a modifier (with 59 it is clean); HBAI with a mental-disorder primary
        Practice lab = testingLab;
        visit(lab, d2, "96137", null, null, "F90.0", "11");
        encounterDx(lab, d3, "F90.0", new String[][]{{"96136", null, null}, {"96138", null, null}});
        encounterDx(lab, d3, "F90.0", new String[][]{{"96136", null, null}, {"96138", null, "59"}});
        visit(lab, d4(), "96158", null, null, "F41.1;E11.9", "11");
        visit(lab, d4(), "96158", null, null, "E11.9;F41.1", "11");
        routine(lab, 10);
        // 90863 by a prescribing psychologist (taxonomy 103TP0016X) is in scope; by another psychologist it is a
        // SCOPE-LICENSE ERROR, a REVIEW on its own although it is 1 line in 31
        for (int i = 0; i < 6; i++) {
            encounter(prescribingPsych, days.get(i * 3), new String[][]{{"90834", "45", null}, {"90863", null, null}});
        }
        routine(prescribingPsych, 10);
        encounter(scopeAlone, d2, new String[][]{{"90834", "45", null}, {"90863", null, null}});
        routine(scopeAlone, 30);
        // 3 of 20 timed lines without minutes (15 %); health behavior by a counselor is payer-dependent (WARNING)
        for (int i = 0; i < 20; i++) {
            visit(undocumented, days.get(i % days.size()), "90834", i % 7 == 3 ? null : 45, null, "F41.1", "11");
        }
        visit(undocumented, d4(), "96158", null, null, "E66.9", "11");
        routine(noExpiry, 12);
        routine(unknownCredential, 12);
        visit(unknownCredential, d2, "90792", null, null, "F32.1", "11");
        // trauma: 12 PTSD visits of 45 minutes (no extended session) against 12 with 90837
        for (int i = 0; i < 30; i++) {
            LocalDate day = days.get(i % days.size());
            boolean trauma = i % 5 < 2;
            visit(traumaShort, day, trauma ? "90834" : i % 2 == 0 ? "90834" : "90832", trauma ? 45 : i % 2 == 0 ? 45 : 30,
                    null, trauma ? "F43.12" : "F41.1", "11");
            visit(traumaLong, day, trauma && i % 3 != 0 ? "90837" : i % 2 == 0 ? "90834" : "90832",
                    trauma && i % 3 != 0 ? 58 : i % 2 == 0 ? 45 : 30, null, trauma ? "F43.10" : "F33.1", "11");
        }
        routine(couplesSelfPay, 20);
    }

    private LocalDate d4() {
        return g.workingDays().get(5);
    }

    /** Ordinary clean individual therapy, for providers planted for their credentials. */
    private void routine(Practice p, int visits) {
        List<LocalDate> days = g.workingDays();
        for (int i = 0; i < visits; i++) {
            String code = i % 3 == 0 ? "90837" : i % 3 == 1 ? "90834" : "90832";
            int minutes = code.equals("90837") ? 55 : code.equals("90834") ? 45 : 30;
            visit(p, days.get((i * 2) % days.size()), code, minutes, null, i % 2 == 0 ? "F33.1" : "F41.1", "11");
        }
    }

    /** Unreadable rows, one per reason, for rejected.csv. */
    void writeUnreadableRows(ClaimWriter file1, ClaimWriter file2) {
        String npi = codingLab.npi;
        String day = d1.toString();
        file1.raw("CBAD0001,1," + npi + ",,MBR900000001,1980-01-01," + day + ",90834");
        file1.raw("CBAD0002,1," + npi + ",,MBR900000002,1980-01-01," + g.month.getYear() + "-02-30,90834,,1,45,F41.1,11,140.00");
        file1.raw("CBAD0003,1," + npi + ",,\"MBR900000003,1980-01-01," + day + ",90834,,1,45,F41.1,11,140.00");
        file1.raw("CBAD0004,1," + npi + ",,,1980-01-01," + day + ",90834,,1,45,F41.1,11,140.00");
        file1.raw("CBAD0005,1,12345,,MBR900000005,1980-01-01," + day + ",90834,,1,45,F41.1,11,140.00");
        file1.raw("CBAD0006,1," + npi + ",,MBR900000006,1980-01-01," + day + ",90834,,0,45,F41.1,11,140.00");
        file1.raw("CBAD0007,1," + npi + ",,MBR900000007,1980-01-01," + day + ",90834,95;GTX,1,45,F41.1,10,140.00");
        file1.raw("CBAD0008,1," + npi + ",,MBR900000008,1980-01-01," + day + ",90834,,1,45,F41.1,1,140.00");
        file1.raw("CBAD0009,1," + npi + ",,MBR900000009,1980-01-01," + day + ",90834,,1,45,F41.1,11,140.005");
        file1.raw("CBAD0010,1," + npi + ",,MBR900000010,1980-01-01," + day + ",90834,,1,abc,F41.1,11,140.00");
        file1.raw("CBAD0011,1," + npi + ",,MBR900000011,1980-01-01," + day + ",9083,,1,45,F41.1,11,140.00");
        String us = SampleMonthGenerator.US_DATE.format(d1);
        file2.raw("13/45/" + g.month.getYear() + "," + npi + ",CBAD0012,1,90834,,1,45,F41.1,11,MBR900000012,01/01/1980,,140.00");
        file2.raw(us + "," + npi + ",CBAD0013,0,90834,,1,45,F41.1,11,MBR900000013,01/01/1980,,140.00");
        file2.raw(us + "," + npi + ",CBAD0014,1,90834,,1,-5,F41.1,11,MBR900000014,01/01/1980,,140.00");
    }

    // small writers

    private void visit(Practice p, LocalDate day, String code, Integer minutes, String modifiers, String dx, String pos) {
        String claim = g.nextClaimId();
        line(g.fileFor(claim), p, claim, 1, member(p, 30 + (int) (g.random.nextInt(30))), day, code, minutes,
                modifiers, dx, pos, 1);
    }

    /** Several lines of one claim for one new member: {code, minutes, modifiers}. */
    private void encounter(Practice p, LocalDate day, String[][] lines) {
        String claim = g.nextClaimId();
        Practice.Member m = member(p, 38);
        int n = 0;
        for (String[] l : lines) {
            line(g.fileFor(claim), p, claim, ++n, m, day, l[0], l[1] == null ? null : Integer.valueOf(l[1]), l[2],
                    "F41.1", "11", 1);
        }
    }

    /** Like {@link #encounter} with the diagnosis given. */
    private void encounterDx(Practice p, LocalDate day, String dx, String[][] lines) {
        String claim = g.nextClaimId();
        Practice.Member m = member(p, 38);
        int n = 0;
        for (String[] l : lines) {
            line(g.fileFor(claim), p, claim, ++n, m, day, l[0], l[1] == null ? null : Integer.valueOf(l[1]), l[2],
                    dx, "11", 1);
        }
    }

    private Practice.Member member(Practice p, int age) {
        return new Practice.Member(g.nextMemberId(), g.birthDateForAge(age));
    }

    private void line(ClaimFile file, Practice p, String claim, int lineNo, Practice.Member m, LocalDate day,
                      String code, Integer minutes, String modifiers, String dx, String pos, int units) {
        file.write(new Line(claim, lineNo, p.npi, p.billingNpi, m.id(), m.dob(), day, code, modifiers, units, minutes,
                dx, pos, Practice.charge(code)));
    }
}
