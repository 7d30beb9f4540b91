package org.codecred.verdict;

import org.codecred.domain.Verdict;

/**
 * The month's verdict for one rostered provider (a row of provider_verdict), computed once and read
 * by every output.
 *
 * @param reasons        the findings and figures that drove the verdict, in plain words
 * @param codingAccuracy share of the provider's lines with no coding ERROR; null when it has no lines
 */
public record ProviderVerdict(String npi, Verdict verdict, String reasons, long lines, long codingErrors,
                              Double codingAccuracy, long errors, long warnings, long infos) {
}
