package org.codecred.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer group with no spread (contract v3, issue 25): nine social workers claiming OCD, whose
 * coding supports the claim, who all bill the same mix — 60-minute sessions (90837) on exactly one
 * visit in four, 45-minute sessions (90834) otherwise — so the group's MAD is zero. Eight of them
 * stay CLEAR, among them Quarrie at 10 of 24 visits (42 %: above the peers, but not by the
 * clinical floor); Pendergast bills 90837 on 20 of 24 visits and is the one PEER-OUTLIER.
 *
 * <p>Written after every other planted case, with its own claim and member numbers taken last and
 * no draw from the generator's random stream, so nothing else in the month moves.
 */
final class PlantedPeerGroup {

    static final String[] ORDINARY = {"Abelard", "Brightwater", "Cordova", "Dunleavy", "Esterhazy", "Fenwick",
            "Galbraith"};
    static final int VISITS = 24;

    private final SampleMonthGenerator g;
    private final List<Practice> ordinary = new ArrayList<>();
    private Practice highButClean;
    private Practice outlier;

    PlantedPeerGroup(SampleMonthGenerator g) {
        this.g = g;
    }

    void addProviders() {
        for (String name : ORDINARY) {
            ordinary.add(add(name, "Ada"));
        }
        highButClean = add("Quarrie", "Noor");
        outlier = add("Pendergast", "Wes");
    }

    private Practice add(String last, String first) {
        Practice p = new Practice();
        p.planted = true;
        p.npi = g.nextNpi();
        p.lastName = last;
        p.firstName = first;
        p.dateOfBirth = LocalDate.of(1972, 2, 1).plusDays(g.practices.size() * 89L);
        p.licenseNumber = "LIC" + (800000 + g.practices.size());
        p.licenseExpires = g.month.atEndOfMonth().plusYears(2);
        p.as("LCSW", null, "ocd");
        g.practices.add(p);
        return p;
    }

    /** 24 visits each, one a working day from the first, each a different adult member with OCD. */
    void billLines() {
        for (Practice p : ordinary) {
            bill(p, 6);
        }
        bill(highButClean, 10);
        bill(outlier, 20);
    }

    /** {@code long90837} of the visits are 60-minute sessions, spread evenly; the rest 45 minutes. */
    private void bill(Practice p, int long90837) {
        List<LocalDate> days = g.workingDays();
        for (int i = 0; i < VISITS; i++) {
            boolean extended = (i * long90837) / VISITS != ((i + 1) * long90837) / VISITS;
            String claim = g.nextClaimId();
            LocalDate day = days.get(i % days.size());
            LocalDate dob = g.month.atDay(15).minusYears(28 + i).minusDays(11L * i);
            g.fileFor(claim).write(new SampleMonthGenerator.Line(claim, 1, p.npi, p.billingNpi, g.nextMemberId(), dob,
                    day, extended ? "90837" : "90834", null, 1, extended ? 58 : 46, "F42.2", "11",
                    Practice.charge(extended ? "90837" : "90834")));
        }
    }
}
