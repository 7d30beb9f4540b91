/**
 * Step decideVerdicts: HOLD / REVIEW / CLEAR per rostered provider. {@link org.codecred.verdict.VerdictPolicy}
 * is the plain-Java policy (which rules drive a verdict comes from {@link org.codecred.domain.RuleId}),
 * {@link org.codecred.verdict.VerdictTable} owns {@code codecred.provider_verdict}, and
 * {@link org.codecred.verdict.DecideVerdictsTasklet} composes the finding, metric and roster owners'
 * grouped reads into one verdict per provider.
 */
package org.codecred.verdict;
