package org.codecred.ingest;

import java.time.YearMonth;
import java.util.Optional;

/**
 * The claim ledger of earlier completed months, as loading needs it: whether a claim was counted
 * in a month, so a replacement or void of it is not rejected as out of month. Kept by history
 * ({@code history.ClaimLedgerTable}); loading only asks.
 */
public interface EarlierClaims {

    /** No ledger (tools and tests of single files): no claim belongs to an earlier month. */
    EarlierClaims NONE = new EarlierClaims() {
        @Override
        public boolean counted(String billingKey, String claimId, YearMonth month) {
            return false;
        }

        @Override
        public Optional<YearMonth> latestBefore(String billingKey, String claimId, YearMonth month) {
            return Optional.empty();
        }
    };

    /** Whether lines of the claim were counted in the completed month {@code month}. */
    boolean counted(String billingKey, String claimId, YearMonth month);

    /** The latest completed month before {@code month} in which lines of the claim were counted. */
    Optional<YearMonth> latestBefore(String billingKey, String claimId, YearMonth month);
}
