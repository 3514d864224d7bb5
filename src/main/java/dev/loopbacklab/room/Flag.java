package dev.loopbacklab.room;

import java.util.Locale;

/** The learner's sticky note, as in Carpentries workshops: none, "need help" or "done". */
public enum Flag {
    NONE("no flag"),
    HELP("needs help"),
    DONE("done");

    private final String words;

    Flag(String words) {
        this.words = words;
    }

    /** How the board says it, in words (never colour alone). */
    public String words() {
        return words;
    }

    /** The lower-case name used in JSON and the database. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code none}, {@code help} or {@code done}; anything else is refused. */
    public static Flag parse(String text) {
        for (Flag flag : values()) {
            if (flag.key().equals(text)) {
                return flag;
            }
        }
        throw new RoomInputException("flag must be one of none, help, done");
    }
}
