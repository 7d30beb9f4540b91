package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test fixtures: claim lines built field by field, the real rule tables, and the engine over them. */
final class Lines {

    static final CodingRules RULES = CodingRules.load(Path.of("src/test/resources/rules"));
    static final CodingEngine ENGINE = new CodingEngine(RULES);
    static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    static final String NPI = "1234567893";
    static final Credential LCSW = new Credential("LCSW", CredentialFamily.SOCIAL_WORKER);
    static final Credential MD = new Credential("MD", CredentialFamily.PRESCRIBER);

    private static long nextLine = 2;

    private String claim = "C1";
    private int lineNo = 1;
    private String npi = NPI;
    private String member = "M1";
    private LocalDate date = DAY;
    private final String code;
    private List<String> modifiers = List.of();
    private int units = 1;
    private Integer minutes;
    private boolean minutesColumn = true;
    private List<String> dx = List.of("F43.10");
    private String pos = "11";

    private Lines(String code) {
        this.code = code;
    }

    static Lines line(String code) {
        return new Lines(code);
    }

    Lines minutes(Integer m) { minutes = m; return this; }
    Lines noMinutesColumn() { minutesColumn = false; return this; }
    Lines claim(String c, int n) { claim = c; lineNo = n; return this; }
    Lines member(String m) { member = m; return this; }
    Lines npi(String n) { npi = n; return this; }
    Lines date(LocalDate d) { date = d; return this; }
    Lines modifiers(String... m) { modifiers = List.of(m); return this; }
    Lines units(int u) { units = u; return this; }
    Lines dx(String... d) { dx = Arrays.asList(d); return this; }
    Lines pos(String p) { pos = p; return this; }

    ClaimLine build() {
        return new ClaimLine("claims.csv", nextLine++, claim, lineNo, npi, null, member, null, date, code, modifiers,
                units, minutes, dx, pos, null, minutesColumn);
    }

    /** Runs the engine over one provider-day made of {@code lines} (sorted by member as the reader does). */
    static List<Finding> check(Credential credential, Lines... lines) {
        List<ClaimLine> built = new ArrayList<>();
        for (Lines l : lines) {
            built.add(l.build());
        }
        built.sort(java.util.Comparator.comparing(ClaimLine::memberId).thenComparing(ClaimLine::lineNumber));
        return ENGINE.check(new ProviderDay(built.get(0).renderingNpi(), built.get(0).serviceDate(), built), credential);
    }

    /** Runs the engine over one provider-day with what the provider billed on earlier dates of the month. */
    static List<Finding> checkAfter(List<Lines> earlierDays, Lines... lines) {
        return checkAfter(ENGINE, earlierDays, lines);
    }

    static List<Finding> checkAfter(CodingEngine engine, List<Lines> earlierDays, Lines... lines) {
        EarlierDays.Builder earlier = new EarlierDays.Builder();
        for (Lines l : earlierDays) {
            ClaimLine built = l.build();
            if (engine.tracksAcrossDays(built.procedureCode())) {
                earlier.add(built.memberId(), built.serviceDate(), built.procedureCode());
            }
        }
        List<ClaimLine> built = new ArrayList<>();
        for (Lines l : lines) {
            built.add(l.build());
        }
        built.sort(java.util.Comparator.comparing(ClaimLine::memberId).thenComparing(ClaimLine::lineNumber));
        return engine.check(new ProviderDay(built.get(0).renderingNpi(), built.get(0).serviceDate(), built,
                earlier.snapshot()), MD);
    }

    static List<Finding> check(Lines... lines) {
        return check(MD, lines);
    }

    static List<Finding> of(RuleId rule, List<Finding> findings) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }
}
