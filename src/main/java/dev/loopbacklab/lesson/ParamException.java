package dev.loopbacklab.lesson;

/** A parameter value a learner gave was not acceptable; the message says why, in plain words. */
public final class ParamException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ParamException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The parameter at fault, or null when the problem is not tied to one field. */
    public String field() {
        return field;
    }
}
