/**
 * The month's Excel outputs: one credentialing dossier per rostered provider ({@link
 * org.codecred.dossier.DossierWorkbook}, six sheets) and the summary workbook ({@link
 * org.codecred.dossier.SummaryWorkbook}). {@link org.codecred.dossier.DossierLoader} reads the staging
 * tables; the writers are plain POI and know nothing of Spring.
 */
package org.codecred.dossier;
