package org.codecred.dossier;

import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;
import org.codecred.sources.SourceFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The Sources sheet of the dossier and of the summary workbook: the files the run read (kind,
 * name, date and where the date comes from, rows, bytes, SHA-256), the version and the run's times.
 */
final class SourcesSheet implements DossierSheet, MonthSheet {

    static final String NAME = "Sources";

    @Override
    public String name() {
        return NAME;
    }

    /** A dossier lists the files its checks, findings and lines rest on; the summary lists every file once. */
    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        List<SourceFile> used = restingOn(dossier, run.sources());
        sources(sheet, run, "Sources: the files this dossier's checks, findings and claim lines rest on ("
                + used.size() + " of the run's " + run.sources().size() + "; all are in the summary workbook's Sources)", used);
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth month) {
        RunFacts run = month.facts().run();
        sources(sheet, run, "Sources: every input and rule file this run read", run.sources());
    }

    @Override
    public boolean printsFor(Dossier dossier) {
        return DossierSheet.needsDecision(dossier);
    }

    /**
     * The run's files the dossier rests on: the roster, the claim files of its lines, and every file
     * a credential check or a finding names; the rule tables are the run's (see the sources digest).
     */
    static List<SourceFile> restingOn(Dossier dossier, List<SourceFile> sources) {
        Set<String> named = new HashSet<>();
        dossier.lines().forEach(l -> named.add(l.sourceFile()));
        StringBuilder text = new StringBuilder();
        dossier.checks().forEach(c -> text.append(c.source()).append('\n'));
        dossier.findings().forEach(f -> text.append(f.message()).append('\n').append(f.sourceFile()).append('\n'));
        String mentions = text.toString();
        return sources.stream().filter(f -> f.kind().equals("roster") || named.contains(f.name())
                || mentions.contains(f.name())).toList();
    }

    /** SHA-256 over every source file's name and SHA-256, in the listed order: one value that names the run's inputs. */
    static String digest(List<SourceFile> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : sources) {
                sha.update((f.name() + '\u0000' + f.sha256() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sources(SheetWriter sheet, RunFacts run, String title, List<SourceFile> listed) {
        sheet.title(title);
        sheet.row().label("CodeCred version").spanning(run.version(), Kind.TEXT, Fill.NONE);
        sheet.row().label("Run started (UTC)").spanning(Workbooks.utc(run.started()), Kind.TEXT, Fill.NONE);
        sheet.row().label("Run ended (UTC)").spanning(run.ended() == null
                ? "after this file was written (see run-summary.json)" : Workbooks.utc(run.ended()), Kind.TEXT, Fill.NONE);
        sheet.row().label("Sources digest").spanning(digest(run.sources()) + " (SHA-256 over the " + run.sources().size()
                + " files' names and SHA-256 in the summary's Sources)", Kind.TEXT, Fill.NONE);
        sheet.paragraph("Coding edits come from the rule files listed: \"as published by CMS / NUCC\" files are read"
                + " as CMS and NUCC ship them; \"kept by hand\" tables are maintained with CodeCred. A finding that"
                + " rests on a table value marked UNVERIFIED says so in its message. License expiry dates come from"
                + " the roster, not from the state board.");
        sheet.tableHeader("Kind", "File", "Date", "Date from", "Rows", "Bytes", "SHA-256");
        sheet.cap(6, 78);
        if (listed.isEmpty()) {
            sheet.row().text("not recorded");
        }
        for (SourceFile f : listed) {
            sheet.row().text(SourceFiles.label(f)).text(f.name()).date(f.date()).text(f.dateFrom()).integer(f.rows())
                    .integer(f.bytes()).text(f.sha256());
        }
        sheet.finish();
    }
}
