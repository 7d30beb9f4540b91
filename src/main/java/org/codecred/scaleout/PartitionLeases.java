package org.codecred.scaleout;

/**
 * Who is running a partition right now. A worker holds the lease of a partition (its step
 * execution id) for as long as it runs it, on a database session of its own; the database drops
 * the lease with the session, so a worker that dies (even {@code kill -9}) lets its partitions go
 * at once. The manager uses this to tell a partition that is still being worked on from one whose
 * worker is gone, and only the latter is marked failed.
 */
public interface PartitionLeases {

    /** Waits until this process holds the lease of {@code stepExecutionId}. */
    void hold(long stepExecutionId);

    /** Takes the lease if nobody holds it; false when a live process holds it. */
    boolean tryHold(long stepExecutionId);

    /** Lets the lease go; nothing happens when this process does not hold it. */
    void release(long stepExecutionId);

    /** Whether leases exist at all: without them a lost worker's partition is not detected. */
    boolean tracksWorkers();

    /** No leases (one JVM, or a database without session locks): nothing is detected, nothing waits. */
    PartitionLeases NONE = new PartitionLeases() {
        @Override
        public void hold(long stepExecutionId) {
        }

        @Override
        public boolean tryHold(long stepExecutionId) {
            return false;
        }

        @Override
        public void release(long stepExecutionId) {
        }

        @Override
        public boolean tracksWorkers() {
            return false;
        }
    };
}
