package org.codecred.dossier;

import org.codecred.alignment.AlignmentOutcome;
import org.codecred.alignment.AlignmentRow;
import org.codecred.alignment.ProviderMetric;
import org.codecred.credentials.CheckResult;
import org.codecred.credentials.CredentialCheck;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.domain.Verdict;
import org.codecred.verdict.ProviderVerdict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Hand-built dossiers for the writer tests (made-up names and ids). */
final class Dossiers {

    static final String NPI = "1234567893";
    static final LocalDateTime GENERATED = LocalDateTime.of(2026, 11, 2, 8, 30);

    private Dossiers() {
    }

    static Provider provider(String npi, String lastName) {
        return new Provider(npi, lastName, "Ada", "LCSW", "LC-0042", "IL", LocalDate.of(2026, 11, 30), "1041C0700X",
                List.of("trauma", "family-therapy"), null, 2);
    }

    static ClaimLine line(String claimId, int lineNo, String member, String code, Integer minutes, long sourceLine) {
        return new ClaimLine("claims.csv", sourceLine, claimId, lineNo, NPI, "1987654320", member,
                LocalDate.of(1980, 5, 1), LocalDate.of(2026, 10, 5), code, List.of("95"), 1, minutes,
                List.of("F43.10"), "02", new BigDecimal("125.50"), true);
    }

    /** A provider on hold with every table filled in. */
    static Dossier full() {
        List<ClaimLine> lines = new ArrayList<>();
        lines.add(line("=1+2", 1, "M123456789", "90837", 45, 2));
        lines.add(line("C-2", 1, "M555501234", "90834", 40, 3));
        lines.add(line("C-3", 1, "M555501234", "90834", null, 4));
        lines.add(line("@SUM(A1)", 1, "M555509999", "90832", 20, 5));
        List<Finding> findings = List.of(
                Finding.onProvider(RuleId.LICENSE_EXPIRING, NPI, "", "license LC-0042 (IL) expires 2026-11-30, within 90 days"),
                Finding.onLine(RuleId.TIME_UPCODED, lines.get(0), "90834", "90837 billed for 45 documented minutes; the time supports 90834"),
                Finding.onLine(RuleId.TELEHEALTH_MODIFIER, lines.get(1), "", "-place of service 02 without a telehealth modifier"),
                Finding.onProvider(RuleId.SPECIALTY_UNDECLARED, NPI, "substance-use", "strong evidence for substance-use"));
        return new Dossier(YearMonth.parse("2026-10"), provider(NPI, "Doe"),
                new ProviderVerdict(NPI, Verdict.HOLD, "EXCLUDED-OIG: on the exclusion list since 2019-01-01", 4, 1, 0.75, 1, 1, 1),
                List.of(new CredentialCheck(NPI, "NPI check digit", CheckResult.PASS, "valid", "roster.csv", null),
                        new CredentialCheck(NPI, "OIG exclusion list", CheckResult.FAIL, "=HYPERLINK(\"x\") excluded 2019-01-01",
                                "exclusions/UPDATED.csv", LocalDate.of(2026, 10, 1))),
                List.of(new ProviderMetric(NPI, "share-90837", 0.62, "social workers", 40, 0.35, 0.55),
                        new ProviderMetric(NPI, "services-per-day", 6.5, "social workers", 40, 5.0, 9.0)),
                List.of(new AlignmentRow(NPI, "trauma", true, "F43.x primary on 3 of 4 lines", 0.75, 0.30, 0.15, AlignmentOutcome.SUPPORTED),
                        new AlignmentRow(NPI, "family-therapy", true, "no 90846/90847 lines", 0.0, 0.20, 0.10, AlignmentOutcome.UNSUPPORTED),
                        new AlignmentRow(NPI, "substance-use", false, "F1x on 2 lines", 0.5, 0.3, 0.15, AlignmentOutcome.UNDECLARED)),
                findings.stream().sorted(Finding.REPORT_ORDER).toList(), lines, GENERATED);
    }

    /** A provider none of the later steps has anything about yet. */
    static Dossier bare() {
        return new Dossier(YearMonth.parse("2026-10"), provider("1000000004", "Roe"), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), GENERATED);
    }
}
