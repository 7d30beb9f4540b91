package org.codecred.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What makes two claim lines the same service, as an exact resubmission repeats it: the claim
 * (billing key and claim id), the line number, the claim frequency, and the service itself —
 * rendering and billing NPI, member, service date, procedure code, modifiers (in any order), units,
 * charge (as an amount: 150 = 150.00), diagnoses (in order: the first is the primary) and place of
 * service. Not part of it: where the line was read (file and line), the member's birth date and the
 * documented minutes, which an 837P does not carry, so that a CSV row and its 837 copy are the same
 * line. Two lines of one claim with the same line number but another content are a correction, not
 * a resubmission.
 */
public final class ClaimContent {

    private ClaimContent() {
    }

    /**
     * A 64-bit digest of the line's content, with the member id given as {@code member} (the id
     * itself for a comparison within the month, a keyed hash of it for the claim ledger, which holds
     * no member data). 64 bits suffice: digests are compared only between lines of one claim and line number.
     */
    public static long digest(ClaimLine line, String member) {
        String canonical = String.join("|", line.billingKey(), line.claimId(), Integer.toString(line.lineNo()),
                line.claimFrequency(), line.renderingNpi(), Objects.toString(line.billingNpi(), ""), member,
                line.serviceDate().toString(), line.procedureCode(), String.join(";", new TreeSet<>(line.modifiers())),
                Integer.toString(line.units()), amount(line.charge()), String.join(";", line.diagnosisCodes()),
                Objects.toString(line.placeOfService(), ""));
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            long digest = 0;
            for (int i = 0; i < 8; i++) {
                digest = digest << 8 | (sha[i] & 0xFF);
            }
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String amount(BigDecimal charge) {
        return charge == null ? "" : charge.stripTrailingZeros().toPlainString();
    }
}
