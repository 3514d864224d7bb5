package dev.loopbacklab.lesson;

/** How a run ended. */
public enum Outcome {
    /** An experiment ran to the end. */
    COMPLETED("completed", 0),
    /** A check ran and its verdict was a pass. */
    PASSED("passed", 0),
    /** A check ran and its verdict was a fail. */
    NOT_PASSED("not passed", 1),
    /** The experiment threw: the lab or the machine did not let it finish. */
    FAILED("failed", 1),
    /** Stopped by the learner, a time limit or a closed connection. */
    CANCELLED("stopped", 1);

    private final String label;
    private final int exitCode;

    Outcome(String label, int exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    /** How a learner reads it. */
    public String label() {
        return label;
    }

    /** The command line's exit status for it. */
    public int exitCode() {
        return exitCode;
    }
}
