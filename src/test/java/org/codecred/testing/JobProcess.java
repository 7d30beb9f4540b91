package org.codecred.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A Java main class run in a child JVM with the test classpath, so a test can kill it like a power cut. */
public final class JobProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private JobProcess(Process process) {
        this.process = process;
        this.pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process was killed: nothing more to read
            }
        }, "job-process-output");
        pump.setDaemon(true);
        pump.start();
    }

    public static JobProcess start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return new JobProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public Process process() {
        return process;
    }

    public boolean printed(String text) {
        return output.stream().anyMatch(l -> l.contains(text));
    }

    public String output() {
        return String.join("\n", output);
    }

    /** Waits, checking every few milliseconds, until {@code condition} holds; fails after {@code timeout}. */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("gave up waiting for " + what + "; process said:\n" + output());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** Waits until the process has ended and all it printed has been read; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("gave up waiting for the process to end; it said:\n" + output());
        }
        pump.join(timeout.toMillis());
        return process.exitValue();
    }

    /**
     * Sends SIGTERM, as a service manager's stop or Ctrl-C does. Not {@link Process#destroy()}: that
     * also closes this side's pipes, so whatever the process prints while it stops would be lost.
     */
    public void terminate() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -TERM " + process.pid() + " failed");
        }
    }

    /** Kills the process the way kill -9 does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
