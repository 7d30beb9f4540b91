package org.codecred.alignment;

/**
 * One specialty of one provider, claimed or strongly evidenced (a row of specialty_alignment).
 *
 * @param evidence      plain-words evidence, e.g. "12 of 40 visits (30.0 %) with a trauma- or stressor-related diagnosis"
 * @param evidenceShare null when no visit could be judged
 * @param supportedAt   the specialty's supported share; null when the specialty is not in the table
 * @param weakAt        the specialty's weak share; null when the specialty is not in the table
 */
public record AlignmentRow(String npi, String specialty, boolean claimed, String evidence, Double evidenceShare,
                           Double supportedAt, Double weakAt, AlignmentOutcome outcome) {
}
