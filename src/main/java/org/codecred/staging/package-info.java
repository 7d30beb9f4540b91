/**
 * The shared staging tables of a month and their owners: {@link org.codecred.staging.ClaimLineTable}
 * ({@code claim_line}), {@link org.codecred.staging.RenderingNpiTable} ({@code rendering_npi}, the month's
 * rendering NPIs staged once after the load), {@link org.codecred.staging.ProviderTable} ({@code provider}),
 * {@link org.codecred.staging.FindingTable} ({@code finding}) and {@link org.codecred.staging.RejectTable}
 * ({@code rejected_row}). Each owner holds its table's SQL and row mapping, its DDL is
 * {@code staging/NN-table.sql}; no other class touches the table. Tables one part keeps for itself
 * are owned in that part's package ({@code credentials.CredentialCheckTable}, {@code alignment.MetricTable},
 * {@code alignment.SpecialtyAlignmentTable}, {@code verdict.VerdictTable}). {@link org.codecred.staging.StagingSchema}
 * runs the DDL and clears a month.
 */
package org.codecred.staging;
