package dev.loopbacklab.lesson;

import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.net.Numbers;
import dev.loopbacklab.net.Ports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameter values for one run. Built with {@link #parse}, which checks every value
 * against its {@link ParamSpec} and throws {@link ParamException} with a message a learner
 * understands ("count must be a whole number from 1 to 1,000,000"), never a stack trace.
 */
public final class Params {
    private static final int MAX_RAW_LENGTH = 4096;
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    /** Validates {@code raw} (name to text) against {@code specs}; missing values take defaults. */
    public static Params parse(List<ParamSpec> specs, Map<String, String> raw) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String name : raw.keySet()) {
            if (!byName.containsKey(name)) {
                String known =
                        byName.isEmpty()
                                ? "it takes none"
                                : "it takes " + String.join(", ", byName.keySet());
                throw new ParamException(
                        name, "unknown parameter \"" + shorten(name) + "\": " + known);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            String text = raw.get(spec.name());
            if (text == null || (text.isEmpty() && spec.kind() != ParamSpec.Kind.TEXT)) {
                if (spec.required()) {
                    throw new ParamException(
                            spec.name(), spec.name() + " is required: " + spec.help());
                }
                text = spec.defaultValue();
            }
            values.put(spec.name(), convert(spec, text));
        }
        return new Params(values);
    }

    /** The defaults of every parameter (fails if one has no default). */
    public static Params defaults(List<ParamSpec> specs) {
        return parse(specs, Map.of());
    }

    private static Object convert(ParamSpec spec, String text) {
        if (text.length() > MAX_RAW_LENGTH) {
            throw new ParamException(spec.name(), spec.name() + " is far too long");
        }
        return switch (spec.kind()) {
            case INTEGER -> wholeNumber(spec, text);
            case PORT -> port(spec, text);
            case HOST -> host(spec, text);
            case TEXT -> {
                if (text.length() > spec.max()) {
                    throw new ParamException(
                            spec.name(),
                            spec.name()
                                    + " must be "
                                    + spec.boundsText()
                                    + "; yours has "
                                    + Numbers.whole(text.length()));
                }
                yield text;
            }
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new ParamException(spec.name(), spec.name() + " must be true or false");
                }
                yield Boolean.parseBoolean(text);
            }
        };
    }

    private static long wholeNumber(ParamSpec spec, String text) {
        String problem = spec.name() + " must be a whole number " + spec.boundsText();
        String why = Numbers.problemWith(text);
        if (why != null) {
            throw new ParamException(spec.name(), problem + typed(text) + why);
        }
        long value = Numbers.parseWhole(text);
        if (value < spec.min() || value > spec.max()) {
            throw new ParamException(spec.name(), problem + typed(text));
        }
        return value;
    }

    private static int port(ParamSpec spec, String text) {
        int port;
        try {
            port = Ports.parse(text, spec.name());
        } catch (IllegalArgumentException e) {
            port = -1;
        }
        if (port < spec.min() || port > spec.max()) {
            // one wording for the range, the same as the form's help, whatever was wrong
            throw new ParamException(
                    spec.name(),
                    spec.name()
                            + " must be a port number "
                            + spec.boundsText()
                            + ", digits 0-9 only"
                            + typed(text));
        }
        return port;
    }

    /** The learner's input echoed exactly as typed (shortened if long), never reformatted. */
    private static String typed(String text) {
        return "; you typed \"" + shorten(text) + "\"";
    }

    private static LoopbackTarget host(ParamSpec spec, String text) {
        try {
            return LoopbackTarget.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParamException(spec.name(), spec.name() + ": " + e.getMessage());
        }
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    public long integer(String name) {
        return (Long) get(name);
    }

    public int port(String name) {
        return (Integer) get(name);
    }

    public LoopbackTarget host(String name) {
        return (LoopbackTarget) get(name);
    }

    public String text(String name) {
        return (String) get(name);
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return values.get(name);
    }

    /** The values as text, e.g. for showing what a run used. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach(
                (k, v) ->
                        text.put(k, v instanceof LoopbackTarget t ? t.text() : String.valueOf(v)));
        return text;
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
