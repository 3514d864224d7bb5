package dev.loopbacklab.net;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as the lab writes and reads them, the same on every machine: ASCII digits, a comma
 * between thousands ({@code 1,000,000}) and a point before decimals ({@code 12.5}). The machine's
 * locale is never asked, so a German machine does not print {@code 1.000.000} and then refuse it
 * when the learner types it back; and what {@link #whole} prints, {@link #parseWhole} reads.
 */
public final class Numbers {
    /** More digits than this do not fit a {@code long} for sure. */
    private static final int MAX_DIGITS = 18;

    private Numbers() {}

    /**
     * A whole number with thousands grouped by commas.
     *
     * @param value any whole number
     * @return such as {@code 1,000,000} or {@code -42}
     */
    public static String whole(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * A short wait as a learner reads it: whole seconds from one second on, milliseconds below.
     *
     * @param millis how long, in milliseconds
     * @return such as {@code 4 s} for 3,999 ms, or {@code 300 ms}
     */
    public static String waited(long millis) {
        return millis >= 1000 ? whole((millis + 500) / 1000) + " s" : whole(millis) + " ms";
    }

    /**
     * A number with a fixed count of decimals after a point, without grouping.
     *
     * @param value any number
     * @param places how many decimals, 0 or more
     * @return such as {@code 12.5} for {@code (12.46, 1)}
     */
    public static String decimal(double value, int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must be 0 or more, not " + places);
        }
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /**
     * Reads a whole number of ASCII digits, grouped the way {@link #whole} writes it or not at all:
     * {@code 1000000}, {@code 1,000,000} and {@code 1_000_000} are all one million. A separator
     * (comma, or underscore as in Java) counts only where it groups: each one is followed by
     * exactly three digits and the first group has one to three, so {@code 1,0} is refused rather
     * than read as ten. One kind of separator per number; no sign, no spaces, no other digits.
     *
     * @param text the number's text
     * @return its value
     * @throws NumberFormatException if {@link #problemWith} finds a problem
     */
    public static long parseWhole(String text) {
        String problem = problemWith(text);
        if (problem != null) {
            throw new NumberFormatException(
                    "not a whole number: " + UntrustedText.quote(text) + problem);
        }
        return Long.parseLong(text.replace(",", "").replace("_", ""));
    }

    /**
     * Why {@code text} is not a whole number as {@link #parseWhole} reads them, as a clause to
     * follow the quoted text, or null if it is one.
     *
     * @param text the number's text, or null
     * @return such as {@code ", which has a sign"}, or null
     */
    public static String problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return ", which has no digits";
        }
        char separator = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '_') {
                if (separator != 0 && separator != c) {
                    return ", which mixes commas and underscores: use one or the other";
                }
                separator = c;
            } else if (c < '0' || c > '9') {
                return notADigit(text, i);
            }
        }
        String digits = separator == 0 ? text : text.replace(String.valueOf(separator), "");
        if (digits.isEmpty()) {
            return ", which has no digits";
        }
        if (separator != 0 && !groupsInThrees(text, separator)) {
            String name = separator == ',' ? "a comma" : "an underscore";
            String grouped = separator == ',' ? "1,000" : "1_000";
            return ", which groups its digits wrongly: write "
                    + digits
                    + ", or put "
                    + name
                    + " before every three digits from the right ("
                    + grouped
                    + ")";
        }
        if (digits.length() > MAX_DIGITS) {
            return ", which has more than " + MAX_DIGITS + " digits";
        }
        return null;
    }

    private static String notADigit(String text, int at) {
        char c = text.charAt(at);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return ", which has spaces in it";
        }
        if (at == 0 && (c == '+' || c == '-')) {
            return ", which has a sign";
        }
        if (c == '.') {
            return ", which has a point: a whole number has none, and thousands are grouped"
                    + " with commas (1,000)";
        }
        if (Character.isDigit(text.codePointAt(at))) {
            return ", which uses digits other than the ASCII digits 0-9";
        }
        return ", which has characters other than digits";
    }

    /** Whether every separator is followed by exactly three digits, with 1-3 digits first. */
    private static boolean groupsInThrees(String text, char separator) {
        String[] groups = text.split(Pattern.quote(String.valueOf(separator)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
