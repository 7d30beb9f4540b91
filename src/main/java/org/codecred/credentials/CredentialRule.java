package org.codecred.credentials;

import org.codecred.domain.Provider;

/**
 * One credential check of a rostered provider: adds its check row(s) for the dossier's Credentials
 * sheet and its findings to {@code results}. Implementations are plain classes listed, in display
 * order, by the {@code credentialRuleList} bean of {@link CredentialStepsConfig}: adding a check is
 * adding a class (and its rule id to {@link org.codecred.domain.RuleId}).
 */
public interface CredentialRule {

    void check(Provider provider, CredentialSources sources, Results results);
}
