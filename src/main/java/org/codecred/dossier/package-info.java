/**
 * The month's Excel outputs: one credentialing dossier per rostered provider ({@link
 * org.codecred.dossier.DossierWorkbook}) and the summary workbook ({@link
 * org.codecred.dossier.SummaryWorkbook}), each assembled from one class per sheet ({@code DossierSheet},
 * {@code MonthSheet}). {@link org.codecred.dossier.DossierLoader} reads the staging tables; the
 * writers are plain POI and know nothing of Spring.
 */
package org.codecred.dossier;
