/**
 * The month's Excel outputs: one credentialing dossier per rostered provider ({@link
 * org.codecred.dossier.DossierWorkbook}) and the summary workbook ({@link
 * org.codecred.dossier.SummaryWorkbook}), each assembled from one class per sheet ({@code DossierSheet},
 * {@code MonthSheet}). {@link org.codecred.dossier.DossierLoader} reads the staging tables; the
 * writers are plain POI and know nothing of Spring. Other files made from each dossier (the
 * report's provider page) are {@link org.codecred.dossier.DossierView}s, written right after the
 * workbook from the same dossier.
 */
package org.codecred.dossier;
