package org.codecred.credentials;

import java.time.LocalDate;

/**
 * One check of one rostered provider, kept for the dossier's Credentials sheet.
 *
 * @param check      what was checked, e.g. {@code oig-exclusion}, {@code nppes-name}
 * @param detail     what was compared and what was found, in words
 * @param source     the file the evidence comes from (file name only)
 * @param sourceDate the source's date: from its file name, else its modification time; null if unknown
 */
public record CredentialCheck(String npi, String check, CheckResult result, String detail, String source,
                              LocalDate sourceDate) {
}
