/**
 * The published sources: every file CodeCred reads as its publisher ships it (OIG LEIE, SAM.gov
 * exclusions, Medicare opt-out, the NPPES extract, the NUCC taxonomy, the CMS NCCI PTP and MUE tables).
 * {@link org.codecred.sources.PublishedSources} is their registry: one entry per source with its
 * folder, its files, its release-date rule and its layout (the header check, the readability check
 * run before the month, and the reading of rows into the list the credential checks use). Each file
 * read is one {@link org.codecred.sources.SourceFile} (kind, name, release date and how it was known,
 * rows, SHA-256), hashed once per run. Every text file is decoded by one policy
 * ({@link org.codecred.sources.PublishedText}); every CMS table by one reader
 * ({@link org.codecred.sources.CmsFiles}) with a PTP and an MUE layout.
 *
 * <p>Plain Java: no Spring here. The input check and the credential step loop over the registry; the
 * Sources sheets and run-summary.json show what it read.
 */
package org.codecred.sources;
