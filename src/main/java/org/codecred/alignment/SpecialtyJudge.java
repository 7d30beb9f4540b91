package org.codecred.alignment;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a provider's evidence counts into an outcome per claimed specialty (SUPPORTED, WEAK,
 * UNSUPPORTED, INSUFFICIENT-DATA) and per strongly evidenced unclaimed one (UNDECLARED), with the
 * findings SPECIALTY-UNSUPPORTED and SPECIALTY-UNDECLARED. Plain Java: no database, no Spring.
 */
public final class SpecialtyJudge {

    /** The alignment rows of one provider and the findings they raise. */
    public record Result(List<AlignmentRow> rows, List<Finding> findings) {
    }

    private final SpecialtyTable table;

    public SpecialtyJudge(SpecialtyTable table) {
        this.table = table;
    }

    public Result judge(Provider provider, ProviderActivity activity) {
        return judge(provider, org.codecred.domain.CredentialFamily.UNKNOWN, activity);
    }

    /** @param family the provider's credential family: some specialties are its ordinary practice (never UNDECLARED) */
    public Result judge(Provider provider, org.codecred.domain.CredentialFamily family, ProviderActivity activity) {
        List<AlignmentRow> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (String id : provider.specialties()) {
            if (!id.isBlank()) {
                claimed.add(SpecialtyTable.key(id));
            }
        }
        List<Specialty> specialties = activity.specialties();
        for (String id : claimed) {
            int index = indexOf(specialties, id);
            if (index < 0) {
                rows.add(new AlignmentRow(provider.npi(), id, true,
                        "'" + id + "' is not in " + SpecialtyTable.FILE + ": no evidence is defined for it",
                        null, null, null, AlignmentOutcome.INSUFFICIENT_DATA));
                continue;
            }
            Specialty s = specialties.get(index);
            int judged = activity.judged(index);
            int evidence = activity.evidence(index);
            String text = evidenceText(s, judged, evidence);
            if (judged < s.minVolume()) {
                rows.add(row(provider, s, true, text + "; fewer than the " + s.minVolume()
                        + " needed for a judgment", activity.evidenceShare(index), AlignmentOutcome.INSUFFICIENT_DATA));
                continue;
            }
            double share = (double) evidence / judged;
            AlignmentOutcome outcome = outcome(share, s.supportedShare(), s.weakShare());
            String why = "only " + text + "; weak from " + pct(s.weakShare()) + ", supported from " + pct(s.supportedShare());
            Specialty.Pattern pattern = s.pattern();
            if (pattern != null && evidence > 0 && outcome != AlignmentOutcome.UNSUPPORTED) {
                // the pattern criterion (trauma: extended sessions) among the evidence visits
                int shown = activity.pattern(index);
                double patternShare = (double) shown / evidence;
                String patternText = shown + " of " + evidence + " of those visits (" + pct(patternShare) + ") were "
                        + pattern.description();
                text = text + "; " + patternText;
                AlignmentOutcome byPattern = outcome(patternShare, pattern.supportedShare(), pattern.weakShare());
                if (byPattern == AlignmentOutcome.UNSUPPORTED) {
                    why = text + ": too few " + pattern.description() + " (weak from " + pct(pattern.weakShare())
                            + ", supported from " + pct(pattern.supportedShare()) + ")";
                }
                if (byPattern.ordinal() > outcome.ordinal()) {
                    outcome = byPattern;
                }
            }
            if (outcome == AlignmentOutcome.UNSUPPORTED && !s.unsupportedFromClaims()) {
                rows.add(row(provider, s, true, text + "; claims alone cannot show this specialty is absent (its work"
                        + " is often paid privately), so at most insufficient data", share, AlignmentOutcome.INSUFFICIENT_DATA));
                continue;
            }
            rows.add(row(provider, s, true, text, share, outcome));
            if (outcome == AlignmentOutcome.UNSUPPORTED) {
                findings.add(Finding.onProvider(RuleId.SPECIALTY_UNSUPPORTED, provider.npi(), s.id(),
                        "claims " + s.id() + " but " + why));
            }
        }
        for (int i = 0; i < specialties.size(); i++) {
            Specialty s = specialties.get(i);
            if (claimed.contains(s.id()) || s.undeclaredShare() == null || !table.reportsUndeclared(s.id(), family)) {
                continue;
            }
            int judged = activity.judged(i);
            if (judged < s.minVolume() || judged == 0) {
                continue;
            }
            double share = (double) activity.evidence(i) / judged;
            if (share >= s.undeclaredShare()) {
                String text = evidenceText(s, judged, activity.evidence(i));
                rows.add(row(provider, s, false, text, share, AlignmentOutcome.UNDECLARED));
                findings.add(Finding.onProvider(RuleId.SPECIALTY_UNDECLARED, provider.npi(), s.id(),
                        "does not claim " + s.id() + " but " + text + "; reported from " + pct(s.undeclaredShare())));
            }
        }
        return new Result(rows, findings);
    }

    /** SUPPORTED, WEAK or UNSUPPORTED by the share's place among the thresholds (enum order is severity order). */
    private static AlignmentOutcome outcome(double share, double supported, double weak) {
        return share >= supported ? AlignmentOutcome.SUPPORTED
                : share >= weak ? AlignmentOutcome.WEAK : AlignmentOutcome.UNSUPPORTED;
    }

    private static AlignmentRow row(Provider provider, Specialty s, boolean claimed, String evidence, Double share,
                                    AlignmentOutcome outcome) {
        return new AlignmentRow(provider.npi(), s.id(), claimed, evidence, share, s.supportedShare(), s.weakShare(), outcome);
    }

    private static int indexOf(List<Specialty> specialties, String id) {
        for (int i = 0; i < specialties.size(); i++) {
            if (specialties.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** "12 of 40 visits (30.0 %) had <description>", naming the known-age base for age evidence. */
    static String evidenceText(Specialty s, int judged, int evidence) {
        String base = s.usesAge() ? (judged == 1 ? "visit with a known member age" : "visits with a known member age")
                : (judged == 1 ? "visit" : "visits");
        if (judged == 0) {
            return "0 " + base + " to judge (evidence: " + s.description() + ")";
        }
        return evidence + " of " + judged + " " + base + " (" + pct((double) evidence / judged) + ") had "
                + s.description();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
