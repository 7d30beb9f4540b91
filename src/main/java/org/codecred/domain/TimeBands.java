package org.codecred.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The psychotherapy time bands of documented session minutes, for the metrics and the dossier's
 * time-band table. The limits are not kept here: they are the rungs of the psychotherapy ladder in
 * {@code codes.csv} (min_minutes of 90832, 90834, 90837: 16, 38, 53), given to {@link #ofRungs}. Bands:
 * not documented, under the first rung, then one band per rung up to the next rung's lower limit.
 */
public final class TimeBands {

    /** One band; {@code id} as in metric ids ({@code band:90834:38-52}), {@code label} as the dossier shows it. */
    public record Band(int index, String id, String label) {
    }

    /** No ladder known: every line is "not documented" or "documented". */
    public static final TimeBands NONE = ofRungs(List.of());

    private final List<Integer> rungs;
    private final List<Band> bands;

    private TimeBands(List<Integer> rungs) {
        this.rungs = List.copyOf(rungs);
        List<Band> all = new ArrayList<>();
        all.add(new Band(0, "no-time", "not documented"));
        if (rungs.isEmpty()) {
            all.add(new Band(1, "documented", "documented"));
        } else {
            all.add(new Band(1, "under-" + rungs.get(0), "under " + rungs.get(0) + " min"));
            for (int i = 0; i < rungs.size(); i++) {
                int from = rungs.get(i);
                if (i + 1 < rungs.size()) {
                    int to = rungs.get(i + 1) - 1;
                    all.add(new Band(all.size(), from + "-" + to, from + "–" + to + " min"));
                } else {
                    all.add(new Band(all.size(), from + "-plus", from + " min or more"));
                }
            }
        }
        this.bands = List.copyOf(all);
    }

    /** @param rungs the lower limits of the ladder's codes in minutes, ascending and distinct */
    public static TimeBands ofRungs(List<Integer> rungs) {
        for (int i = 1; i < rungs.size(); i++) {
            if (rungs.get(i) <= rungs.get(i - 1)) {
                throw new IllegalArgumentException("time ladder rungs must ascend: " + rungs);
            }
        }
        return new TimeBands(rungs);
    }

    /** Every band in display order, "not documented" first. */
    public List<Band> all() {
        return bands;
    }

    public Band of(Integer minutes) {
        if (minutes == null) {
            return bands.get(0);
        }
        if (rungs.isEmpty()) {
            return bands.get(1);
        }
        int index = 1;
        for (int i = 0; i < rungs.size() && minutes >= rungs.get(i); i++) {
            index = i + 2;
        }
        return bands.get(index);
    }
}
