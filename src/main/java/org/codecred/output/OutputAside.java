package org.codecred.output;

import org.codecred.job.MonthReset;
import org.codecred.job.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A --force run replaces a month's complete outputs; until it completes, those stay exactly as they
 * were. So it writes everything to {@code output/.YYYY-MM.next} ({@link RunSettings#asideDir()}), and
 * when the job has completed, {@link #publish} swaps that folder in for {@code output/YYYY-MM}: the
 * old folder is renamed away, the new one renamed in, the old one removed. Each move is atomic and
 * {@code publish} picks up from any point a kill left it at, so a rerun of the same command (which
 * finds the month completed) finishes the swap. A run that resumes an interrupted forced run finds
 * the aside folder and goes on writing there.
 */
public final class OutputAside implements MonthReset {

    private static final Logger log = LoggerFactory.getLogger(OutputAside.class);

    /**
     * The settings this run writes with: aside when --force replaces complete outputs (its
     * run-summary.json says COMPLETED) or when an interrupted forced run left its aside folder.
     */
    public static RunSettings forRun(RunSettings settings) {
        boolean replacing = settings.force() && completed(settings.publishedDir().resolve("run-summary.json"));
        return replacing || Files.isDirectory(settings.asideDir(), LinkOption.NOFOLLOW_LINKS)
                ? settings.withOutputsAside() : settings;
    }

    /** True when the file is a run summary of a completed run. */
    static boolean completed(Path summary) {
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        try {
            return "COMPLETED".equals(JsonMapper.builder().build().readTree(summary.toFile()).path("status").asString());
        } catch (JacksonException e) {
            return false; // unreadable: not a complete output worth keeping
        }
    }

    /**
     * Puts a completed forced run's outputs in place of the month's previous ones; nothing to do
     * otherwise. What a user added to the previous folder (a reviewer's notes) is carried over: the
     * {@code resets} a new run applies to its own folder (removing the dossiers CodeCred wrote, say)
     * are applied to the previous folder, and whatever remains that the new run did not write moves in.
     */
    public static void publish(RunSettings settings, List<MonthReset> resets) {
        Path aside = settings.asideDir();
        Path target = settings.publishedDir();
        Path previousRoot = target.resolveSibling("." + settings.month() + ".previous");
        RunSettings previous = new RunSettings(settings.month(), settings.inputRoot(), previousRoot, settings.db(),
                settings.rulesDir(), false);
        try {
            if (Files.isDirectory(aside, LinkOption.NOFOLLOW_LINKS)) {
                removeTree(aside.resolve(".scratch")); // the run's scratch files: nothing in them is an output
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    removeTree(previousRoot);
                    Files.createDirectories(previousRoot);
                    Files.move(target, previous.publishedDir(), StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                log.info("month {}: the recomputed outputs replace the previous ones in {}", settings.month(), target);
            }
            if (Files.isDirectory(previous.publishedDir(), LinkOption.NOFOLLOW_LINKS)) {
                for (MonthReset reset : resets) {
                    reset.reset(previous);
                }
                carryOver(previous.publishedDir(), target);
            }
            removeTree(previousRoot);
        } catch (Exception e) {
            throw new IllegalStateException("cannot put the recomputed outputs " + aside + " in place of " + target
                    + ": " + e.getMessage(), e);
        }
    }

    /** Moves each file of {@code from} that {@code to} lacks into the same place under {@code to}. */
    private static void carryOver(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Path relative = from.relativize(file);
                Path there = to.resolve(relative.toString());
                if (!relative.startsWith(".scratch") && !Files.exists(there, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(there.getParent());
                    Files.move(file, there);
                }
            }
        }
    }

    /** A new forced run starts from an empty aside folder (an earlier attempt's files must not be published). */
    @Override
    public void reset(RunSettings settings) throws IOException {
        if (!settings.buildingAside()) {
            return;
        }
        try (Stream<Path> entries = Files.list(settings.asideDir())) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals(".scratch") && !name.equals("run-summary.json")) {
                    removeTree(entry);
                }
            }
        }
    }

    private static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
