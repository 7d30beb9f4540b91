package org.codecred.alignment;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.Locale;
import java.util.Optional;

/**
 * TIME-UNDOCUMENTED-SHARE: more than the allowed share (coding-settings.csv time_undocumented_share,
 * default 10 %) of a provider's timed lines carry no minutes. Timed lines are those of the code set's
 * timed families (psychotherapy, family, crisis...) from files that have a minutes column: an 837 line
 * or a file without the column cannot document time and is not counted. Missing time is the most cited
 * reason in the OIG psychotherapy audits (domain reference 9.3). Subject = the share.
 */
public final class TimeDocumentationRule {

    private final double allowedShare;

    public TimeDocumentationRule(double allowedShare) {
        this.allowedShare = allowedShare;
    }

    public Optional<Finding> check(String npi, ProviderActivity activity) {
        Double share = activity.timeUndocumentedShare();
        if (share == null || share <= allowedShare) {
            return Optional.empty();
        }
        String pct = pct(share);
        return Optional.of(Finding.onProvider(RuleId.TIME_UNDOCUMENTED_SHARE, npi, pct, activity.timedWithoutMinutes()
                + " of " + activity.timedLines() + " timed lines (" + pct + ") have no session minutes although their"
                + " file has a minutes column; more than " + pct(allowedShare) + " undocumented time is reviewed"
                + " (time must be documented to support a timed code)"));
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
