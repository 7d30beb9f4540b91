/**
 * Step checkCredentials: every rostered provider against the published sources — NPI check digit,
 * license dates, taxonomy fit ({@code jobs/rules/taxonomies.csv}), the OIG exclusion list (LEIE) and
 * the NPPES registry, all read through the registry of published sources
 * ({@link org.codecred.sources.PublishedSources}) — plus the claims' rendering NPIs that are not on the roster. The rules are
 * plain classes ({@code *Rule}); {@link org.codecred.credentials.CheckCredentialsTasklet} is the only
 * Spring-facing part. Findings go to {@code codecred.finding}, every check to
 * {@code codecred.credential_check} for the dossier's Credentials sheet.
 */
package org.codecred.credentials;
