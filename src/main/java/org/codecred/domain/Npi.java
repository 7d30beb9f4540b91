package org.codecred.domain;

/**
 * The NPI check digit (CMS "Requirements for NPI Check Digit"): Luhn mod 10 over the number
 * prefixed with 80840, which is the same as adding the constant 24 to the Luhn sum of the nine
 * base digits.
 */
public final class Npi {

    private Npi() {
    }

    /** True for 10 digits, first digit 1 or 2, and a correct check digit. */
    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10 || (npi.charAt(0) != '1' && npi.charAt(0) != '2')) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (!Character.isDigit(npi.charAt(i))) {
                return false;
            }
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit for nine base digits. */
    public static int checkDigit(String base) {
        int total = 24; // the implied 80840 prefix
        for (int i = 0; i < 9; i++) {
            int digit = base.charAt(8 - i) - '0';
            if (i % 2 == 0) { // the rightmost base digit is doubled
                digit *= 2;
                digit = digit / 10 + digit % 10;
            }
            total += digit;
        }
        return (10 - total % 10) % 10;
    }

    /** A valid NPI from nine base digits. */
    public static String withCheckDigit(String base) {
        return base + checkDigit(base);
    }
}
