package org.codecred.coding;

import org.codecred.domain.CredentialFamily;

/**
 * A rostered provider's credential as the scope rule needs it: the canonical name, its family and the
 * roster's taxonomy code (90863 is for prescribing psychologists, taxonomy 103TP0016X).
 *
 * @param taxonomy null when the roster gives none
 */
public record Credential(String canonical, CredentialFamily family, String taxonomy) {

    public Credential(String canonical, CredentialFamily family) {
        this(canonical, family, null);
    }
}
