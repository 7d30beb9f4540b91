package org.codecred.coding;

import org.codecred.domain.CredentialFamily;

/** A rostered provider's credential as the scope rule needs it: the canonical name and its family. */
public record Credential(String canonical, CredentialFamily family) {
}
