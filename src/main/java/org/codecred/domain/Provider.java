package org.codecred.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A provider on the month's roster, as the credential service declares it.
 *
 * @param credential     the license type as written on the roster (LCSW, LICSW, PsyD, MD, ...)
 * @param licenseExpires null when the roster leaves it empty
 * @param specialties    specialty ids claimed, e.g. {@code trauma}, {@code family-therapy}
 * @param dateOfBirth    null when not given
 * @param lineNumber     physical line in roster.csv
 */
public record Provider(
        String npi,
        String lastName,
        String firstName,
        String credential,
        String licenseNumber,
        String licenseState,
        LocalDate licenseExpires,
        String taxonomyCode,
        List<String> specialties,
        LocalDate dateOfBirth,
        long lineNumber) {

    public Provider {
        specialties = List.copyOf(specialties);
    }

    public String displayName() {
        return firstName.isEmpty() ? lastName : lastName + ", " + firstName;
    }
}
