package dev.loopbacklab.lesson;

/** A lesson file could not be read; the message names the file and the problem. */
public final class LessonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LessonFormatException(String message) {
        super(message);
    }
}
