package org.codecred.domain;

/**
 * The month's credentialing outcome for one provider (contract, "Verdicts"): HOLD on any credential
 * error, REVIEW on coding errors above the threshold or any review-worthy warning, CLEAR otherwise.
 */
public enum Verdict {
    HOLD, REVIEW, CLEAR
}
