package org.codecred.credentials;

/**
 * The NPI check digit (CMS "Requirements for NPI Check Digit"): Luhn mod 10 over the NPI prefixed
 * with 80840 (80 = health, 840 = USA). The prefix adds a constant 24 to the Luhn sum of the nine
 * base digits. NPIs start with 1 or 2.
 */
public final class NpiCheckDigit {

    private static final int PREFIX_80840 = 24;

    private NpiCheckDigit() {
    }

    /** True when {@code npi} is 10 digits, starts with 1 or 2 and its last digit is the check digit. */
    public static boolean isValid(String npi) {
        if (npi == null || !npi.matches("[12]\\d{9}")) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit of nine base digits, e.g. 3 for 123456789. */
    public static int checkDigit(String base) {
        if (base == null || !base.matches("\\d{9}")) {
            throw new IllegalArgumentException("an NPI base is 9 digits: " + base);
        }
        int total = PREFIX_80840;
        for (int i = 0; i < 9; i++) {
            int digit = base.charAt(8 - i) - '0';
            if (i % 2 == 0) {           // the rightmost base digit is doubled, then every other one
                digit *= 2;
                digit = digit / 10 + digit % 10;
            }
            total += digit;
        }
        return (10 - total % 10) % 10;
    }

    /** Why an NPI fails, in words an auditor understands; null when it is valid. */
    public static String problem(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return "is not 10 digits";
        }
        if (npi.charAt(0) != '1' && npi.charAt(0) != '2') {
            return "does not start with 1 or 2";
        }
        int expected = checkDigit(npi.substring(0, 9));
        if (expected != npi.charAt(9) - '0') {
            return "fails the check digit (the 10th digit should be " + expected + ", Luhn over 80840"
                    + npi.substring(0, 9) + ")";
        }
        return null;
    }
}
