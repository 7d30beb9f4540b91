package org.codecred.dossier;

import java.nio.file.Path;

/**
 * Another view of a provider's month written from the same assembled {@link Dossier} as the
 * workbook, right after it (the report's provider page is one): writeDossiers reads each
 * provider's rows once, for every file made from them. A view is made per partition, like the
 * workbook writer, and must write atomically and say the same on a rewrite: a restart writes the
 * chunk a kill cut again.
 */
public interface DossierView {

    /** {@code workbook}: the provider's dossier workbook, just written. */
    void write(Dossier dossier, Path workbook);
}
