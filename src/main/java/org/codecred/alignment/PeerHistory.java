package org.codecred.alignment;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;

/**
 * The earlier months of a provider's peer window, as history kept them: per completed month, per
 * provider, the counts the peer metrics are built from. Implemented by the history package; an
 * interface here so the comparison does not depend on how history is stored.
 */
@FunctionalInterface
public interface PeerHistory {

    /** No earlier month: the window is this month alone. */
    PeerHistory NONE = (month, previous, ids) -> Map.of();

    /**
     * The completed months among the {@code previous} calendar months before {@code month}, each with
     * {npi -> {metric id -> value}} for the given metric ids.
     */
    Map<YearMonth, Map<String, Map<String, Double>>> metrics(YearMonth month, int previous, Collection<String> ids);
}
