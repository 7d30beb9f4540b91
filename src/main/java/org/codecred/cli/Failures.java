package org.codecred.cli;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;

/**
 * Turns an exception chain into the one line a user reads: never "null", never a multi-line SQL
 * statement. A full disk is named as such wherever in the chain it shows (the database, its JDBC driver
 * and Spring each wrap it), and a damaged zip or a file cut short says so.
 */
public final class Failures {

    private static final int MAX = 400;

    private Failures() {
    }

    /** One line saying what went wrong, from the most telling part of the chain. */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return "the disk is full (" + diskOf(e) + "): free some space and run the same command again";
            }
        }
        Throwable root = e;
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            root = t;
        }
        if (meaningful(root.getMessage()) != null) {
            return oneLine(root.getMessage());
        }
        // the root says nothing: the nearest message above it gives the context (a file name)
        String rootText = reason(root);
        for (int i = chain.size() - 2; i >= 0; i--) {
            String message = meaningful(chain.get(i).getMessage());
            if (message != null && !message.contains("SQL [")) {
                return oneLine(message.endsWith(": null") ? message.substring(0, message.length() - 6) + ": " + rootText
                        : message + ": " + rootText);
            }
        }
        return oneLine(rootText);
    }

    /** What a single exception says, or what its kind means when it says nothing. */
    public static String reason(Throwable t) {
        String message = meaningful(t.getMessage());
        if (t instanceof ZipException) {
            return "not a readable zip file (damaged or cut short)" + (message == null ? "" : ": " + message);
        }
        if (t instanceof EOFException) {
            return "the file ends too early (cut short while copying?)";
        }
        if (t instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (t instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (t instanceof FileSystemException f && message == null) {
            return "cannot use " + f.getFile();
        }
        return message != null ? message : "an unexpected " + t.getClass().getSimpleName() + " (details in the log)";
    }

    /** A message with the text "null" left out; null when nothing remains. */
    private static String meaningful(String message) {
        if (message == null || message.isBlank() || message.equals("null")) {
            return null;
        }
        return message;
    }

    /** The file or database a disk-full error was about, when the chain names one. */
    private static String diskOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException f && f.getFile() != null) {
                return "writing " + f.getFile();
            }
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("cannot write ")) {
                return "writing " + message.substring("cannot write ".length()).split(":")[0];
            }
        }
        return "writing the database or an output file";
    }

    /** The first line, cut to a readable length. */
    public static String oneLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        if (first.contains("SQL [")) {
            first = first.substring(0, first.indexOf("SQL [")).strip();
        }
        return first.length() <= MAX ? first : first.substring(0, MAX - 1) + "…";
    }
}
