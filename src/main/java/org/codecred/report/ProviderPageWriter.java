package org.codecred.report;

import org.codecred.domain.Provider;
import org.codecred.dossier.Dossier;
import org.codecred.dossier.DossierView;
import org.codecred.output.OutputFiles;
import org.codecred.rules.CredentialVocabulary;

import java.nio.file.Path;

/**
 * Writes {@code report/providers/<NPI>.html} in writeDossiers, from the dossier just written as a
 * workbook (which the page links), so the report reads no dossier a second time. One per
 * partition: the month's output folder comes with the partition (a worker serves any month), and
 * the folder holding the months, where the provider's other months are looked for, is its parent.
 */
final class ProviderPageWriter implements DossierView {

    private final Path pages;
    private final Links links;
    private final CredentialVocabulary credentials;

    /** {@code monthOutput}: the month's output folder ({@code output/YYYY-MM}, or a forced run's folder beside it). */
    ProviderPageWriter(Path monthOutput, CredentialVocabulary credentials) {
        Path folder = monthOutput.toAbsolutePath();
        this.pages = folder.resolve(Links.FOLDER).resolve(Links.PROVIDERS);
        this.links = new Links(folder.getParent());
        this.credentials = credentials;
    }

    @Override
    public void write(Dossier dossier, Path workbook) {
        Provider provider = dossier.provider();
        String page = ProviderPage.render(dossier, credentials.family(provider.credential()).label(),
                workbook.getFileName().toString(), links);
        OutputFiles.writeText(pages.resolve(Links.pageName(provider.npi())), out -> out.write(page));
    }
}
