package org.codecred.alignment;

import org.codecred.credentials.NpiCheckDigit;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Small builders for synthetic claim lines and providers (no real names or ids). */
final class Fixtures {

    static final Path RULES = Path.of("src/test/resources/rules");
    static final LocalDate DAY1 = LocalDate.of(2026, 10, 1);

    private Fixtures() {
    }

    static AlignmentRules rules() {
        return AlignmentRules.load(RULES);
    }

    static Provider provider(String npi, String credential, String... specialties) {
        return new Provider(npi, "Testperson", "Pat", credential, "L1", "MA", LocalDate.of(2028, 1, 1),
                "1041C0700X", Arrays.asList(specialties), null, 1);
    }

    /** A line for member {@code member} on day {@code day} (1-based day of the month). */
    static ClaimLine line(String npi, String member, int day, String code, Integer minutes, LocalDate dob, String... dx) {
        return new ClaimLine("claims.csv", nextLine++, "C" + nextLine, 1, npi, null, member, dob,
                DAY1.plusDays(day - 1), code, List.of(), 1, minutes, Arrays.asList(dx), "11", null, true);
    }

    static ClaimLine telehealth(String npi, String member, int day, String code, Integer minutes, String... dx) {
        return new ClaimLine("claims.csv", nextLine++, "C" + nextLine, 1, npi, null, member, null,
                DAY1.plusDays(day - 1), code, List.of("95"), 1, minutes, Arrays.asList(dx), "10", null, true);
    }

    private static long nextLine = 2;

    /** Aggregates lines as the reader would: in encounter order. */
    static ProviderActivity activity(String npi, List<ClaimLine> lines) {
        AlignmentRules rules = rules();
        ProviderActivity activity = new ProviderActivity(npi, rules.specialties().all(), rules.telehealth(),
                rules.codingFacts());
        List<ClaimLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(ClaimLine::serviceDate).thenComparing(ClaimLine::memberId));
        sorted.forEach(activity::add);
        return activity.finish();
    }

    /** {@code n} visits of 90834 at 45 minutes, each a different member, with diagnosis {@code dx}. */
    static List<ClaimLine> visits(String npi, String memberPrefix, int n, String code, String... dx) {
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(line(npi, memberPrefix + i, 1 + i % 28, code, 45, null, dx));
        }
        return lines;
    }

    /** An NPI with a valid check digit (NpiCheckDigit) from a 9-digit base. */
    static String npi(String base9) {
        return base9 + NpiCheckDigit.checkDigit(base9);
    }
}
