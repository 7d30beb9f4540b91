/**
 * The shared staging tables of a month and their owners: {@link org.codecred.staging.ClaimLineTable}
 * ({@code claim_line}), {@link org.codecred.staging.RenderingNpiTable} ({@code rendering_npi}, the month's
 * rendering NPIs staged once after the load), {@link org.codecred.staging.ProviderTable} ({@code provider}),
 * {@link org.codecred.staging.FindingTable} ({@code finding}) and {@link org.codecred.staging.RejectTable}
 * ({@code rejected_row}). Each owner holds its table's SQL and row mapping; its DDL is in Flyway's
 * migrations ({@code db/migration/V<n>__what.sql}, docs/database.md); no other class touches the table. Tables one part keeps for itself
 * are owned in that part's package ({@code credentials.CredentialCheckTable}, {@code alignment.MetricTable},
 * {@code alignment.SpecialtyAlignmentTable}, {@code verdict.VerdictTable}). {@link org.codecred.staging.StagingSchema}
 * migrates the tables and clears a month.
 */
package org.codecred.staging;
