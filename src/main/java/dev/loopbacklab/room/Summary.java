package dev.loopbacklab.room;

import dev.loopbacklab.net.OperatingSystem;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a learner's lab sends to the room after a run on the learner's machine: the experiment or
 * check id, the verdict of a check (null for an experiment), the OS family and a few numbers. Never
 * process tables, user names, paths or addresses.
 *
 * @param requestId chosen by the learner's lab, so a retry after a lost answer is stored once
 * @param experiment the experiment or check id
 * @param passed a check's verdict; null for an experiment
 * @param os the OS family of the learner's machine: linux, macos, windows or other
 * @param numbers at most {@link #MAX_NUMBERS} short named values (see {@link RoomNumbers})
 * @param sentAtMicros when the learner's lab sent it (its own clock; shown, never trusted)
 */
public record Summary(
        String requestId,
        String experiment,
        Boolean passed,
        String os,
        Map<String, String> numbers,
        long sentAtMicros) {
    public static final int MAX_NUMBERS = 8;
    static final int MAX_TEXT = 64;

    // Compiled once: every report from every learner goes through these.
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern EXPERIMENT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern OS = Pattern.compile("linux|macos|windows|other");
    private static final Pattern NUMBER_NAME = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]*");

    /**
     * Checks every field against the room's bounds; throws {@link RoomInputException} with a
     * message a person can read.
     */
    public Summary {
        requireText("requestId", requestId, REQUEST_ID);
        requireText("experiment", experiment, EXPERIMENT);
        if (experiment.length() > 60) {
            throw new RoomInputException("experiment must be at most 60 characters");
        }
        requireText("os", os, OS);
        numbers = numbers == null ? Map.of() : new TreeMap<>(numbers);
        if (numbers.size() > MAX_NUMBERS) {
            throw new RoomInputException("at most " + MAX_NUMBERS + " numbers");
        }
        for (Map.Entry<String, String> number : numbers.entrySet()) {
            requireText("a number's name", number.getKey(), NUMBER_NAME);
            String value = number.getValue();
            if (value == null || value.length() > MAX_TEXT || !PRINTABLE.matcher(value).matches()) {
                throw new RoomInputException(
                        "the value of "
                                + number.getKey()
                                + " must be printable ASCII, at most "
                                + MAX_TEXT
                                + " characters");
            }
        }
        numbers = Map.copyOf(numbers);
    }

    /** This machine's OS family as the room writes it. */
    public static String thisOs() {
        return switch (OperatingSystem.current()) {
            case LINUX -> "linux";
            case MAC -> "macos";
            case WINDOWS -> "windows";
            default -> "other";
        };
    }

    private static void requireText(String name, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new RoomInputException(name + " is missing or not well formed");
        }
    }
}
