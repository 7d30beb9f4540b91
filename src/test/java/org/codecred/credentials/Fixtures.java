package org.codecred.credentials;

import org.codecred.domain.Provider;

import java.time.LocalDate;
import java.util.List;

/** Made-up providers with valid NPIs for the credential tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A valid NPI made from a 9-digit base, e.g. {@code npi("123456789")} = 1234567893. */
    static String npi(String base) {
        return base + NpiCheckDigit.checkDigit(base);
    }

    static Provider provider(String npi, String last, String first, String credential, String license, String state,
                             LocalDate expires, String taxonomy, LocalDate dob) {
        return new Provider(npi, last, first, credential, license, state, expires, taxonomy, List.of(), dob, 2);
    }

    /** An LCSW in Texas with a clinical social worker taxonomy, license valid for years. */
    static Provider lcsw(String npi, String last, String first, LocalDate dob) {
        return provider(npi, last, first, "LCSW", "LCSW-40001", "TX", LocalDate.of(2029, 6, 30), "1041C0700X", dob);
    }
}
