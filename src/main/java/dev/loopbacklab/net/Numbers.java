package dev.loopbacklab.net;

import java.util.Locale;

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
     * Reads a whole number of ASCII digits, allowing the commas {@link #whole} writes (and the
     * underscores Java allows in literals) between them: {@code 1,000,000}, {@code 1000000} and
     * {@code 1_000_000} are all one million. No sign, no spaces, no other digits.
     *
     * @param text the number's text
     * @return its value
     * @throws NumberFormatException if the text is anything else, or has more than 18 digits
     */
    public static long parseWhole(String text) {
        if (text == null || text.isEmpty()) {
            throw new NumberFormatException("no digits");
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = c == ',' || c == '_';
            if (separator && i > 0 && i < text.length() - 1) {
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a whole number: " + UntrustedText.quote(text));
            }
            digits.append(c);
        }
        if (digits.length() > MAX_DIGITS) {
            throw new NumberFormatException("too many digits: " + UntrustedText.quote(text));
        }
        return Long.parseLong(digits.toString());
    }
}
