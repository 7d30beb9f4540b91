package org.codecred.dossier;

import org.codecred.domain.TimeBands;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * What every workbook of a run states about the run itself: CodeCred's version, when the run
 * started (and ended, once known), the files it read, and which procedure codes are timed (the
 * time bands count only those).
 *
 * @param ended      null while the run is still writing (the dossiers are written before it ends)
 * @param timedCodes codes with a time band in the code table; empty when unknown
 * @param timeBands  the psychotherapy time bands of the code table's ladder
 */
public record RunFacts(String version, LocalDateTime started, LocalDateTime ended, List<org.codecred.sources.SourceFile> sources,
                       Set<String> timedCodes, TimeBands timeBands) {

    /** The psychotherapy, family and crisis codes: the timed families when no code table is at hand. */
    public static final Set<String> DEFAULT_TIMED = Set.of("90832", "90833", "90834", "90836", "90837", "90838",
            "90846", "90847", "90839", "90840");

    public static RunFacts unknown(LocalDateTime started) {
        return new RunFacts(SourceFiles.version(), started, null, List.of(), DEFAULT_TIMED, TimeBands.NONE);
    }

    public RunFacts {
        sources = List.copyOf(sources);
        timedCodes = Set.copyOf(timedCodes);
    }
}
