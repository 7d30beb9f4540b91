package org.codecred.job;

/** The contract's exit codes, which schedulers read. */
public enum ExitCode {
    /** The month completed (now, or already before: nothing was redone). */
    COMPLETED(0),
    /** The job failed; the same command resumes it. */
    FAILED(1),
    /** Bad invocation or unusable input; nothing was started. */
    USAGE(2),
    /** The same month is already running in another process. */
    RUNNING(3),
    /** Stopped on request (SIGTERM, Ctrl-C) at a chunk boundary; the same command resumes it. */
    STOPPED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
