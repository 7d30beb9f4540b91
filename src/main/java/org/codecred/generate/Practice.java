package org.codecred.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One synthetic provider: who they are on the roster, what the registry and exclusion list say
 * about them, and how they practice (which encounters they bill, for which members).
 */
final class Practice {

    private static final String[] LAST = {"Abbott", "Barros", "Calloway", "Dunmore", "Eklund", "Fairchild", "Gallo",
            "Hartigan", "Iwasaki", "Jansen", "Kowalski", "Lachance", "Moreau", "Nyberg", "Ostrowski", "Pellegrini",
            "Quintero", "Rourke", "Sandoval", "Thackeray", "Underhill", "Valdez", "Wexler", "Yardley", "Zeller"};
    private static final String[] FIRST = {"Alana", "Bram", "Celia", "Dorian", "Esme", "Felix", "Greta", "Hollis",
            "Ingrid", "Jonas", "Keira", "Lucan", "Mira", "Niles", "Opal", "Perrin", "Rhea", "Silas", "Tamsin", "Wren"};

    private static final String[] GENERAL_DX = {"F32.1", "F32.A", "F33.1", "F33.2", "F41.1", "F41.0", "F42.2",
            "F34.1", "F40.10", "F60.3"};
    private static final String[] TRAUMA_DX = {"F43.10", "F43.12", "F43.11", "F43.0"};
    private static final String[] SUBSTANCE_DX = {"F10.20", "F11.20", "F12.20", "F14.20"};
    private static final String[] SMI_DX = {"F20.9", "F25.0", "F31.81", "F31.9"};
    private static final String[] CHILD_DX = {"F90.0", "F90.2", "F91.3", "F84.0", "F93.0"};
    private static final String[] GERIATRIC_DX = {"F03.90", "F32.1", "F33.1"};

    // roster identity
    String npi;
    String lastName;
    String firstName;
    String credential;
    String taxonomy;
    String licenseNumber;
    String licenseState = "MA";
    LocalDate licenseExpires;
    List<String> specialties = List.of();
    LocalDate dateOfBirth;
    String billingNpi;
    boolean planted;
    boolean rostered = true;

    // what the registry says, when it differs from the roster (null = agrees)
    boolean inRegistry = true;
    String registryLastName;
    String registryTaxonomy;
    String registryLicense;
    LocalDate registryDeactivated;
    LocalDate registryReactivated;

    // how they practice
    private double share90832 = 0.25;
    private double share90837 = 0.30;
    private final List<Member> panel = new ArrayList<>();
    /** Members already evaluated (90791/90792): a clean practice evaluates once at the start of treatment. */
    private final Set<String> evaluated = new HashSet<>();
    /** A low-discrepancy sequence for the code mix, so each provider's shares sit close to its targets. */
    private double mix = 0.5;

    record Member(String id, LocalDate dob) {
    }

    static Practice regular(SampleMonthGenerator g, int index) {
        Practice p = new Practice();
        p.npi = g.nextNpi();
        p.lastName = LAST[index % LAST.length] + (index >= LAST.length ? "-" + LAST[(index / LAST.length) % LAST.length] : "");
        p.firstName = FIRST[(index * 7) % FIRST.length];
        p.dateOfBirth = LocalDate.of(1955 + g.random.nextInt(40), 1 + g.random.nextInt(12), 1 + g.random.nextInt(28));
        p.licenseNumber = "LIC" + (100000 + index * 37);
        p.licenseExpires = g.month.atEndOfMonth().plusDays(200 + g.random.nextInt(700));
        p.billingNpi = SampleMonthGenerator.withCheckDigit(String.format("1%08d", 90_000_000 + index / 8));
        switch (index % 5) {
            case 0 -> p.as(pick(g, "MD", "DO", "NP", "PA"), null,
                    "medication-management" + pick(g, "", "", ";serious-mental-illness", ";substance-use", ";geriatric"));
            case 1 -> p.as(pick(g, "PhD", "PsyD"), null,
                    pick(g, "psychological-testing", "psychological-testing;child-adolescent", "trauma"));
            case 2 -> p.as(pick(g, "LCSW", "LICSW"), null,
                    pick(g, "trauma", "family-therapy", "trauma;group-therapy", "substance-use", "crisis-intervention", ""));
            case 3 -> p.as(pick(g, "LPC", "LMHC", "LCPC"), null,
                    pick(g, "substance-use", "group-therapy", "trauma", "serious-mental-illness", "substance-use;group-therapy"));
            default -> p.as("LMFT", null, pick(g, "family-therapy", "couples-therapy;family-therapy", "child-adolescent;family-therapy"));
        }
        p.share90832 = 0.20 + g.random.nextDouble() * 0.10;
        p.share90837 = 0.25 + g.random.nextDouble() * 0.10;
        if (p.claims("trauma")) {
            p.share90837 += 0.06; // trauma work runs long (Prolonged Exposure: 90 minutes; domain reference 10.4)
        }
        p.mix = g.random.nextDouble();
        return p;
    }

    /** How much of the average workload this practice carries (1 unless varied). */
    private double workload = 1.0;
    /** Runs two groups a day (90853 for each member) instead of individual sessions. */
    private boolean groupTherapist;
    /** The share of individual sessions with interactive complexity (90785); 0 unless varied. */
    private double interactiveComplexity;

    /**
     * Makes an ordinary practice as varied as real ones are (the false-alarm measurement): part-time
     * (a third to full time) or full time; one in four bills 45-minute sessions almost only (agency
     * policy), the others anywhere from 15 to 50 % 60-minute sessions; three in ten add interactive
     * complexity to 2-10 % of sessions; one social worker or counselor in ten runs groups (and claims
     * group therapy). Nothing here is a problem a reviewer should see.
     */
    void vary(java.util.SplittableRandom r) {
        interactiveComplexity = r.nextDouble() < 0.3 ? 0.02 + r.nextDouble() * 0.08 : 0;
        workload = r.nextDouble() < 0.4 ? 0.3 + r.nextDouble() * 0.4 : 0.8 + r.nextDouble() * 0.6;
        double style = r.nextDouble();
        if (style < 0.25) {
            share90837 = r.nextDouble() * 0.04;
        } else {
            share90837 = 0.15 + r.nextDouble() * 0.35;
        }
        share90832 = 0.10 + r.nextDouble() * 0.20;
        groupTherapist = !isPrescriber() && List.of("LCSW", "LICSW", "LPC", "LMHC", "LCPC").contains(credential)
                && r.nextDouble() < 0.10;
        if (groupTherapist) {
            specialties = List.of("group-therapy"); // a clinician who runs groups all day says so
        }
    }

    /** A true peer outlier: 90837 on about 85 % of individual sessions, whatever its peers bill. */
    void billsLongSessions() {
        share90832 = 0.05;
        share90837 = 0.85;
    }

    /** Sets the credential, its usual taxonomy (unless given) and the claimed specialties. */
    Practice as(String credential, String taxonomy, String specialties) {
        this.credential = credential;
        this.taxonomy = taxonomy != null ? taxonomy : switch (credential) {
            case "MD", "DO" -> "2084P0800X";
            case "NP" -> "363LP0808X";
            case "PA" -> "363A00000X";
            case "PhD", "PsyD" -> "103TC0700X";
            case "LCSW", "LICSW" -> "1041C0700X";
            case "LPC", "LCPC" -> "101YP2500X";
            case "LMHC" -> "101YM0800X";
            default -> "106H00000X";
        };
        this.specialties = specialties.isEmpty() ? List.of() : List.of(specialties.split(";"));
        return this;
    }

    boolean isPrescriber() {
        return List.of("MD", "DO", "NP", "PA").contains(credential);
    }

    boolean claims(String specialty) {
        return specialties.contains(specialty);
    }

    /** Bills about {@code lineTarget} lines over the month's working days, at most eight sessions a day. */
    void bill(SampleMonthGenerator g, long lineTarget) {
        lineTarget = Math.max(1, Math.round(lineTarget * workload));
        if (groupTherapist) {
            billGroups(g, lineTarget);
            return;
        }
        List<LocalDate> days = g.workingDays();
        int panelSize = (int) Math.max(6, lineTarget / 3);
        while (panel.size() < panelSize) {
            panel.add(new Member(g.nextMemberId(), g.birthDateForAge(memberAge(g))));
        }
        long written = 0;
        int dayIndex = g.random.nextInt(days.size());
        Set<String> visits = new HashSet<>(); // one visit per member and day, as a clean practice bills
        while (written < lineTarget) {
            LocalDate day = days.get(dayIndex++ % days.size());
            int sessions = 3 + g.random.nextInt(5);
            for (int s = 0; s < sessions && written < lineTarget; s++) {
                Member member = panel.get(g.random.nextInt(panel.size()));
                if (visits.add(member.id() + day)) {
                    written += encounter(g, member, day);
                }
            }
        }
    }

    /** Two groups of six to eight members a day, each member one 90853 (one in ten with 90785 beside it). */
    private void billGroups(SampleMonthGenerator g, long lineTarget) {
        List<LocalDate> days = g.workingDays();
        while (panel.size() < 24) {
            panel.add(new Member(g.nextMemberId(), g.birthDateForAge(memberAge(g))));
        }
        long written = 0;
        int dayIndex = g.random.nextInt(days.size());
        while (written < lineTarget) {
            LocalDate day = days.get(dayIndex++ % days.size());
            for (int group = 0; group < 2; group++) {
                int size = 6 + g.random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    Member m = panel.get((group * 12 + i) % panel.size());
                    String claim = g.nextClaimId();
                    ClaimFile file = g.regularFileFor(claim);
                    String dx = diagnosis(g);
                    file.write(new SampleMonthGenerator.Line(claim, 1, npi, billingNpi, m.id(), m.dob(), day, "90853",
                            null, 1, 60 + g.random.nextInt(31), dx, "11", charge("90853")));
                    written++;
                    if (i % 10 == 3) {
                        file.write(new SampleMonthGenerator.Line(claim, 2, npi, billingNpi, m.id(), m.dob(), day, "90785",
                                null, 1, null, dx, "11", charge("90785")));
                        written++;
                    }
                }
            }
        }
    }

    private int memberAge(SampleMonthGenerator g) {
        boolean child = claims("child-adolescent") && g.random.nextDouble() < 0.75;
        boolean senior = claims("geriatric") && g.random.nextDouble() < 0.75;
        if (child) {
            return 6 + g.random.nextInt(12);
        }
        return senior ? 66 + g.random.nextInt(20) : 20 + g.random.nextInt(42);
    }

    /** Writes one visit's claim and returns how many lines it had. */
    private int encounter(SampleMonthGenerator g, Member m, LocalDate day) {
        String claim = g.nextClaimId();
        String dx = diagnosis(g);
        double r = g.random.nextDouble();
        List<String[]> lines = new ArrayList<>(); // code, minutes, modifiers, dx override
        // in a sequence of months, a member evaluated in a later month is not evaluated here too
        boolean evaluatedLater = g.evaluatedLater.contains(npi + "|" + m.id());
        boolean evaluate = isPrescriber() ? r < 0.06 : r >= 0.94;
        if (evaluate && (evaluatedLater || !evaluated.add(m.id()))) {
            r = 0.5; // evaluated earlier this month or in a later month of the sequence: an ordinary visit instead
        }
        if (isPrescriber()) {
            if (r < 0.06) {
                lines.add(new String[]{"90792", null, null, null});
            } else if (r < 0.85 || !claims("medication-management")) {
                lines.add(new String[]{g.random.nextBoolean() ? "99213" : "99214", null, null, null});
                double addOn = nextMix();
                if (addOn < 0.25) {
                    lines.add(new String[]{"90833", minutes(g, 18, 35), null, null});
                } else if (addOn < 0.40) {
                    lines.add(new String[]{"90836", minutes(g, 40, 50), null, null});
                }
            } else {
                lines.add(individual(g));
            }
        } else if (claims("psychological-testing") && r < 0.40) {
            boolean neuro = g.random.nextBoolean();
            lines.add(new String[]{neuro ? "96136" : "96130", null, null, null});
            lines.add(new String[]{neuro ? "96137" : "96131", null, null, null});
        } else if (claims("couples-therapy") && r < 0.40) {
            lines.add(new String[]{"90847", minutes(g, 45, 58), null, "Z63.0;" + dx});
        } else if (claims("family-therapy") && r < 0.45) {
            lines.add(new String[]{g.random.nextDouble() < 0.7 ? "90847" : "90846", minutes(g, 45, 58), null, null});
        } else if (claims("group-therapy") && r < 0.45) {
            lines.add(new String[]{"90853", minutes(g, 60, 90), null, null});
        } else if (claims("crisis-intervention") && r < 0.35) {
            lines.add(new String[]{"90839", minutes(g, 45, 70), null, null});
        } else if (r < 0.94) {
            lines.add(individual(g));
            // drawn only in a varied network: the default one takes nothing more from the stream
            if (interactiveComplexity > 0 && g.random.nextDouble() < interactiveComplexity) {
                lines.add(new String[]{"90785", null, null, null});
            }
        } else {
            lines.add(new String[]{"90791", null, null, null});
        }
        if (lines.get(0)[0].equals("90791") || lines.get(0)[0].equals("90792")) {
            g.evaluatedHere.add(npi + "|" + m.id());
        }
        String pos = "11";
        String telehealth = null;
        double t = g.random.nextDouble();
        boolean inPerson = lines.get(0)[0].startsWith("961") || lines.get(0)[0].equals("90853");
        if (!inPerson && t < 0.20) {
            pos = "10";
            telehealth = g.random.nextDouble() < 0.85 ? "95" : "93";
        } else if (!inPerson && t < 0.25) {
            pos = "02";
            telehealth = "95";
        }
        ClaimFile file = g.regularFileFor(claim);
        int lineNo = 0;
        for (String[] l : lines) {
            String modifiers = l[2] != null ? l[2] : telehealth;
            file.write(new SampleMonthGenerator.Line(claim, ++lineNo, npi, billingNpi, m.id(), m.dob(), day, l[0],
                    modifiers, 1, l[1] == null ? null : Integer.valueOf(l[1]), l[3] != null ? l[3] : dx, pos,
                    charge(l[0])));
        }
        return lines.size();
    }

    private double nextMix() {
        mix = (mix + 0.6180339887498949) % 1.0;
        return mix;
    }

    private String[] individual(SampleMonthGenerator g) {
        double r = nextMix();
        if (r < share90832) {
            return new String[]{"90832", minutes(g, 20, 35), null, null};
        }
        if (r < share90832 + share90837) {
            return new String[]{"90837", minutes(g, 54, 65), null, null};
        }
        return new String[]{"90834", minutes(g, 40, 50), null, null};
    }

    private String diagnosis(SampleMonthGenerator g) {
        List<String[]> pools = new ArrayList<>();
        if (claims("trauma")) {
            pools.add(TRAUMA_DX);
        }
        if (claims("substance-use")) {
            pools.add(SUBSTANCE_DX);
        }
        if (claims("serious-mental-illness")) {
            pools.add(SMI_DX);
        }
        if (claims("child-adolescent")) {
            pools.add(CHILD_DX);
        }
        if (claims("geriatric")) {
            pools.add(GERIATRIC_DX);
        }
        String[] pool = !pools.isEmpty() && g.random.nextDouble() < 0.7 ? pools.get(g.random.nextInt(pools.size())) : GENERAL_DX;
        return pool[g.random.nextInt(pool.length)];
    }

    private static String minutes(SampleMonthGenerator g, int min, int max) {
        return Integer.toString(min + g.random.nextInt(max - min + 1));
    }

    static String charge(String code) {
        return switch (code) {
            case "90837" -> "185.00";
            case "90834" -> "140.00";
            case "90832" -> "95.00";
            case "90791", "90792" -> "220.00";
            case "99213" -> "110.00";
            case "99214" -> "165.00";
            case "90833" -> "80.00";
            case "90836" -> "105.00";
            default -> "120.00";
        };
    }

    private static String pick(SampleMonthGenerator g, String... options) {
        return options[g.random.nextInt(options.length)];
    }
}
