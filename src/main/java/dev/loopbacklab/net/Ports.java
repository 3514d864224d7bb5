package dev.loopbacklab.net;

/**
 * Reading port numbers from text, and telling what a port number means.
 *
 * <p>Try in JShell: {@code Ports.classify(62893).describe()} or {@code Ports.parse("080")}.
 */
public final class Ports {
    /** The largest port: port numbers are 16-bit unsigned, so 2^16 - 1. */
    public static final int MAX = 65535;

    private static final String RULE =
            " must be a port number from 0 to 65,535, digits 0-9 only; got ";

    private Ports() {}

    /**
     * Reads a port number written with the ASCII digits 0-9, and nothing else.
     *
     * <p>Stricter than {@link Integer#parseInt(String)}, which accepts {@code "+80"} and
     * Arabic-Indic digits. Refused: null, empty text, spaces around the digits, a sign, exponents
     * or hex ({@code "1e3"}, {@code "0x50"}), non-ASCII digits, more than 5 digits, and numbers
     * above 65535.
     *
     * <p><b>Leading zeros are refused</b> ({@code "080"}; {@code "0"} itself is fine): some tools
     * read {@code 0177}-style numbers as octal, so {@code "080"} has no single meaning and the lab
     * will not guess one.
     *
     * @param text the text to read, e.g. {@code "8080"}
     * @return the port, 0 to 65535
     * @throws PortFormatException with a message that says what is wrong
     */
    public static int parse(String text) {
        return parse(text, "port");
    }

    /**
     * Same as {@link #parse(String)}, but the message starts with {@code fieldName}, so a form or a
     * command line can say which of its fields is wrong.
     *
     * @param text the text to read
     * @param fieldName the name of the field, e.g. {@code "--port"}; {@code "port"} if null or
     *     blank
     * @return the port, 0 to 65535
     * @throws PortFormatException with a message starting with the field name
     */
    public static int parse(String text, String fieldName) {
        String field = fieldName == null || fieldName.isBlank() ? "port" : fieldName;
        String problem = problemWith(text);
        if (problem != null) {
            throw new PortFormatException(field + RULE + problem);
        }
        return Integer.parseInt(text);
    }

    /** Returns why {@code text} is not a port, or null if it is one. */
    private static String problemWith(String text) {
        if (text == null) {
            return "nothing (null)";
        }
        if (text.isEmpty()) {
            return "an empty text";
        }
        String shown = UntrustedText.quote(text);
        if (isSpace(text.codePointAt(0)) || isSpace(text.codePointBefore(text.length()))) {
            return shown + ", which has spaces around it";
        }
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            return shown + ", which has a sign";
        }
        boolean otherDigits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                if (!Character.isDigit(text.codePointAt(i))) {
                    return shown + ", which has characters other than digits";
                }
                otherDigits = true;
            }
        }
        if (otherDigits) {
            return shown + ", which uses digits other than the ASCII digits 0-9";
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            String plain = text.replaceFirst("^0+(?=.)", "");
            return shown
                    + ", which has a leading zero (write "
                    + plain
                    + "; some tools read 0177-style numbers as octal)";
        }
        if (text.length() > 5) {
            return shown
                    + ", which has more than 5 digits (the largest port number, 65,535, has 5)";
        }
        if (Integer.parseInt(text) > MAX) {
            return shown + ", which is above 65,535, the largest port number (ports are 16-bit)";
        }
        return null;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /**
     * Checks that a number is a port, i.e. from 0 to 65535.
     *
     * @param port the number to check
     * @return the same number, so the call can sit inside an expression
     * @throws PortFormatException if it is outside 0–65535
     */
    public static int requireValid(int port) {
        if (port < 0) {
            throw new PortFormatException(
                    "port " + port + " is below 0; ports go from 0 to 65,535");
        }
        if (port > MAX) {
            throw new PortFormatException(
                    "port "
                            + port
                            + " is above 65,535, the largest port number (ports are 16-bit)");
        }
        return port;
    }

    /**
     * Tells what a port means: its IANA category, the service usually found there, and whether this
     * machine treats it as privileged.
     *
     * @param port a port from 0 to 65535
     * @return the facts about it; {@link PortInfo#describe()} puts them in a sentence
     * @throws PortFormatException if the port is outside 0–65535
     */
    public static PortInfo classify(int port) {
        return classify(port, ServiceNames.system(), PrivilegedPorts.current());
    }

    /** The same, with the service table and the OS rule given, so tests need no real machine. */
    static PortInfo classify(int port, ServiceNames names, PrivilegedPorts rule) {
        requireValid(port);
        return new PortInfo(
                port, PortCategory.of(port), names.lookup(port), rule.isPrivileged(port));
    }
}
