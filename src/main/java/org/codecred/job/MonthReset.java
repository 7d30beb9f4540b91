package org.codecred.job;

/**
 * What a part clears when a month starts anew (its first run or {@code --force}), beyond the staging
 * tables: prepareMonth calls every such bean. Lets a later part (the dossiers) take part without the
 * job's wiring depending on it.
 */
@FunctionalInterface
public interface MonthReset {

    void reset(RunSettings settings) throws Exception;
}
