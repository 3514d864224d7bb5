package dev.loopbacklab.lesson;

import dev.loopbacklab.net.Numbers;

/**
 * One parameter an experiment takes: its name, kind, default, bounds and a line of help. Pages
 * build their forms from these and the engine validates every value against them.
 */
public record ParamSpec(
        String name, Kind kind, String defaultValue, long min, long max, String help) {

    /** What sort of value a parameter holds. */
    public enum Kind {
        /** A whole number within [min, max]. */
        INTEGER,
        /** A TCP or UDP port, parsed by {@link dev.loopbacklab.net.Ports}; bounds [min, max]. */
        PORT,
        /** A loopback host, checked by {@link dev.loopbacklab.net.LoopbackTarget}. */
        HOST,
        /** Free text of at most {@code max} characters. */
        TEXT,
        /** true or false. */
        BOOLEAN
    }

    public ParamSpec {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("parameter names are kebab-case: " + name);
        }
    }

    /** A whole number from {@code min} to {@code max}, {@code defaultValue} when not given. */
    public static ParamSpec integer(
            String name, long defaultValue, long min, long max, String help) {
        return new ParamSpec(name, Kind.INTEGER, Long.toString(defaultValue), min, max, help);
    }

    /** A port number; {@code defaultValue} may be null when the learner must choose one. */
    public static ParamSpec port(String name, Integer defaultValue, String help) {
        return new ParamSpec(
                name,
                Kind.PORT,
                defaultValue == null ? null : defaultValue.toString(),
                1,
                65535,
                help);
    }

    /**
     * The {@code port} of a check on a server the learner starts themselves: {@code suggested} is
     * the one the lesson tells them to use.
     */
    public static ParamSpec yourServerPort(int suggested) {
        return port("port", suggested, "the port your server listens on");
    }

    /** A loopback host, 127.0.0.1 unless given. */
    public static ParamSpec host(String name, String help) {
        return new ParamSpec(name, Kind.HOST, "127.0.0.1", 0, 0, help);
    }

    /** Text of at most {@code maxLength} characters. */
    public static ParamSpec text(String name, String defaultValue, int maxLength, String help) {
        return new ParamSpec(name, Kind.TEXT, defaultValue, 0, maxLength, help);
    }

    /** A yes/no switch. */
    public static ParamSpec bool(String name, boolean defaultValue, String help) {
        return new ParamSpec(name, Kind.BOOLEAN, Boolean.toString(defaultValue), 0, 1, help);
    }

    /** True when the learner must give a value. */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * The default as a learner reads it, next to the bounds, or null when there is none: a whole
     * number grouped as the bounds are ({@code 10,000}, which {@link Params} reads back); a port as
     * an address writes it ({@code 8080}, as in {@code 127.0.0.1:8080}); anything else as it is.
     */
    public String defaultText() {
        return kind == Kind.INTEGER && defaultValue != null
                ? Numbers.whole(Long.parseLong(defaultValue))
                : defaultValue;
    }

    /** The bounds as a learner reads them, e.g. "from 1 to 1,000,000". */
    public String boundsText() {
        return switch (kind) {
            case INTEGER, PORT -> "from " + Numbers.whole(min) + " to " + Numbers.whole(max);
            case TEXT -> "at most " + Numbers.whole(max) + " characters";
            case HOST -> "a loopback address";
            case BOOLEAN -> "true or false";
        };
    }
}
