package org.codecred.database;

/**
 * A database's automatic checkpoint, paused while a step's partitions run side by side (see
 * {@code job.CheckpointPause}) and resumed after it.
 */
public interface AutomaticCheckpoint {

    /** Pauses it; false when it could not be paused (the step then runs as before). */
    boolean pause(String stepName);

    /** Resumes it after a successful {@link #pause}. */
    void resume();

    /** A database without one. */
    AutomaticCheckpoint NONE = new AutomaticCheckpoint() {
        @Override
        public boolean pause(String stepName) {
            return false;
        }

        @Override
        public void resume() {
        }
    };
}
